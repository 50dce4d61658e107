import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEventType } from './event-type.ts';

const PEACEFUL = 'Protests/Peaceful protest';
const INTERVENTION = 'Protests/Protest with intervention';
const EXCESSIVE = 'Protests/Excessive force against protesters';
const RIOT = 'Riots/Violent demonstration';
const LOOTING = 'Strategic developments/Looting/property destruction';
const CLASH = 'Battles/Armed clash';
const ARRESTS = 'Strategic developments/Arrests';
const CHANGE = 'Strategic developments/Change to group/activity';
const OTHER = 'Strategic developments/Other';
const ATTACK = 'Violence against civilians/Attack';

/** Reports of the kind the desk got in January 2022, written by us, and how each reads. */
const CASES: ReadonlyArray<[string | undefined, string]> = [
  // Peaceful protests
  [PEACEFUL, 'Жаңаөзенде адамдар алаңға жиналды, газ бағасына наразы'],
  [PEACEFUL, 'Жанаозенде халык аланга жиналды'],
  [PEACEFUL, 'Актауда бейбит шеру журип жатыр'],
  [PEACEFUL, 'Almatyda adamdar jinaldy, sheru bastaldy'],
  [PEACEFUL, 'В Актау митинг продолжается, люди стоят мирно'],
  [PEACEFUL, 'Около 2000 человек собрались у акимата'],
  [PEACEFUL, 'Protesters gathered peacefully on the main square of Zhanaozen'],
  [PEACEFUL, 'Стрельбы нет, митинг мирный'],
  [PEACEFUL, 'Атыс болған жоқ, адамдар алаңда жиналып тұр'],
  [PEACEFUL, 'No shooting, the rally is calm'],
  // Protest with intervention
  [INTERVENTION, 'Полиция разогнала митинг на площади Республики'],
  [INTERVENTION, 'Police used tear gas and stun grenades against the protesters'],
  [INTERVENTION, 'Митингующих задерживают, автозаки стоят у площади'],
  [INTERVENTION, 'Полиция шеруге шыққандарды таратты'],
  [INTERVENTION, 'Алаңда жиналғандарға көзден жас ағызатын газ шашты'],
  // Excessive force
  [EXCESSIVE, 'Военные открыли огонь по толпе на площади'],
  [EXCESSIVE, 'Soldiers fired on the crowd at the rally'],
  [EXCESSIVE, 'Әскерилер жиналғандарға оқ атты'],
  [EXCESSIVE, 'Стреляют по протестующим боевыми патронами'],
  [EXCESSIVE, 'На митинге стреляют, есть погибшие'],
  // Riots
  [RIOT, 'Горит акимат, толпа штурмует здание'],
  [RIOT, 'В Алматы подожгли полицейские машины'],
  [RIOT, 'Әкімдік жанып жатыр'],
  [RIOT, 'Акимдикти басып алды, коп адам'],
  [RIOT, 'Rioters stormed the akimat and set cars on fire'],
  [RIOT, 'Столкновения с полицией у резиденции, бросают камни'],
  [RIOT, 'Мародеры грабят магазины, толпа жжёт машины и бросает камни в полицию'],
  // Looting
  [LOOTING, 'Мародёры разграбили магазины на Абая'],
  [LOOTING, 'Дүкендерді тонап жатыр'],
  [LOOTING, 'Shops are being looted in the city centre'],
  [LOOTING, 'Дукендерди тонап жатыр, тонаушылар коп'],
  // Armed clash
  [CLASH, 'Перестрелка у здания КНБ, вооружённые люди против военных'],
  [CLASH, 'Gunmen exchanged fire with troops near the airport'],
  [CLASH, 'Қарулы адамдар полицияға оқ атып жатыр'],
  [CLASH, 'В ходе КТО идёт стрельба в Алматы'],
  [CLASH, 'Стреляют!'],
  // Arrests
  [ARRESTS, 'В Таразе задержали активистов у них дома'],
  [ARRESTS, 'Ночью 20 адам ұсталды'],
  [ARRESTS, 'Police arrested three journalists in Aktobe'],
  [ARRESTS, 'Задержаны 50 мародёров'],
  // Strategic developments
  [CHANGE, 'Войска ОДКБ прибыли в Алматы'],
  [CHANGE, 'Russian paratroopers arrived as part of the CSTO mission'],
  [OTHER, 'Интернета нет с утра'],
  [OTHER, 'Казир калада интернет жок'],
  [OTHER, 'Комендантский час с 23:00 до 7:00'],
  [OTHER, 'Төтенше жағдай режимі жарияланды'],
  [OTHER, 'A state of emergency was declared in Mangystau'],
  [OTHER, 'Объявлен режим КТО'],
  // Violence against civilians
  [ATTACK, 'Застрелили водителя такси на Сейфуллина'],
  [ATTACK, 'Бейбіт тұрғындарды атып өлтірді'],
  [ATTACK, 'Stray gunfire killed a child in his car'],
  // Nothing to read: ordinary words, negations, false friends
  [undefined, 'Стрельбы нет'],
  [undefined, 'There was no shooting tonight'],
  [undefined, 'Атыс болған жоқ'],
  [undefined, 'The ceasefire holds in the city'],
  [undefined, 'В окнах акимата горит свет'],
  [undefined, 'Я так устал, сижу дома'],
  [undefined, 'Плакат ұстап тұрмын'],
  [undefined, 'Цены на газ выросли вдвое'],
  [undefined, 'Кто знает, где купить хлеб?'],
  [undefined, 'Мы собрались уезжать из города'],
  [undefined, 'Задержка рейса в аэропорту на три часа'],
  [undefined, 'Жаңалықты бүкіл елге таратты'],
  [undefined, 'Ceasefire, fireworks over the river'],
  [undefined, 'Никто не стрелял'],
  [undefined, 'Internet is back'],
  // Armed men seizing a building are fighting, not rioting
  [CLASH, 'Алматы әуежайын қарулы адамдар басып алды'],
  [RIOT, 'В квартире горит свет, а на улице горят машины'],
  [LOOTING, 'Толпа грабит магазины'],
  [INTERVENTION, 'Police detained protesters at the rally'],
  [INTERVENTION, 'Police fired rubber bullets at the protesters'],
  // A crowd with no word for a rally: out, staying, demanding, chanting
  [PEACEFUL, 'На площади уже человек 300, требуют вернуть цену'],
  [PEACEFUL, 'Люди вышли на площадь'],
  [PEACEFUL, 'Скандируют «Шал, кет!», стоят мирно'],
  [PEACEFUL, 'Люди зашли в акимат, ничего не ломают'],
  [PEACEFUL, 'A couple hundred people came out near the administration'],
  [PEACEFUL, 'In solidarity with Zhanaozen, the crowd never went home'],
  [PEACEFUL, 'Адамдар алаңда қалды, кетпейміз дейді'],
  [PEACEFUL, 'Алаңға шығып жатыр'],
  [PEACEFUL, 'Жастар әкімдік алдында тұр, ұраны: «Шал, кет!»'],
  [PEACEFUL, 'adamdar alanda qaldy'],
  [PEACEFUL, 'Alanda kiiz ui tigip jatyr'],
  [PEACEFUL, 'Thousands turned out in Aktau waving flags'],
  [PEACEFUL, 'Адамдар әкімдікке кірді, ештеңе сындырмай'],
  [PEACEFUL, 'Люди идут к акимату'],
  [undefined, 'The news came out late, it turned out the road was closed'],
  [undefined, 'Врачи требуют донорской крови'],
  [undefined, 'Armoured vehicles on Abay avenue, heading to the square'],
  [undefined, 'В акимате работают 300 человек'],
  [undefined, 'Адамдар алаңда жоқ'],
  [undefined, 'Никто не вышел на площадь'],
  // The government's decisions, the shutdown and an order quoted
  [OTHER, 'Президент принял отставку правительства'],
  [OTHER, 'The government resigned'],
  [OTHER, 'Үкімет отставкаға кетті'],
  [OTHER, 'Назарбаев освобожден от должности председателя Совбеза'],
  [OTHER, 'Ввели ЧП и комендантский час'],
  [OTHER, 'Интернета нет по всей стране'],
  [OTHER, 'Интернет өшірілді'],
  [OTHER, 'Интернет жоқ. Ұялы байланыс нашар'],
  [OTHER, 'Приказ открывать огонь на поражение без предупреждения'],
  [OTHER, 'Tokayev said he gave the order to shoot to kill'],
  [undefined, 'Отключили свет, сидим в темноте'],
  [undefined, 'Он снял с поста охраны свою машину'],
  [CLASH, 'Стреляют без предупреждения'],
  // Riots with no word for a riot; what a riot left
  [RIOT, 'Ескерткішін құлатты'],
  [RIOT, 'Снесли памятник Назарбаеву в Талдыкоргане'],
  [RIOT, 'Аэропорт захвачен толпой'],
  [RIOT, 'Әкімдікті басып алды'],
  [RIOT, 'Люди с палками идут к акимату'],
  [RIOT, 'Толпа разбила окна акимата'],
  [RIOT, 'Массовые беспорядки в Алматы'],
  [RIOT, 'Әкімдікті өртеді'],
  [RIOT, 'akimat windows smashed, burned cars from yesterday'],
  [LOOTING, 'Мародеры разбили витрины и грабят магазин'],
  [undefined, 'Сгоревшие машины на площади'],
  [undefined, '8 police killed, 317 injured in the riots so far'],
  // Security forces firing at a crowd are excessive force, not an attack on civilians
  [EXCESSIVE, 'Security forces fired at protesters'],
  [EXCESSIVE, 'Военные стреляли по людям на площади'],
  [EXCESSIVE, 'Әскер алаңдағы адамдарға оқ жаудырды'],
  [EXCESSIVE, 'Әскерилер жиналғандарға оК атты'],
  [ATTACK, 'Солдаты стреляли по людям у магазина'],
  [EXCESSIVE, 'Силовики открыли огонь по людям, которые вышли на площадь'],
  // Kazakh verbs, in Kazakh and in Russian letters
  [PEACEFUL, 'Жиналып жатыр, шеру басталды'],
  [PEACEFUL, 'Наразылық акциясы, ереуіл жалғасып жатыр'],
  [RIOT, 'ортеди акимдикти'],
  [LOOTING, 'Дүкенді тонады'],
  [ARRESTS, 'Полиция белсендіні ұстады'],
  [CLASH, 'Жанаозен, стреляют'],
];

