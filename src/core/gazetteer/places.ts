/**
 * Gazetteer data for the Kazakhstan, January 2022 chronicle.
 *
 * Sources: CURATED_PLACES is written by hand from general public geographic knowledge (the kind
 * of facts found on public reference maps and GeoNames-style gazetteers), not copied from any
 * dataset; the author's recollection of public geography was the source. GEONAMES_TOWNS, the
 * smaller towns and district centres, are generated from GeoNames (CC BY 4.0, attribution and
 * changes in towns.ts) by scripts/gazetteer-towns.mjs, which leaves out every town within 10 km
 * of a hand-written place that shares one of its names; comparing the two changed no
 * hand-written entry. Town and city coordinates are rounded to 0.01° (about 1 km) and
 * should be treated as ±2 km. Landmark coordinates carry three decimals only to keep
 * neighbouring buildings apart on a city map; where a comment says "approximate", the point
 * is the city or square centre, not a surveyed position. Checked only for consistency by
 * search.test.ts (inside Kazakhstan's bounding box, parent exists, zone matches the region);
 * before publishing a map at street level, verify landmark points against a survey source.
 *
 * Administrative units and names are those in force on 5 January 2022, so that reports from
 * the uprising resolve to the units that existed then:
 * - 14 regions (oblys/oblast) plus 3 cities of republican significance, which are admin1
 *   units and are stored once, as kind 'region' (see CITY_REGION_IDS).
 * - Abai, Jetisu and Ulytau regions were created on 8 June 2022; they are present with
 *   validFrom so the data stays true later, and nothing uses them as a parent. Towns keep the
 *   parent they had in January 2022 (Semey under East Kazakhstan, Zhezkazgan under
 *   Karaganda, Taldykorgan under Almaty Region).
 * - The capital is named Nur-Sultan (23 March 2019 to 16 September 2022); it was Astana
 *   before and again after. Its id stays 'kz-nur-sultan' whatever the name.
 * - Kapchagay was renamed Konaev in 2022, after the uprising; the January name is primary.
 *
 * Time zones are the IANA zones whose history gives the offsets of that date: UTC+6 for
 * Asia/Almaty and Asia/Qostanay, UTC+5 for the western zones and Asia/Qyzylorda (+5 since
 * 21 December 2018). The whole country moved to UTC+5 on 1 March 2024; the tz history keeps
 * the 2022 offsets, so events must be stored with the zone, not the offset.
 *
 * Id scheme: 'kz-<slug>' for Kazakh places; a region whose name is also a city's gets
 * '-region' ('kz-aktobe-region' vs 'kz-aktobe'); districts and landmarks are prefixed with
 * their city; other countries are 'country-<iso2>' and their cities '<iso2>-<slug>'. A GeoNames
 * town whose slug is taken has its GeoNames id appended ('kz-aktau-1526601'). The Caspian Sea is
 * 'kz-caspian-sea', a landmark of Kazakhstan with no region (see its entry).
 */
import type { Place, PlaceKind } from '../place.ts';
import { TOWN_ROWS } from './towns.ts';

/** Cities of republican significance: admin1 units that reports also treat as cities. */
export const CITY_REGION_IDS: readonly string[] = ['kz-nur-sultan', 'kz-almaty', 'kz-shymkent'];

/**
 * Words reports use for a landmark without naming it ("the akimat", "the airport"). They only
 * identify the landmark when the text also names its city, so search treats them separately.
 */
export const GENERIC_LANDMARK_TERMS: Readonly<Record<string, readonly string[]>> = {
  'kz-almaty-akimat': ['akimat', 'city hall', 'city administration', 'акимат', 'әкімдік', 'мэрия'],
  'kz-almaty-airport': ['airport', 'аэропорт', 'әуежай'],
  'kz-almaty-presidential-residence': ['residence', 'резиденция', 'резиденциясы'],
  'kz-shymkent-akimat': ['akimat', 'city hall', 'акимат', 'әкімдік'],
  'kz-taldykorgan-akimat': ['akimat', 'city hall', 'акимат', 'әкімдік'],
  'kz-zhanaozen-square': ['central square', 'main square', 'центральная площадь', 'орталық алаң'],
  'kz-aktau-yntymak-square': ['central square', 'main square', 'центральная площадь', 'орталық алаң'],
};

const KAZ = 'KAZ';
const COUNTRY_KZ = 'country-kz';

/** Zone of each admin1 unit; towns take their region's zone (no region straddles a zone). */
const REGION_ZONE: Readonly<Record<string, string>> = {
  'kz-akmola': 'Asia/Almaty',
  'kz-aktobe-region': 'Asia/Aqtobe',
  'kz-almaty-region': 'Asia/Almaty',
  'kz-atyrau-region': 'Asia/Atyrau',
  'kz-east-kazakhstan': 'Asia/Almaty',
  'kz-jambyl': 'Asia/Almaty',
  'kz-karaganda-region': 'Asia/Almaty',
  'kz-kostanay-region': 'Asia/Qostanay',
  'kz-kyzylorda-region': 'Asia/Qyzylorda',
  'kz-mangystau': 'Asia/Aqtau',
  'kz-north-kazakhstan': 'Asia/Almaty',
  'kz-pavlodar-region': 'Asia/Almaty',
  'kz-turkistan-region': 'Asia/Almaty',
  'kz-west-kazakhstan': 'Asia/Oral',
  'kz-abai': 'Asia/Almaty',
  'kz-jetisu': 'Asia/Almaty',
  'kz-ulytau': 'Asia/Almaty',
  'kz-nur-sultan': 'Asia/Almaty',
  'kz-almaty': 'Asia/Almaty',
  'kz-shymkent': 'Asia/Almaty',
};

function zoneOf(regionId: string): string {
  const z = REGION_ZONE[regionId];
  if (!z) throw new Error(`gazetteer: no zone for region ${regionId}`);
  return z;
}

type Names = readonly [en: string, ru: string, kk: string];

/** A Kazakh admin1 unit; its point is its administrative centre, as ACLED codes region-level events. */
function region(id: string, [en, ru, kk]: Names, variants: readonly string[], lat: number, lon: number, validFrom?: string): Place {
  const p: Place = {
    id,
    kind: 'region',
    names: { en, ru, kk },
    variants,
    parent: COUNTRY_KZ,
    country: KAZ,
    lat,
    lon,
    timeZone: zoneOf(id),
  };
  if (validFrom) p.validFrom = validFrom;
  return p;
}

/** A Kazakh city, town, district or landmark; the zone is the region's (or city-region's). */
function kz(
  kind: PlaceKind,
  id: string,
  parent: string,
  [en, ru, kk]: Names,
  variants: readonly string[],
  lat: number,
  lon: number,
  admin1 = parent,
): Place {
  return { id, kind, names: { en, ru, kk }, variants, parent, country: KAZ, lat, lon, timeZone: zoneOf(admin1) };
}

function foreign(
  kind: PlaceKind,
  id: string,
  country: string,
  [en, ru, kk]: Names,
  variants: readonly string[],
  lat: number,
  lon: number,
  timeZone: string,
  parent?: string,
): Place {
  const p: Place = { id, kind, names: { en, ru, kk }, variants, country, lat, lon, timeZone };
  if (parent) p.parent = parent;
  return p;
}

const city = (id: string, parent: string, names: Names, variants: readonly string[], lat: number, lon: number) =>
  kz('city', id, parent, names, variants, lat, lon);
const town = (id: string, parent: string, names: Names, variants: readonly string[], lat: number, lon: number) =>
  kz('town', id, parent, names, variants, lat, lon);
const district = (id: string, names: Names, variants: readonly string[], lat: number, lon: number) =>
  kz('district', id, 'kz-almaty', names, variants, lat, lon);
const landmark = (id: string, parent: string, admin1: string, names: Names, variants: readonly string[], lat: number, lon: number) =>
  kz('landmark', id, parent, names, variants, lat, lon, admin1);