const label = (text: string) => {
  const got = readEventType(text);
  return got ? `${got.eventType}/${got.subEventType}` : undefined;
};

describe('readEventType', () => {
  it('reads the ACLED type and sub-type of short reports in three languages', () => {
    const wrong = CASES.map(([want, text]) => ({ want, text, got: label(text) })).filter((c) => c.got !== c.want);
    assert.deepEqual(
      wrong.map((c) => `${c.want} ← ${c.got}: ${c.text}`),
      [],
    );
  });

  it('points every piece of evidence at the words that triggered it', () => {
    for (const [want, text] of CASES) {
      if (!want) continue;
      const got = readEventType(text)!;
      assert.ok(got.evidence.length > 0, text);
      for (const e of got.evidence) {
        assert.equal(e.from, 'text');
        assert.equal(text.slice(e.start, e.end), e.quote, text);
      }
    }
    const riot = readEventType('Горит акимат, толпа штурмует здание')!;
    assert.deepEqual(
      riot.evidence.map((e) => e.quote),
      ['Горит', 'акимат', 'толпа', 'штурмует'],
    );
    const kk = readEventType('Әскерилер жиналғандарға оқ атты')!;
    assert.ok(
      kk.evidence.some((e) => e.quote === 'оқ атты'),
      kk.evidence.map((e) => e.quote).join(', '),
    );
  });

  it('lists every trigger when several events are told, and picks the most severe', () => {
    const text = 'Митинг на площади, полиция применила слезоточивый газ, потом толпа подожгла акимат';
    const got = readEventType(text)!;
    assert.equal(got.subEventType, 'Violent demonstration');
    assert.deepEqual(
      got.evidence.map((e) => e.quote),
      ['Митинг', 'слезоточивый', 'толпа', 'подожгла'],
    );
  });

  it('is less sure when part of the text is denied, and surer with more evidence', () => {
    const plain = readEventType('Люди собрались на площади')!;
    const denied = readEventType('Люди собрались на площади, стрельбы нет')!;
    const more = readEventType('Люди собрались на площади, митинг, шествие к акимату')!;
    assert.equal(denied.subEventType, 'Peaceful protest');
    assert.ok(denied.confidence < plain.confidence, `${denied.confidence} < ${plain.confidence}`);
    assert.ok(more.confidence > plain.confidence, `${more.confidence} > ${plain.confidence}`);
    const guess = readEventType('Стреляют!')!;
    assert.ok(guess.confidence < 0.4, String(guess.confidence));
    assert.ok(readEventType('Жанаозен, стреляют')!.confidence < 0.3, 'two words are a guess');
  });

  it('is less sure of a summary of the country and of what a riot left than of one event', () => {
    const c = (text: string) => readEventType(text)!.confidence;
    assert.ok(c('По стране протесты в десятке городов') < c('В Актау протесты'));
    assert.ok(c('Kazakhstan: protests in several cities') < c('Protests in Aktau'));
    assert.ok(c('Burned cars from yesterday, windows smashed') < c('Windows smashed, cars burned'));
    assert.ok(c('Интернет жоқ') < c('Интернет өшірілді, байланыс жоқ'), 'noticed, not told cut');
  });

  it('quotes the square or akimat that makes a headcount a crowd', () => {
    const got = readEventType('На площади уже человек 300')!;
    assert.equal(got.subEventType, 'Peaceful protest');
    assert.deepEqual(
      got.evidence.map((e) => e.quote),
      ['площади', 'человек 300'],
    );
    assert.deepEqual(
      readEventType('Военные стреляли по людям на площади')!.evidence.map((e) => e.quote),
      ['стреляли', 'по людям', 'на площади'],
    );
  });
});