/** The places written by hand; GeoNames towns are added to them in PLACES. */
export const CURATED_PLACES: readonly Place[] = [
  // Countries. Points are capitals; Urumqi and Khorgos keep Beijing time, the official time in
  // Xinjiang (the unofficial local "Xinjiang time" is Asia/Urumqi, UTC+6).
  foreign(
    'country',
    COUNTRY_KZ,
    KAZ,
    ['Kazakhstan', 'Казахстан', 'Қазақстан'],
    ['Qazaqstan', 'Kazakstan', 'Republic of Kazakhstan', 'Республика Казахстан', 'Қазақстан Республикасы'],
    51.17,
    71.45,
    'Asia/Almaty',
  ),
  foreign(
    'country',
    'country-ru',
    'RUS',
    ['Russia', 'Россия', 'Ресей'],
    ['Russian Federation', 'Российская Федерация', 'Ресей Федерациясы'],
    55.76,
    37.62,
    'Europe/Moscow',
  ),
  foreign(
    'country',
    'country-cn',
    'CHN',
    ['China', 'Китай', 'Қытай'],
    ["People's Republic of China", 'PRC', 'КНР', 'ҚХР'],
    39.9,
    116.4,
    'Asia/Shanghai',
  ),
  foreign(
    'country',
    'country-kg',
    'KGZ',
    ['Kyrgyzstan', 'Кыргызстан', 'Қырғызстан'],
    ['Kirghizia', 'Kyrgyz Republic', 'Киргизия', 'Kirgizstan'],
    42.87,
    74.59,
    'Asia/Bishkek',
  ),
  foreign(
    'country',
    'country-uz',
    'UZB',
    ['Uzbekistan', 'Узбекистан', 'Өзбекстан'],
    ["O'zbekiston", 'Ozbekistan'],
    41.3,
    69.24,
    'Asia/Tashkent',
  ),
  foreign(
    'country',
    'country-tm',
    'TKM',
    ['Turkmenistan', 'Туркменистан', 'Түрікменстан'],
    ['Turkmenia', 'Туркмения'],
    37.95,
    58.38,
    'Asia/Ashgabat',
  ),
  foreign(
    'country',
    'country-tj',
    'TJK',
    ['Tajikistan', 'Таджикистан', 'Тәжікстан'],
    ['Tadzhikistan', 'Tojikiston'],
    38.56,
    68.77,
    'Asia/Dushanbe',
  ),
  foreign('country', 'country-by', 'BLR', ['Belarus', 'Беларусь', 'Беларусь'], ['Byelorussia', 'Белоруссия'], 53.9, 27.56, 'Europe/Minsk'),
  foreign('country', 'country-am', 'ARM', ['Armenia', 'Армения', 'Армения'], ['Hayastan'], 40.18, 44.51, 'Asia/Yerevan'),

  // Cross-border cities.
  foreign(
    'city',
    'kg-bishkek',
    'KGZ',
    ['Bishkek', 'Бишкек', 'Бішкек'],
    ['Frunze', 'Фрунзе', 'Pishpek'],
    42.87,
    74.59,
    'Asia/Bishkek',
    'country-kg',
  ),
  foreign('city', 'uz-tashkent', 'UZB', ['Tashkent', 'Ташкент', 'Ташкент'], ['Toshkent'], 41.3, 69.24, 'Asia/Tashkent', 'country-uz'),
  // Capitals of the CSTO states that sent troops, and of China, named in reports as seats of
  // governments rather than as places where anything happened.
  foreign(
    'city',
    'ru-moscow',
    'RUS',
    ['Moscow', 'Москва', 'Мәскеу'],
    ['Moskva', 'Maskeu', 'Moskau'],
    55.76,
    37.62,
    'Europe/Moscow',
    'country-ru',
  ),
  foreign('city', 'by-minsk', 'BLR', ['Minsk', 'Минск', 'Минск'], ['Мінск', 'Mensk'], 53.9, 27.56, 'Europe/Minsk', 'country-by'),
  foreign('city', 'am-yerevan', 'ARM', ['Yerevan', 'Ереван', 'Ереван'], ['Erevan', 'Երևան'], 40.18, 44.51, 'Asia/Yerevan', 'country-am'),
  foreign(
    'city',
    'tj-dushanbe',
    'TJK',
    ['Dushanbe', 'Душанбе', 'Душанбе'],
    ['Stalinabad', 'Сталинабад'],
    38.56,
    68.77,
    'Asia/Dushanbe',
    'country-tj',
  ),
  foreign(
    'city',
    'cn-beijing',
    'CHN',
    ['Beijing', 'Пекин', 'Бейжің'],
    ['Peking', 'Бейжин', '北京'],
    39.9,
    116.4,
    'Asia/Shanghai',
    'country-cn',
  ),
  foreign(
    'city',
    'ru-orenburg',
    'RUS',
    ['Orenburg', 'Оренбург', 'Орынбор'],
    ['Orynbor', 'Chkalov', 'Чкалов'],
    51.77,
    55.1,
    'Asia/Yekaterinburg',
    'country-ru',
  ),
  foreign('city', 'ru-omsk', 'RUS', ['Omsk', 'Омск', 'Омбы'], ['Omby'], 54.99, 73.37, 'Asia/Omsk', 'country-ru'),
  foreign(
    'city',
    'cn-urumqi',
    'CHN',
    ['Urumqi', 'Урумчи', 'Үрімжі'],
    ['Ürümqi', 'Urumchi', 'Wulumuqi', 'Ürimji', '乌鲁木齐'],
    43.83,
    87.62,
    'Asia/Shanghai',
    'country-cn',
  ),
  foreign(
    'city',
    'cn-khorgos',
    'CHN',
    ['Khorgos', 'Хоргос', 'Қорғас'],
    ['Khorgas', 'Horgos', 'Korgas', 'Qorgas', 'Huoerguosi', '霍尔果斯'],
    44.21,
    80.41,
    'Asia/Shanghai',
    'country-cn',
  ),

  // Admin1 units in force on 2022-01-05.
  region(
    'kz-akmola',
    ['Akmola Region', 'Акмолинская область', 'Ақмола облысы'],
    ['Akmola', 'Aqmola', 'Akmola oblast', 'Akmola oblysy', 'Акмола', 'Ақмола'],
    53.28,
    69.39,
  ),
  region(
    'kz-aktobe-region',
    ['Aktobe Region', 'Актюбинская область', 'Ақтөбе облысы'],
    ['Aktobe oblast', 'Aqtobe Region', 'Aktobe oblysy', 'Aktyubinsk oblast', 'Актюбинская обл'],
    50.28,
    57.17,
  ),
  region(
    'kz-almaty-region',
    ['Almaty Region', 'Алматинская область', 'Алматы облысы'],
    ['Almaty oblast', 'Almaty oblysy', 'Alma-Ata oblast', 'Алма-Атинская область'],
    45.02,
    78.37,
  ),
  region(
    'kz-atyrau-region',
    ['Atyrau Region', 'Атырауская область', 'Атырау облысы'],
    ['Atyrau oblast', 'Atyrau oblysy', 'Guryev oblast', 'Гурьевская область'],
    47.11,
    51.92,
  ),
  region(
    'kz-east-kazakhstan',
    ['East Kazakhstan Region', 'Восточно-Казахстанская область', 'Шығыс Қазақстан облысы'],
    [
      'East Kazakhstan',
      'East Kazakhstan oblast',
      'Shygys Kazakhstan',
      'Shyghys Qazaqstan',
      'VKO',
      'ВКО',
      'Восточный Казахстан',
      'Шығыс Қазақстан',
    ],
    49.95,
    82.61,
  ),
  region(
    'kz-jambyl',
    ['Jambyl Region', 'Жамбылская область', 'Жамбыл облысы'],
    ['Jambyl', 'Zhambyl', 'Zhambyl Region', 'Zhambyl oblast', 'Jambyl oblysy', 'Dzhambul oblast', 'Жамбыл', 'Джамбульская область'],
    42.9,
    71.37,
  ),
  region(
    'kz-karaganda-region',
    ['Karaganda Region', 'Карагандинская область', 'Қарағанды облысы'],
    ['Karaganda oblast', 'Karagandy Region', 'Qaraghandy Region', 'Karagandy oblysy'],
    49.8,
    73.1,
  ),
  region(
    'kz-kostanay-region',
    ['Kostanay Region', 'Костанайская область', 'Қостанай облысы'],
    ['Kostanay oblast', 'Qostanay Region', 'Kustanai oblast', 'Кустанайская область'],
    53.21,
    63.63,
  ),
  region(
    'kz-kyzylorda-region',
    ['Kyzylorda Region', 'Кызылординская область', 'Қызылорда облысы'],
    ['Kyzylorda oblast', 'Qyzylorda Region', 'Kzyl-Orda oblast'],
    44.85,
    65.51,
  ),
  region(
    'kz-mangystau',
    ['Mangystau Region', 'Мангистауская область', 'Маңғыстау облысы'],
    ['Mangystau', 'Mangistau', 'Mangghystau', 'Mangystau oblast', 'Mangystau oblysy', 'Mangyshlak', 'Мангистау', 'Маңғыстау', 'Мангышлак'],
    43.65,
    51.17,
  ),
  region(
    'kz-north-kazakhstan',
    ['North Kazakhstan Region', 'Северо-Казахстанская область', 'Солтүстік Қазақстан облысы'],
    [
      'North Kazakhstan',
      'North Kazakhstan oblast',
      'Soltustik Kazakhstan',
      'Soltüstik Qazaqstan',
      'SKO',
      'СКО',
      'Северный Казахстан',
      'Солтүстік Қазақстан',
    ],
    54.87,
    69.15,
  ),
  region(
    'kz-pavlodar-region',
    ['Pavlodar Region', 'Павлодарская область', 'Павлодар облысы'],
    ['Pavlodar oblast', 'Pavlodar oblysy'],
    52.29,
    76.95,
  ),
  // Named South Kazakhstan Region until 19 June 2018, when Shymkent was separated from it; like
  // other former names, the old one is a variant (no report in January 2022 means the old unit,
  // though "ЮКО" may still take in Shymkent).
  region(
    'kz-turkistan-region',
    ['Turkistan Region', 'Туркестанская область', 'Түркістан облысы'],
    [
      'Turkestan Region',
      'Turkistan oblast',
      'Turkistan oblysy',
      'Türkistan Region',
      'South Kazakhstan Region',
      'South Kazakhstan',
      'South Kazakhstan oblast',
      'Южно-Казахстанская область',
      'Южный Казахстан',
      'ЮКО',
      'Оңтүстік Қазақстан облысы',
      'Оңтүстік Қазақстан',
    ],
    43.3,
    68.27,
    '2018-06-19',
  ),
  region(
    'kz-west-kazakhstan',
    ['West Kazakhstan Region', 'Западно-Казахстанская область', 'Батыс Қазақстан облысы'],
    [
      'West Kazakhstan',
      'West Kazakhstan oblast',
      'Batys Kazakhstan',
      'Batys Qazaqstan',
      'ZKO',
      'ЗКО',
      'Западный Казахстан',
      'Батыс Қазақстан',
    ],
    51.23,
    51.37,
  ),
  // Cities of republican significance. Nur-Sultan: Akmolinsk (to 1961), Tselinograd (to 1992),
  // Akmola (to 1998), Astana (to 23 March 2019), Nur-Sultan, Astana again from 17 September 2022.
  region(
    'kz-nur-sultan',
    ['Nur-Sultan', 'Нур-Султан', 'Нұр-Сұлтан'],
    ['Nursultan', 'Nur Sultan', 'Astana', 'Астана', 'Akmola', 'Акмола', 'Ақмола', 'Akmolinsk', 'Акмолинск', 'Tselinograd', 'Целиноград'],
    51.17,
    71.45,
  ),
  region(
    'kz-almaty',
    ['Almaty', 'Алматы', 'Алматы'],
    ['Alma-Ata', 'Alma Ata', 'Алма-Ата', 'Almaty city', 'город Алматы', 'Verny', 'Vernyi', 'Верный'],
    43.24,
    76.95,
  ),
  region('kz-shymkent', ['Shymkent', 'Шымкент', 'Шымкент'], ['Chimkent', 'Чимкент', 'Shymkent city'], 42.32, 69.6),

  // Regions created on 8 June 2022, out of East Kazakhstan, Almaty Region and Karaganda.
  region(
    'kz-abai',
    ['Abai Region', 'область Абай', 'Абай облысы'],
    ['Abai oblast', 'Abay Region', 'Абайская область'],
    50.41,
    80.25,
    '2022-06-08',
  ),
  region(
    'kz-jetisu',
    ['Jetisu Region', 'область Жетісу', 'Жетісу облысы'],
    ['Zhetysu Region', 'Jetisu oblast', 'Жетысуская область', 'область Жетысу'],
    45.02,
    78.37,
    '2022-06-08',
  ),
  region(
    'kz-ulytau',
    ['Ulytau Region', 'область Ұлытау', 'Ұлытау облысы'],
    ['Ulytau oblast', 'Улытауская область', 'область Улытау'],
    47.8,
    67.71,
    '2022-06-08',
  ),

  // Mangystau.
  city('kz-aktau', 'kz-mangystau', ['Aktau', 'Актау', 'Ақтау'], ['Aqtau', 'Shevchenko', 'Шевченко'], 43.65, 51.17),
  city(
    'kz-zhanaozen',
    'kz-mangystau',
    ['Zhanaozen', 'Жанаозен', 'Жаңаөзен'],
    ['Janaozen', 'Zhangaozen', 'Zhanaözen', 'Jańaózen', 'Žanaözen', 'Zhana Ozen', 'Novy Uzen', 'Новый Узень'],
    43.34,
    52.86,
  ),
  town('kz-zhetybai', 'kz-mangystau', ['Zhetybai', 'Жетыбай', 'Жетібай'], ['Zhetybay', 'Jetibay', 'Zhetibai', 'Zhetibay'], 43.59, 52.08),
  town('kz-beyneu', 'kz-mangystau', ['Beyneu', 'Бейнеу', 'Бейнеу'], ['Beineu', 'Beynew'], 45.32, 55.2),
  town(
    'kz-fort-shevchenko',
    'kz-mangystau',
    ['Fort-Shevchenko', 'Форт-Шевченко', 'Форт-Шевченко'],
    ['Fort Shevchenko', 'Fort-Aleksandrovsky', 'Форт-Александровский'],
    44.51,
    50.26,
  ),
  town('kz-shetpe', 'kz-mangystau', ['Shetpe', 'Шетпе', 'Шетпе'], [], 44.16, 52.12),
  town('kz-kuryk', 'kz-mangystau', ['Kuryk', 'Курык', 'Құрық'], ['Quryq', 'Kurik'], 43.18, 51.66),

  // The Caspian borders five states; it is stored under Kazakhstan, with no region, because what
  // the chronicle's reports mean by it is the Kazakh coast, which runs through Mangystau and
  // Atyrau. Approximate: a point at sea off Aktau.
  foreign(
    'landmark',
    'kz-caspian-sea',
    KAZ,
    ['Caspian Sea', 'Каспийское море', 'Каспий теңізі'],
    ['Caspian', 'Kaspiy', 'Каспий', 'Каспийского моря', 'Каспийском море', 'Каспийскому морю'],
    43.8,
    50.6,
    'Asia/Aqtau',
    COUNTRY_KZ,
  ),

  // Atyrau.
  city('kz-atyrau', 'kz-atyrau-region', ['Atyrau', 'Атырау', 'Атырау'], ['Guryev', 'Guriev', 'Гурьев'], 47.11, 51.92),
  town('kz-kulsary', 'kz-atyrau-region', ['Kulsary', 'Кульсары', 'Құлсары'], ['Qulsary'], 46.95, 54.02),
  town('kz-makat', 'kz-atyrau-region', ['Makat', 'Макат', 'Мақат'], ['Maqat'], 47.65, 53.32),
  town('kz-dossor', 'kz-atyrau-region', ['Dossor', 'Доссор', 'Доссор'], [], 47.53, 52.98),

  // West Kazakhstan.
  city('kz-oral', 'kz-west-kazakhstan', ['Oral', 'Уральск', 'Орал'], ['Uralsk', 'Uralsk city'], 51.23, 51.37),
  town('kz-aksai', 'kz-west-kazakhstan', ['Aksai', 'Аксай', 'Ақсай'], ['Aksay', 'Aqsay'], 51.17, 53.0),

  // Aktobe.
  city('kz-aktobe', 'kz-aktobe-region', ['Aktobe', 'Актобе', 'Ақтөбе'], ['Aqtobe', 'Aktyubinsk', 'Актюбинск'], 50.28, 57.17),
  town('kz-khromtau', 'kz-aktobe-region', ['Khromtau', 'Хромтау', 'Хромтау'], ['Hromtau'], 50.25, 58.44),
  town(
    'kz-kandyagash',
    'kz-aktobe-region',
    ['Kandyagash', 'Кандыагаш', 'Қандыағаш'],
    ['Qandyagash', 'Qandyaghash', 'Kandyagach', 'Oktyabrsk', 'Октябрьск'],
    49.47,
    57.42,
  ),
  town('kz-shalkar', 'kz-aktobe-region', ['Shalkar', 'Шалкар', 'Шалқар'], ['Shalqar', 'Chelkar', 'Челкар'], 47.83, 59.62),
  town('kz-emba', 'kz-aktobe-region', ['Emba', 'Эмба', 'Ембі'], ['Embi'], 48.83, 58.14),
  town('kz-alga', 'kz-aktobe-region', ['Alga', 'Алга', 'Алға'], [], 49.9, 57.33),

  // Kostanay.
  city(
    'kz-kostanay',
    'kz-kostanay-region',
    ['Kostanay', 'Костанай', 'Қостанай'],
    ['Qostanay', 'Kustanai', 'Kustanay', 'Кустанай'],
    53.21,
    63.63,
  ),
  city('kz-rudny', 'kz-kostanay-region', ['Rudny', 'Рудный', 'Рудный'], ['Rudnyy', 'Rudnyi', 'Rudnyj'], 52.96, 63.12),
  city('kz-lisakovsk', 'kz-kostanay-region', ['Lisakovsk', 'Лисаковск', 'Лисаков'], [], 52.54, 62.49),
  city('kz-arkalyk', 'kz-kostanay-region', ['Arkalyk', 'Аркалык', 'Арқалық'], ['Arqalyq'], 50.25, 66.91),
  town('kz-zhitikara', 'kz-kostanay-region', ['Zhitikara', 'Житикара', 'Жітіқара'], ['Jitiqara', 'Dzhetygara', 'Джетыгара'], 52.19, 61.2),

  // North Kazakhstan.
  // Kyzylzhar, its Kazakh name before the Russian fort, is still used for it in Kazakh.
  city(
    'kz-petropavl',
    'kz-north-kazakhstan',
    ['Petropavl', 'Петропавловск', 'Петропавл'],
    ['Petropavlovsk', 'Kyzylzhar', 'Qyzyljar', 'Қызылжар'],
    54.87,
    69.15,
  ),
  town('kz-bulaevo', 'kz-north-kazakhstan', ['Bulaevo', 'Булаево', 'Булаев'], ['Bulayevo'], 54.9, 70.44),

  // Akmola.
  city('kz-kokshetau', 'kz-akmola', ['Kokshetau', 'Кокшетау', 'Көкшетау'], ['Kökshetau', 'Kokchetav', 'Кокчетав'], 53.28, 69.39),
  city('kz-stepnogorsk', 'kz-akmola', ['Stepnogorsk', 'Степногорск', 'Степногор'], [], 52.35, 71.89),
  // Kosshy became a town in 2021; its point is approximate (±5 km), just south of the capital.
  city('kz-kosshy', 'kz-akmola', ['Kosshy', 'Косшы', 'Қосшы'], ['Qosshy', 'Koshy'], 51.0, 71.3),
  town('kz-shchuchinsk', 'kz-akmola', ['Shchuchinsk', 'Щучинск', 'Щучинск'], ['Shuchinsk', 'Shchuchinskiy'], 52.93, 70.19),
  town('kz-atbasar', 'kz-akmola', ['Atbasar', 'Атбасар', 'Атбасар'], [], 51.81, 68.36),
  town('kz-makinsk', 'kz-akmola', ['Makinsk', 'Макинск', 'Макинск'], [], 52.63, 70.42),
  town('kz-akkol', 'kz-akmola', ['Akkol', 'Акколь', 'Ақкөл'], ['Aqkol'], 51.99, 70.94),
  town('kz-esil', 'kz-akmola', ['Esil', 'Есиль', 'Есіл'], ['Yesil'], 51.96, 66.4),
  town('kz-ereymentau', 'kz-akmola', ['Ereymentau', 'Ерейментау', 'Ерейментау'], ['Yereymentau', 'Erementau'], 51.62, 73.1),

  // Pavlodar.
  city('kz-pavlodar', 'kz-pavlodar-region', ['Pavlodar', 'Павлодар', 'Павлодар'], [], 52.29, 76.95),
  city('kz-ekibastuz', 'kz-pavlodar-region', ['Ekibastuz', 'Экибастуз', 'Екібастұз'], ['Ekibastuz city', 'Ekibastūz'], 51.72, 75.32),
  city('kz-aksu', 'kz-pavlodar-region', ['Aksu', 'Аксу', 'Ақсу'], ['Aqsu', 'Ermak', 'Yermak', 'Ермак'], 52.04, 76.93),

  // Karaganda (Zhezkazgan and Satpayev moved to Ulytau Region in June 2022).
  city(
    'kz-karaganda',
    'kz-karaganda-region',
    ['Karaganda', 'Караганда', 'Қарағанды'],
    ['Karagandy', 'Qaraghandy', 'Караганды'],
    49.8,
    73.1,
  ),
  city('kz-temirtau', 'kz-karaganda-region', ['Temirtau', 'Темиртау', 'Теміртау'], [], 50.05, 72.96),
  city('kz-balkhash', 'kz-karaganda-region', ['Balkhash', 'Балхаш', 'Балқаш'], ['Balqash', 'Balkash'], 46.85, 74.98),
  city(
    'kz-zhezkazgan',
    'kz-karaganda-region',
    ['Zhezkazgan', 'Жезказган', 'Жезқазған'],
    ['Jezkazgan', 'Dzhezkazgan', 'Джезказган', 'Jezqazghan'],
    47.8,
    67.71,
  ),
  city(
    'kz-satpayev',
    'kz-karaganda-region',
    ['Satpayev', 'Сатпаев', 'Сәтбаев'],
    ['Satbayev', 'Satpaev', 'Nikolsky', 'Никольский'],
    47.9,
    67.53,
  ),
  city('kz-shakhtinsk', 'kz-karaganda-region', ['Shakhtinsk', 'Шахтинск', 'Шахтинск'], [], 49.71, 72.59),
  city('kz-saran', 'kz-karaganda-region', ['Saran', 'Сарань', 'Саран'], [], 49.8, 72.84),
  city('kz-priozersk', 'kz-karaganda-region', ['Priozersk', 'Приозёрск', 'Приозерск'], ['Priozyorsk'], 46.03, 73.7),
  town('kz-karkaraly', 'kz-karaganda-region', ['Karkaraly', 'Каркаралинск', 'Қарқаралы'], ['Karkaralinsk', 'Qarqaraly'], 49.41, 75.47),

  // East Kazakhstan (Semey, Ayagoz and Kurchatov moved to Abai Region in June 2022).
  city(
    'kz-oskemen',
    'kz-east-kazakhstan',
    ['Oskemen', 'Усть-Каменогорск', 'Өскемен'],
    ['Öskemen', 'Ust-Kamenogorsk', 'Ust Kamenogorsk', 'Ustkamenogorsk'],
    49.95,
    82.61,
  ),
  city('kz-semey', 'kz-east-kazakhstan', ['Semey', 'Семей', 'Семей'], ['Semei', 'Semipalatinsk', 'Семипалатинск'], 50.41, 80.25),
  city('kz-ridder', 'kz-east-kazakhstan', ['Ridder', 'Риддер', 'Риддер'], ['Leninogorsk', 'Лениногорск'], 50.34, 83.51),
  // Named Zyryanovsk until 2019.
  town('kz-altai', 'kz-east-kazakhstan', ['Altai', 'Алтай', 'Алтай'], ['Altay', 'Zyryanovsk', 'Зыряновск'], 49.72, 84.27),
  town('kz-ayagoz', 'kz-east-kazakhstan', ['Ayagoz', 'Аягоз', 'Аягөз'], ['Ayaguz', 'Аягуз'], 47.96, 80.44),
  town('kz-zaisan', 'kz-east-kazakhstan', ['Zaisan', 'Зайсан', 'Зайсаң'], ['Zaysan'], 47.47, 84.87),
  city('kz-kurchatov', 'kz-east-kazakhstan', ['Kurchatov', 'Курчатов', 'Курчатов'], [], 50.76, 78.55),
  town('kz-shemonaikha', 'kz-east-kazakhstan', ['Shemonaikha', 'Шемонаиха', 'Шемонаиха'], ['Shemonaykha'], 50.63, 81.91),

  // Almaty Region (Taldykorgan, Tekeli, Zharkent, Ushtobe, Sarkand and Usharal moved to
  // Jetisu Region in June 2022; Almaty Region's centre then moved to Konaev).
  city(
    'kz-taldykorgan',
    'kz-almaty-region',
    ['Taldykorgan', 'Талдыкорган', 'Талдықорған'],
    ['Taldyqorghan', 'Taldy-Kurgan', 'Талды-Курган'],
    45.02,
    78.37,
  ),
  city(
    'kz-kapchagay',
    'kz-almaty-region',
    ['Kapchagay', 'Капшагай', 'Қапшағай'],
    ['Kapshagay', 'Qapshaghay', 'Капчагай', 'Konaev', 'Qonaev', 'Kunaev', 'Конаев', 'Қонаев'],
    43.88,
    77.07,
  ),
  city('kz-tekeli', 'kz-almaty-region', ['Tekeli', 'Текели', 'Текелі'], [], 44.84, 78.8),
  town('kz-kaskelen', 'kz-almaty-region', ['Kaskelen', 'Каскелен', 'Қаскелең'], ['Qaskelen'], 43.2, 76.62),
  town('kz-talgar', 'kz-almaty-region', ['Talgar', 'Талгар', 'Талғар'], ['Talghar'], 43.3, 77.24),
  town('kz-esik', 'kz-almaty-region', ['Esik', 'Есик', 'Есік'], ['Yesik', 'Issyk', 'Иссык'], 43.36, 77.45),
  town('kz-zharkent', 'kz-almaty-region', ['Zharkent', 'Жаркент', 'Жаркент'], ['Jarkent', 'Panfilov', 'Панфилов'], 44.16, 80.0),
  town('kz-ushtobe', 'kz-almaty-region', ['Ushtobe', 'Уштобе', 'Үштөбе'], ['Üshtöbe', 'Ushtube'], 45.25, 77.98),
  town('kz-sarkand', 'kz-almaty-region', ['Sarkand', 'Сарканд', 'Сарқан'], ['Sarkan', 'Sarqan'], 45.41, 79.92),
  town('kz-usharal', 'kz-almaty-region', ['Usharal', 'Ушарал', 'Үшарал'], [], 46.17, 80.94),
  town('kz-uzynagash', 'kz-almaty-region', ['Uzynagash', 'Узынагаш', 'Ұзынағаш'], ['Uzun-Agach', 'Узун-Агач'], 43.22, 76.31),
  town('kz-shelek', 'kz-almaty-region', ['Shelek', 'Шелек', 'Шелек'], ['Chilik', 'Чилик'], 43.6, 78.25),
  town('kz-otegen-batyr', 'kz-almaty-region', ['Otegen Batyr', 'Отеген батыр', 'Өтеген батыр'], ['Otegen-Batyr'], 43.42, 77.01),

  // Jambyl.
  city('kz-taraz', 'kz-jambyl', ['Taraz', 'Тараз', 'Тараз'], ['Dzhambul', 'Джамбул', 'Aulie-Ata', 'Аулие-Ата'], 42.9, 71.37),
  town('kz-zhanatas', 'kz-jambyl', ['Zhanatas', 'Жанатас', 'Жаңатас'], ['Janatas'], 43.57, 69.75),
  town('kz-karatau', 'kz-jambyl', ['Karatau', 'Каратау', 'Қаратау'], ['Qaratau'], 43.18, 70.46),
  town('kz-shu', 'kz-jambyl', ['Shu', 'Шу', 'Шу'], ['Chu'], 43.6, 73.76),
  town('kz-kordai', 'kz-jambyl', ['Kordai', 'Кордай', 'Қордай'], ['Korday', 'Qorday'], 43.04, 74.71),

  // Turkistan.
  city('kz-turkistan', 'kz-turkistan-region', ['Turkistan', 'Туркестан', 'Түркістан'], ['Turkestan', 'Türkistan'], 43.3, 68.27),
  city('kz-kentau', 'kz-turkistan-region', ['Kentau', 'Кентау', 'Кентау'], [], 43.52, 68.5),
  city('kz-arys', 'kz-turkistan-region', ['Arys', 'Арысь', 'Арыс'], [], 42.43, 68.81),
  town('kz-saryagash', 'kz-turkistan-region', ['Saryagash', 'Сарыагаш', 'Сарыағаш'], ['Saryaghash', 'Saryagach'], 41.45, 69.17),
  town('kz-zhetisay', 'kz-turkistan-region', ['Zhetisay', 'Жетысай', 'Жетісай'], ['Jetisay', 'Zhetysai'], 40.77, 68.33),
  town('kz-lenger', 'kz-turkistan-region', ['Lenger', 'Ленгер', 'Ленгір'], ['Lengir'], 42.18, 69.88),
  town('kz-shardara', 'kz-turkistan-region', ['Shardara', 'Шардара', 'Шардара'], ['Chardara', 'Чардара'], 41.26, 67.97),

  // Kyzylorda. Baikonur is Kazakh territory leased to Russia and run by it; it keeps local time.
  city(
    'kz-kyzylorda',
    'kz-kyzylorda-region',
    ['Kyzylorda', 'Кызылорда', 'Қызылорда'],
    ['Qyzylorda', 'Kzyl-Orda', 'Кзыл-Орда', 'Perovsk', 'Перовск', 'Ak-Mechet', 'Ак-Мечеть'],
    44.85,
    65.51,
  ),
  town('kz-aral', 'kz-kyzylorda-region', ['Aral', 'Аральск', 'Арал'], ['Aralsk'], 46.8, 61.67),
  city(
    'kz-baikonur',
    'kz-kyzylorda-region',
    ['Baikonur', 'Байконур', 'Байқоңыр'],
    ['Baykonur', 'Bayqongyr', 'Leninsk', 'Ленинск'],
    45.62,
    63.32,
  ),
  town('kz-kazaly', 'kz-kyzylorda-region', ['Kazaly', 'Казалинск', 'Қазалы'], ['Kazalinsk', 'Qazaly'], 45.76, 62.1),
  town('kz-shieli', 'kz-kyzylorda-region', ['Shieli', 'Шиели', 'Шиелі'], ['Chiili', 'Чиили'], 44.17, 66.75),
  town(
    'kz-zhanakorgan',
    'kz-kyzylorda-region',
    ['Zhanakorgan', 'Жанакорган', 'Жаңақорған'],
    ['Zhanaqorghan', 'Yany-Kurgan', 'Яны-Курган'],
    43.91,
    67.25,
  ),

  // Districts of Almaty; points are rough district centres (±2 km).
  district('kz-almaty-almaly', ['Almaly District', 'Алмалинский район', 'Алмалы ауданы'], ['Almaly', 'Алмалы'], 43.25, 76.92),
  district('kz-almaty-medeu', ['Medeu District', 'Медеуский район', 'Медеу ауданы'], ['Medeu', 'Medeo', 'Медеу'], 43.24, 76.98),
  district(
    'kz-almaty-bostandyk',
    ['Bostandyk District', 'Бостандыкский район', 'Бостандық ауданы'],
    ['Bostandyk', 'Bostandyq', 'Бостандык'],
    43.21,
    76.91,
  ),
  district('kz-almaty-auezov', ['Auezov District', 'Ауэзовский район', 'Әуезов ауданы'], ['Auezov', 'Äuezov', 'Ауэзов'], 43.22, 76.85),
  district('kz-almaty-alatau', ['Alatau District', 'Алатауский район', 'Алатау ауданы'], ['Alatau'], 43.28, 76.83),
  district('kz-almaty-zhetysu', ['Zhetysu District', 'Жетысуский район', 'Жетісу ауданы'], ['Zhetysu', 'Жетысу'], 43.29, 76.93),
  district('kz-almaty-turksib', ['Turksib District', 'Турксибский район', 'Түрксіб ауданы'], ['Turksib', 'Турксиб'], 43.34, 76.98),
  district(
    'kz-almaty-nauryzbay',
    ['Nauryzbay District', 'Наурызбайский район', 'Наурызбай ауданы'],
    ['Nauryzbay', 'Nauryzbai'],
    43.19,
    76.79,
  ),

  // Landmarks named in reports.
  landmark(
    'kz-nur-sultan-akorda',
    'kz-nur-sultan',
    'kz-nur-sultan',
    ['Akorda Presidential Palace', 'Акорда', 'Ақорда'],
    ['Akorda', 'Ak Orda', 'Aqorda', 'Akorda palace', 'резиденция Акорда'],
    51.126,
    71.446,
  ),
  landmark(
    'kz-nur-sultan-baiterek',
    'kz-nur-sultan',
    'kz-nur-sultan',
    ['Baiterek Tower', 'Байтерек', 'Бәйтерек'],
    ['Baiterek', 'Bayterek', 'Baiterek monument', 'монумент Байтерек'],
    51.128,
    71.43,
  ),
  // Called New Square (Новая площадь) in Soviet times; the Independence Monument stands on it.
  landmark(
    'kz-almaty-republic-square',
    'kz-almaty',
    'kz-almaty',
    ['Republic Square', 'Площадь Республики', 'Республика алаңы'],
    [
      'Respublika alany',
      'Respublika Square',
      'New Square',
      'Новая площадь',
      'Novaya ploshchad',
      'Independence Monument',
      'Монумент Независимости',
      'Тәуелсіздік монументі',
    ],
    43.238,
    76.946,
  ),
  // Faces Republic Square from the south; burned on 5 January 2022.
  landmark(
    'kz-almaty-akimat',
    'kz-almaty',
    'kz-almaty',
    ['Almaty City Akimat', 'Акимат города Алматы', 'Алматы қаласының әкімдігі'],
    ['Almaty akimat', 'Almaty city hall', "Almaty mayor's office", 'акимат Алматы', 'Алматы әкімдігі', 'мэрия Алматы'],
    43.237,
    76.945,
  ),
  landmark(
    'kz-almaty-airport',
    'kz-almaty',
    'kz-almaty',
    ['Almaty International Airport', 'Международный аэропорт Алматы', 'Алматы халықаралық әуежайы'],
    ['Almaty Airport', 'Alma-Ata airport', 'аэропорт Алматы', 'аэропорт Алма-Аты', 'Алматы әуежайы'],
    43.352,
    77.04,
  ),
  // West of Nazarbayev Avenue and north of Gandhi Street, next to the akimat (approximate);
  // burned in January 2022 and later demolished for a public garden.
  landmark(
    'kz-almaty-presidential-residence',
    'kz-almaty',
    'kz-almaty',
    ['Almaty Presidential Residence', 'Резиденция Президента в Алматы', 'Алматыдағы Президент резиденциясы'],
    ['Presidential residence', "President's residence", 'резиденция президента', 'Президент резиденциясы'],
    43.234,
    76.949,
  ),
  // The old square in front of the former parliament building (now KBTU), on Tole Bi Street.
  landmark(
    'kz-almaty-astana-square',
    'kz-almaty',
    'kz-almaty',
    ['Astana Square', 'Площадь Астана', 'Астана алаңы'],
    ['Old Square', 'Старая площадь', 'Ескі алаң', 'Staraya ploshchad', 'Staraya Square'],
    43.255,
    76.944,
  ),
  landmark(
    'kz-almaty-kok-tobe',
    'kz-almaty',
    'kz-almaty',
    ['Kok-Tobe TV Tower', 'Телебашня Кок-Тобе', 'Көктөбе телемұнарасы'],
    ['Kok-Tobe', 'Koktobe', 'Kok Tobe', 'Кок-Тобе', 'Көктөбе', 'Almaty TV tower', 'алматинская телебашня'],
    43.229,
    76.976,
  ),
  // Approximate: the building's position is not verified; the point is central Almaty.
  landmark(
    'kz-almaty-knb',
    'kz-almaty',
    'kz-almaty',
    ['National Security Committee building (Almaty)', 'Здание КНБ по городу Алматы', 'ҰҚК Алматы қаласы бойынша департаменті'],
    [
      'KNB building',
      'Almaty KNB',
      'KNB',
      'КНБ',
      'ҰҚК',
      'National Security Committee',
      'Комитет национальной безопасности',
      'здание КНБ',
      'департамент КНБ',
    ],
    43.24,
    76.94,
  ),
  // Approximate: town centre. Reports call it "the central square" or "the square by the akimat".
  landmark(
    'kz-zhanaozen-square',
    'kz-zhanaozen',
    'kz-mangystau',
    ['Zhanaozen central square', 'Центральная площадь Жанаозена', 'Жаңаөзен орталық алаңы'],
    ['Zhanaozen square', 'Zhanaozen main square', 'Janaozen square', 'площадь Жанаозена'],
    43.34,
    52.86,
  ),
  // Approximate: by the city administration in the centre of Aktau.
  landmark(
    'kz-aktau-yntymak-square',
    'kz-aktau',
    'kz-mangystau',
    ['Yntymak Square', 'Площадь Ынтымак', 'Ынтымақ алаңы'],
    ['Yntymaq Square', 'Yntymak', 'Ынтымак', 'Ынтымақ'],
    43.65,
    51.16,
  ),
  // Approximate: city centre.
  landmark(
    'kz-shymkent-akimat',
    'kz-shymkent',
    'kz-shymkent',
    ['Shymkent City Akimat', 'Акимат города Шымкента', 'Шымкент қаласының әкімдігі'],
    ['Shymkent akimat', 'Shymkent city hall', 'акимат Шымкента', 'Шымкент әкімдігі'],
    42.32,
    69.6,
  ),
  // Approximate: city centre. Reports of "the akimat" there may mean the regional one.
  landmark(
    'kz-taldykorgan-akimat',
    'kz-taldykorgan',
    'kz-almaty-region',
    ['Taldykorgan Akimat', 'Акимат Талдыкоргана', 'Талдықорған әкімдігі'],
    ['Taldykorgan city hall', 'акимат Талдыкоргана', 'Taldykorgan akimat building'],
    45.02,
    78.37,
  ),
];

/** A town taken from GeoNames (see towns.ts), with what search needs to read it cautiously. */
export interface GeoNamesTown extends Place {
  kind: 'town';
  geonamesId: number;
  population: number;
}

export const GEONAMES_TOWNS: readonly GeoNamesTown[] = TOWN_ROWS.map(
  ([geonamesId, id, region, lat, lon, population, en, ru, kk, ...variants]) => ({
    ...kz('town', id, region, [en, ru, kk], variants, lat, lon),
    kind: 'town',
    geonamesId,
    population,
  }),
);

export const PLACES: readonly Place[] = [...CURATED_PLACES, ...GEONAMES_TOWNS];
