/**
 * Demo chronicle "Kazakhstan, January 2022": the fuel-price protests that began in Zhanaozen on
 * 2 January and the uprising, crackdown and foreign deployment that followed, to 11 January.
 *
 * The events are drawn from the public record (wire services, Kazakh and regional media,
 * official statements, rights groups, and the CrimethInc. zine in shared/corpus). Every
 * sentence here is our own; nothing is copied from a source. Sources are cited by the
 * outlet's home page only, never by an invented article address, and `title` says in our words
 * what the outlet reported. The demo invents no incident, but it is not an authoritative
 * record: figures are given as the named bodies announced them, and uncertain points say so
 * in the notes, a wide time precision or the status.
 *
 * The private witness sources and the reports typed into the form are illustrative stand-ins
 * (no real person stands behind them). They show the editors' workflow; an event rests on them
 * alone only where it is marked unverified or retracted.
 */
import type { Actor, SourceRef } from '../core/event.ts';
import type { EVENT_TYPES, EventType, GeoPrecision, SubEventType } from '../core/coding.ts';
import type { ReportedFatalities } from '../core/fatalities.ts';
import type { HowKnown, ReportState } from '../core/report.ts';
import type { TimePrecision } from '../core/time.ts';
import type { VerificationStatus } from '../core/verification.ts';

export interface DemoEvent {
  /** Stable key within the demo; corrections, reports and tests refer to it. */
  key: string;
  /** Gazetteer id of the place. */
  placeId: string;
  /** Local date at the place, YYYY-MM-DD (for month precision, the first of the month). */
  date: string;
  /** Local wall-clock HH:MM; for part_of_day, the PART_OF_DAY_HOUR value. */
  clock?: string;
  /** Last local date of an interval. */
  endDate?: string;
  endClock?: string;
  precision: TimePrecision;
  approximate?: boolean;
  geoPrecision: GeoPrecision;
  summary: { en: string; ru: string };
  notes: string;
  eventType: EventType;
  subEventType: SubEventType;
  actor1: Actor;
  actor2?: Actor;
  civilianTargeting?: boolean;
  fatalities?: ReportedFatalities;
  status: VerificationStatus;
  statusReason?: string;
  sources: SourceRef[];
  tags?: string[];
  /** Later revisions, applied in order on top of the event as first published. */
  corrections?: DemoCorrection[];
}

export type DemoEventFields = Omit<DemoEvent, 'key' | 'corrections'>;

export interface DemoCorrection {
  /** Local date the correction was made (may fall after 11 January). */
  on: string;
  /** Why the event changed; becomes the revision's reason. */
  reason: string;
  changes: Partial<DemoEventFields>;
}

export interface DemoWitnessSource {
  key: string;
  kind: 'witness' | 'relay';
  /** Pseudonym; never a real name. */
  name: string;
  reliability: string;
  notes?: string;
  /** ISO instant we last heard from them. */
  lastHeardAt?: string;
}

export interface DemoReport {
  key: string;
  /** ISO instant the form accepted the report. */
  receivedAt: string;
  what: string;
  /** Free text, as typed. */
  when?: string;
  where?: string;
  howKnown: HowKnown;
  channel: 'web';
  state: Extract<ReportState, 'new' | 'linked' | 'duplicate' | 'rejected'>;
  eventKey?: string;
  duplicateOf?: string;
}

// ---- coding helpers ----------------------------------------------------------------------

/** Event type and sub-type as a pair the compiler checks. */
function code<E extends EventType>(eventType: E, subEventType: (typeof EVENT_TYPES)[E][number]) {
  return { eventType, subEventType: subEventType as SubEventType };
}

const actor = (name: string, type: Actor['type'], associated: string[] = []): Actor => ({ name, type, associated });
const police = (associated: string[] = []) => actor('Police Forces of Kazakhstan (2019-)', 1, associated);
const military = (associated: string[] = []) => actor('Military Forces of Kazakhstan (2019-)', 1, associated);
const government = (associated: string[] = []) => actor('Government of Kazakhstan (2019-)', 1, associated);
const protesters = (associated: string[] = []) => actor('Protesters (Kazakhstan)', 6, associated);
const rioters = (associated: string[] = []) => actor('Rioters (Kazakhstan)', 5, associated);
const civilians = (associated: string[] = []) => actor('Civilians (Kazakhstan)', 7, associated);
const armedGroup = () => actor('Unidentified Armed Group (Kazakhstan)', 3);
const csto = (associated: string[] = []) => actor('CSTO: Collective Security Treaty Organization', 8, associated);
const WORKERS = ['Oil and Gas Workers (Kazakhstan)', 'Labour Group (Kazakhstan)'];

// ---- sources -----------------------------------------------------------------------------

const outlet =
  (name: string, url: string, scale: string) =>
  (title: string): SourceRef => ({ kind: 'link', outlet: name, url, title, scale });

const reuters = outlet('Reuters', 'https://www.reuters.com/', 'International');
const ap = outlet('Associated Press', 'https://apnews.com/', 'International');
const afp = outlet('AFP', 'https://www.afp.com/', 'International');
const aljazeera = outlet('Al Jazeera', 'https://www.aljazeera.com/', 'International');
const bbcRussian = outlet('BBC News Russian', 'https://www.bbc.com/russian', 'International');
const azattyq = outlet('Radio Azattyq (RFE/RL)', 'https://rus.azattyq.org/', 'National');
const eurasianet = outlet('Eurasianet', 'https://eurasianet.org/', 'Regional');
const vlast = outlet('Vlast.kz', 'https://vlast.kz/', 'National');
const tengri = outlet('Tengrinews', 'https://tengrinews.kz/', 'National');
const khabar = outlet('Khabar 24', 'https://24.kz/', 'National');
const akorda = outlet('Akorda (Office of the President of Kazakhstan)', 'https://www.akorda.kz/', 'National');
const govKz = outlet('Government of Kazakhstan (gov.kz)', 'https://www.gov.kz/', 'National');
const cstoSite = outlet('CSTO', 'https://en.odkb-csto.org/', 'International');
const hrw = outlet('Human Rights Watch', 'https://hrw.org/', 'International');
const amnesty = outlet('Amnesty International', 'https://www.amnesty.org/', 'International');
const netblocks = outlet('NetBlocks', 'https://netblocks.org/', 'International');

export const ZINE_TITLE = 'The Uprising in Kazakhstan: Interviews with Kazakhstani and Russian Anarchists';
export const ZINE_OUTLET = 'CrimethInc.';
export const ZINE_URL = 'https://crimethinc.com/';

/** The zine from shared/corpus, with what it says about this event. */
const zine = (what: string): SourceRef => ({
  kind: 'link',
  outlet: ZINE_OUTLET,
  url: ZINE_URL,
  title: `${ZINE_TITLE} (zine, January 2022): ${what}`,
  scale: 'Other',
});

/** A private source by its demo key; the loader swaps the key for the stored source id. */
const witness = (key: DemoWitnessKey): SourceRef => ({ kind: 'source', sourceId: key });

// ---- private sources ---------------------------------------------------------------------

type DemoWitnessKey = 'w-almaty-centre' | 'r-mangystau-calls' | 'r-diaspora-digest';

export const DEMO_WITNESS_SOURCES: readonly DemoWitnessSource[] = [
  {
    key: 'w-almaty-centre',
    kind: 'witness',
    name: 'Sandugash (pseudonym)',
    reliability:
      'First-hand in central Almaty. Precise about streets and landmarks, loose about times. Illustrative stand-in for a demo, not a real person.',
    notes: 'Messages stopped on the afternoon of 5 January, when the network went down.',
    lastHeardAt: '2022-01-05T09:20:00.000Z',
  },
  {
    key: 'r-mangystau-calls',
    kind: 'relay',
    name: 'Caspian relay (pseudonym)',
    reliability:
      'Passes on what relatives in Aktau and Zhanaozen say by phone. Second-hand; good on Mangystau, weak on numbers. Illustrative stand-in for a demo.',
    lastHeardAt: '2022-01-08T12:00:00.000Z',
  },
  {
    key: 'r-diaspora-digest',
    kind: 'relay',
    name: 'Diaspora chat digest (pseudonym)',
    reliability:
      'A daily digest of a diaspora group chat. Fast and unsorted; has passed on rumours that proved false. Use as a lead only. Illustrative stand-in for a demo.',
    lastHeardAt: '2022-01-10T18:00:00.000Z',
  },
];

// ---- events ------------------------------------------------------------------------------

export const DEMO_EVENTS: readonly DemoEvent[] = [
  // 1 January
  {
    key: 'mangystau-0101-lpg-price',
    placeId: 'kz-mangystau',
    date: '2022-01-01',
    precision: 'day',
    geoPrecision: 3,
    summary: {
      en: 'The pump price of liquefied petroleum gas in Mangystau region roughly doubles on New Year’s Day, after LPG sales moved fully to exchange trading.',
      ru: 'В первый день года цена сжиженного газа на заправках Мангистауской области выросла примерно вдвое после полного перехода продаж на биржевые торги.',
    },
    notes:
      'Most reports give a rise from about 60 to about 120 tenge a litre; local prices varied by station. LPG is the main motor fuel in the region. Coded as a strategic development because it set off the protests; no single decision-maker is named.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'corroborated',
    sources: [
      azattyq('Reported the doubling of LPG prices at Mangystau filling stations and the anger it caused.'),
      eurasianet('Explained the move to exchange trading of LPG and its effect on prices in western Kazakhstan.'),
    ],
    tags: ['fuel-prices', 'mangystau'],
  },
  {
    key: 'kz-2022-01-detainee-ill-treatment',
    placeId: 'kz-almaty',
    date: '2022-01-01',
    precision: 'month',
    geoPrecision: 2,
    summary: {
      en: 'People detained during and after the unrest describe beatings and other ill-treatment in police custody; rights groups document cases and call for investigations.',
      ru: 'Задержанные во время и после беспорядков рассказывают об избиениях и других пытках в полиции; правозащитники фиксируют случаи и требуют расследований.',
    },
    notes:
      'Month precision on purpose: the accounts cover custody over many days and were published after 11 January. Almaty stands for the place where most cases were reported; cases were also reported elsewhere. No count of victims is given here.',
    ...code('Violence against civilians', 'Attack'),
    actor1: police(),
    actor2: civilians(['Detainees (Kazakhstan)']),
    civilianTargeting: true,
    status: 'corroborated',
    sources: [
      hrw('Documented allegations of beatings and torture of people detained after the January events.'),
      amnesty('Called for investigations into torture and other ill-treatment of detainees in Kazakhstan.'),
    ],
    tags: ['detention', 'rights'],
  },

  // 2 January
  {
    key: 'zhanaozen-0102-rally',
    placeId: 'kz-zhanaozen',
    date: '2022-01-02',
    clock: '10:00',
    precision: 'hour',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Residents of Zhanaozen gather in the town centre to protest against the doubled gas price; police watch but do not disperse them.',
      ru: 'Жители Жанаозена собираются в центре города против подорожания газа вдвое; полиция наблюдает, но не разгоняет людей.',
    },
    notes:
      'Accounts describe a morning gathering; 10:00 is our approximate reading, not a reported time. The zine’s interviewee also dates the start to 2 January and says law enforcement seemed reluctant to disperse the crowd. Zhanaozen is remembered for the shooting of striking oil workers in December 2011.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(WORKERS),
    status: 'corroborated',
    sources: [
      azattyq('Reported the first day of the Zhanaozen protest over the LPG price.'),
      eurasianet('Described the start of protests in Zhanaozen after the price rise.'),
      zine('The interviewee dates the start of the protest in Zhanaozen to 2 January.'),
    ],
    tags: ['fuel-prices', 'mangystau'],
  },
  {
    key: 'zhetybai-0102-roads',
    placeId: 'kz-zhetybai',
    date: '2022-01-02',
    endDate: '2022-01-03',
    precision: 'days',
    geoPrecision: 2,
    summary: {
      en: 'Villages in Mangystau region, Zhetybai among them, join the protest; residents are said to block roads.',
      ru: 'К протесту присоединяются сёла Мангистауской области, в том числе Жетыбай; сообщается, что жители перекрывают дороги.',
    },
    notes:
      'The zine says villages in the province rose up and blocked roads without naming them; our relay named Zhetybai. Not independently confirmed for Zhetybai, hence geo precision 2 and unverified.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(WORKERS),
    status: 'unverified',
    sources: [zine('The interviewee says other villages of the province rose up and blockaded roads.'), witness('r-mangystau-calls')],
    tags: ['mangystau'],
  },
  {
    key: 'aktau-0102-evening',
    placeId: 'kz-aktau',
    date: '2022-01-02',
    clock: '21:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'People in Aktau come out in the evening in support of Zhanaozen.',
      ru: 'Вечером жители Актау выходят в поддержку Жанаозена.',
    },
    notes:
      'Some accounts date the first gathering in Aktau to the evening of 2 January, others to 3 January. Kept unverified until the date is settled.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(),
    status: 'unverified',
    sources: [witness('r-mangystau-calls')],
    tags: ['mangystau'],
  },

  // 3 January
  {
    key: 'aktau-0103-yntymak',
    placeId: 'kz-aktau-yntymak-square',
    date: '2022-01-03',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Thousands rally on Yntymak square in Aktau and stay into the night, demanding the old gas price back.',
      ru: 'Тысячи людей собираются на площади Ынтымак в Актау и остаются там до ночи, требуя вернуть прежнюю цену на газ.',
    },
    notes: 'Crowd sizes are estimates from reporters and videos. The square became the centre of the Aktau protest for the following week.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(WORKERS),
    status: 'corroborated',
    sources: [
      azattyq('Reported a large rally on Yntymak square in Aktau that continued overnight.'),
      vlast('Covered the Aktau protest and the demands of the crowd.'),
      witness('r-mangystau-calls'),
    ],
    tags: ['fuel-prices', 'mangystau'],
  },
  {
    key: 'zhanaozen-0103-second-day',
    placeId: 'kz-zhanaozen',
    date: '2022-01-03',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'The Zhanaozen protest goes into a second day and night; the crowd refuses to leave the square.',
      ru: 'Протест в Жанаозене идёт второй день и ночь; люди отказываются уходить с площади.',
    },
    notes: 'Peaceful throughout, by all accounts we have.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(WORKERS),
    status: 'corroborated',
    sources: [
      azattyq('Reported the protest in Zhanaozen continuing overnight.'),
      tengri('Reported the continuing gathering in Zhanaozen.'),
    ],
    tags: ['mangystau'],
  },
  {
    key: 'mangystau-0103-mobile-data',
    placeId: 'kz-mangystau',
    date: '2022-01-03',
    precision: 'day',
    approximate: true,
    geoPrecision: 3,
    summary: {
      en: 'Mobile internet fails intermittently in Mangystau region, according to residents.',
      ru: 'По словам жителей, в Мангистауской области с перебоями работает мобильный интернет.',
    },
    notes:
      'Residents described mobile data dropping in Aktau and Zhanaozen; operators gave no explanation. The start date is uncertain (2 or 3 January), hence approximate.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'unverified',
    sources: [witness('r-mangystau-calls')],
    tags: ['internet', 'mangystau'],
  },
  {
    key: 'aktau-0103-commission',
    placeId: 'kz-aktau',
    date: '2022-01-03',
    endDate: '2022-01-04',
    precision: 'days',
    geoPrecision: 1,
    summary: {
      en: 'A government commission led by a deputy prime minister is sent to Mangystau region to deal with the gas price protests.',
      ru: 'В Мангистаускую область направлена правительственная комиссия во главе с вице-премьером для урегулирования протестов из-за цен на газ.',
    },
    notes: 'Dated as an interval: the commission was announced and travelled between 3 and 4 January.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'corroborated',
    sources: [
      govKz('Announced the government commission on fuel prices in Mangystau region.'),
      tengri('Reported the commission’s arrival in the region.'),
    ],
    tags: ['fuel-prices', 'mangystau'],
  },

  // 4 January
  {
    key: 'aktau-0104-price-cut',
    placeId: 'kz-aktau',
    date: '2022-01-04',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'The commission announces that LPG in Mangystau will sell at 50 tenge a litre; protesters stay on the squares and widen their demands.',
      ru: 'Комиссия объявляет, что сжиженный газ в Мангистау будет продаваться по 50 тенге за литр; протестующие не расходятся и расширяют требования.',
    },
    notes: 'The concession came too late to end the protests, which had by then spread beyond the region.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'corroborated',
    sources: [
      govKz('Announced the lower LPG price for Mangystau region.'),
      reuters('Reported the price cut and that protests continued regardless.'),
      azattyq('Reported protesters’ reaction to the 50-tenge price.'),
    ],
    tags: ['fuel-prices', 'mangystau'],
  },
  {
    key: 'zhanaozen-0104-demands',
    placeId: 'kz-zhanaozen',
    date: '2022-01-04',
    clock: '15:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Zhanaozen protesters put forward political demands, including the government’s resignation and the removal of Nazarbayev-era officials.',
      ru: 'Протестующие в Жанаозене выдвигают политические требования, в том числе отставку правительства и уход чиновников эпохи Назарбаева.',
    },
    notes:
      'Lists of demands circulated in several versions; we do not treat any one as authoritative. The slogan “Shal, ket!” (“Old man, go!”), aimed at Nazarbayev, was heard at rallies across the country in these days.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(WORKERS),
    status: 'corroborated',
    sources: [
      azattyq('Reported the political demands voiced in Zhanaozen.'),
      eurasianet('Described how the protest moved from fuel prices to politics.'),
    ],
    tags: ['mangystau', 'demands'],
  },
  {
    key: 'tengiz-0104-strike',
    placeId: 'kz-kulsary',
    date: '2022-01-04',
    endDate: '2022-01-05',
    precision: 'days',
    geoPrecision: 2,
    summary: {
      en: 'Contractor workers at the Tengiz oil field near Kulsary stop work in solidarity with the protests; the operator says output is not affected.',
      ru: 'Работники подрядчиков на месторождении Тенгиз под Кульсары прекращают работу в знак солидарности с протестующими; оператор заявляет, что добыча не пострадала.',
    },
    notes:
      'Tengiz lies south of Kulsary in Atyrau region; geo precision 2 because the field is not in the town. An interval because the stoppage began on 4 January and the operator’s comment came a day later, as we read the reports.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(WORKERS),
    status: 'corroborated',
    sources: [
      reuters('Reported that contractor staff at Tengiz joined the protests.'),
      azattyq('Reported strikes by oil workers in Atyrau region.'),
    ],
    tags: ['oil', 'strike'],
  },
  {
    key: 'atyrau-0104-rally',
    placeId: 'kz-atyrau',
    date: '2022-01-04',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'A large crowd rallies in central Atyrau in support of Zhanaozen.',
      ru: 'В центре Атырау проходит многолюдный митинг в поддержку Жанаозена.',
    },
    notes: 'Size not established.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(),
    status: 'corroborated',
    sources: [azattyq('Reported the rally in Atyrau.'), vlast('Listed Atyrau among the cities where protests began on 4 January.')],
    tags: ['spread'],
  },
  {
    key: 'oral-0104-rally',
    placeId: 'kz-oral',
    date: '2022-01-04',
    clock: '21:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Protesters gather in Oral (Uralsk) in the evening.',
      ru: 'Вечером протестующие собираются в Уральске.',
    },
    notes: 'Reported among the western cities that joined on 4 January; we have no detail on size or police response.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(),
    status: 'unverified',
    sources: [azattyq('Listed Oral among the cities with evening rallies on 4 January.')],
    tags: ['spread'],
  },
  {
    key: 'aktobe-0104-rally',
    placeId: 'kz-aktobe',
    date: '2022-01-04',
    clock: '21:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'A rally is held in Aktobe in the evening in solidarity with Mangystau.',
      ru: 'Вечером в Актобе проходит митинг солидарности с Мангистау.',
    },
    notes: 'Single outlet so far.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(),
    status: 'unverified',
    sources: [azattyq('Reported an evening rally in Aktobe.')],
    tags: ['spread'],
  },
  {
    key: 'shymkent-0104-rally',
    placeId: 'kz-shymkent',
    date: '2022-01-04',
    clock: '21:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Protesters gather in Shymkent in the evening.',
      ru: 'Вечером в Шымкенте собираются протестующие.',
    },
    notes: 'Reported in lists of cities joining the protests; no detail on size.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(),
    status: 'unverified',
    sources: [vlast('Listed Shymkent among the cities with rallies on 4 January.')],
    tags: ['spread'],
  },
  {
    key: 'nur-sultan-0104-detentions',
    placeId: 'kz-nur-sultan',
    date: '2022-01-04',
    clock: '21:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Police detain people who try to rally in the capital, Nur-Sultan.',
      ru: 'В столице, Нур-Султане, полиция задерживает людей, пытавшихся выйти на митинг.',
    },
    notes:
      'The rally was small compared with those in the west and in Almaty. Number detained not established; whether the first detentions came on the evening of 4 or 5 January is not settled.',
    ...code('Protests', 'Protest with intervention'),
    actor1: protesters(),
    actor2: police(),
    status: 'unverified',
    sources: [azattyq('Reported detentions at a protest in Nur-Sultan.'), vlast('Reported the police response in the capital.')],
    tags: ['spread', 'arrests'],
  },
  {
    key: 'almaty-0104-march',
    placeId: 'kz-almaty',
    date: '2022-01-04',
    clock: '21:00',
    precision: 'part_of_day',
    geoPrecision: 1,
    summary: {
      en: 'Thousands march towards central Almaty in the evening; police try to stop the columns with stun grenades and tear gas.',
      ru: 'Вечером тысячи людей идут к центру Алматы; полиция пытается остановить колонны светошумовыми гранатами и слезоточивым газом.',
    },
    notes:
      'The zine’s interviewee says people marched late at night to the main square in front of city hall, where large police units were waiting. Crowd size is an estimate.',
    ...code('Protests', 'Protest with intervention'),
    actor1: protesters(),
    actor2: police(),
    status: 'corroborated',
    sources: [
      reuters('Reported police using stun grenades and tear gas against thousands of protesters in Almaty.'),
      azattyq('Followed the march through Almaty during the evening.'),
      zine('The interviewee says people in Almaty marched late on 4 January to the square in front of city hall.'),
    ],
    tags: ['almaty'],
  },
  {
    key: 'almaty-0104-mobile-internet',
    placeId: 'kz-almaty',
    date: '2022-01-04',
    clock: '21:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Mobile internet and messaging apps stop working in Almaty as the march reaches the centre.',
      ru: 'В Алматы перестают работать мобильный интернет и мессенджеры, когда шествие доходит до центра.',
    },
    notes: 'Network monitors saw mobile disruptions in Kazakhstan on 4 January before the nationwide cut of 5 January.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'corroborated',
    sources: [
      netblocks('Recorded disruption of mobile internet in Kazakhstan on 4 January.'),
      azattyq('Reported messengers and mobile data failing in Almaty.'),
    ],
    tags: ['internet', 'almaty'],
  },
  {
    key: 'almaty-0105-republic-square-night',
    placeId: 'kz-almaty-republic-square',
    date: '2022-01-05',
    clock: '03:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Clashes go on through the night on and around Republic Square; police fire stun grenades and tear gas, and several police vehicles are set on fire.',
      ru: 'Всю ночь на площади Республики и вокруг неё идут столкновения; полиция применяет светошумовые гранаты и газ, несколько полицейских машин подожжены.',
    },
    notes:
      'The zine’s interviewee says the protesters got the upper hand and that they were dispersed early in the morning of 5 January. Injuries on both sides were reported; no count.',
    ...code('Riots', 'Violent demonstration'),
    actor1: rioters(),
    actor2: police(),
    status: 'corroborated',
    sources: [
      ap('Reported overnight clashes between police and protesters in central Almaty.'),
      reuters('Reported police vehicles set on fire during the night in Almaty.'),
      zine('The interviewee says clashes broke out at the square and the protesters prevailed before being dispersed early on 5 January.'),
    ],
    tags: ['almaty'],
  },
  {
    key: 'almaty-0105-cars-burned',
    placeId: 'kz-almaty',
    date: '2022-01-05',
    clock: '03:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'During the night, groups set fire to cars in central Almaty, private ones as well as police vehicles.',
      ru: 'Ночью в центре Алматы группы людей поджигают машины — не только полицейские, но и частные.',
    },
    notes: 'From the last message quoted in the zine and one private witness. Number and owners of cars unknown.',
    ...code('Riots', 'Mob violence'),
    actor1: rioters(),
    actor2: civilians(),
    status: 'unverified',
    sources: [
      zine('The last message from Almaty says people burned police cars and some random cars during the night.'),
      witness('w-almaty-centre'),
    ],
    tags: ['almaty'],
  },
  {
    key: 'emergency-0105-almaty-mangystau',
    placeId: 'kz-nur-sultan-akorda',
    date: '2022-01-05',
    clock: '03:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Tokayev declares a state of emergency with a night curfew in Almaty and Mangystau region.',
      ru: 'Токаев вводит режим чрезвычайного положения с комендантским часом в Алматы и Мангистауской области.',
    },
    notes: 'Decrees signed in the early hours of 5 January; the emergency was set to last until 19 January.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'verified',
    statusReason: 'The decrees were published on the president’s website and reported by national and international media.',
    sources: [
      akorda('Published the decrees on the state of emergency in Almaty and Mangystau region.'),
      reuters('Reported the state of emergency and curfew.'),
    ],
    tags: ['state-of-emergency'],
  },

  // 5 January
  {
    key: 'government-0105-resignation',
    placeId: 'kz-nur-sultan-akorda',
    date: '2022-01-05',
    clock: '09:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Tokayev accepts the resignation of Askar Mamin’s government; Alikhan Smailov becomes acting prime minister.',
      ru: 'Токаев принимает отставку правительства Аскара Мамина; исполняющим обязанности премьер-министра становится Алихан Смаилов.',
    },
    notes: 'Ministers stayed on in an acting capacity until a new cabinet was formed.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'verified',
    statusReason: 'The decree on the government’s resignation is on the president’s website.',
    sources: [
      akorda('Published the decree accepting the government’s resignation.'),
      reuters('Reported the resignation of the government.'),
    ],
    tags: ['government'],
  },
  {
    key: 'security-council-0105',
    placeId: 'kz-nur-sultan-akorda',
    date: '2022-01-05',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Tokayev says he is taking over as chair of the Security Council, a post Nazarbayev had held for life; Karim Masimov is removed as head of the KNB.',
      ru: 'Токаев заявляет, что возглавляет Совет безопасности, который пожизненно возглавлял Назарбаев; Карим Масимов снят с поста председателя КНБ.',
    },
    notes:
      'Announced in a televised address. We give the day only; the address and the decree on Masimov may have come at different hours.',
    ...code('Strategic developments', 'Change to group/activity'),
    actor1: government(),
    status: 'verified',
    statusReason: 'Address and decree published on the president’s website; widely reported.',
    sources: [
      akorda('Published the president’s address and the decree on the Security Council.'),
      reuters('Reported that Tokayev replaced Nazarbayev at the head of the Security Council.'),
    ],
    tags: ['government', 'nazarbayev'],
  },
  {
    key: 'almaty-0105-regroup',
    placeId: 'kz-almaty-republic-square',
    date: '2022-01-05',
    clock: '09:00',
    precision: 'hour',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Dispersed before dawn, protesters regroup near Republic Square by about nine in the morning, in fog.',
      ru: 'Разогнанные до рассвета протестующие к девяти утра снова собираются у площади Республики, в тумане.',
    },
    notes: 'The time comes from the zine’s interviewee, who was relaying social-media accounts; not confirmed elsewhere.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(),
    status: 'unverified',
    sources: [zine('The interviewee says the protesters regrouped around 9 am on 5 January after being dispersed early that morning.')],
    tags: ['almaty'],
  },
  {
    key: 'almaty-0105-officers-join',
    placeId: 'kz-almaty',
    date: '2022-01-05',
    clock: '09:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 2,
    summary: {
      en: 'Videos circulate that appear to show some police officers in Almaty switching sides and joining the crowd.',
      ru: 'Распространяются видео, на которых, судя по всему, часть полицейских в Алматы переходит на сторону протестующих.',
    },
    notes: 'We have not been able to establish where and when the videos were made. Kept as a claim.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(['Police Forces of Kazakhstan (2019-)']),
    status: 'unverified',
    sources: [zine('The interviewee says some law enforcement officers switched sides, citing social-media videos.')],
    tags: ['almaty', 'claim'],
  },
  {
    key: 'almaty-0105-akimat-fire',
    placeId: 'kz-almaty-akimat',
    date: '2022-01-05',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Crowds storm the Almaty city akimat on Republic Square and set it on fire.',
      ru: 'Толпа штурмует здание акимата Алматы на площади Республики и поджигает его.',
    },
    notes:
      'Times differ: the zine’s interviewee puts the storming at about 10 am; photos and video of the burning building spread from the afternoon into the evening. We keep the day only. The city prosecutor’s office nearby was also attacked, per several reports.',
    ...code('Riots', 'Violent demonstration'),
    actor1: rioters(),
    actor2: police(),
    status: 'corroborated',
    sources: [
      reuters('Reported that protesters stormed and set fire to the mayor’s office in Almaty.'),
      ap('Reported the Almaty city hall ablaze.'),
      azattyq('Published images of the burning akimat.'),
      zine('The interviewee says protesters stormed the city hall around 10 am and set it on fire.'),
    ],
    tags: ['almaty', 'akimat'],
  },
  {
    key: 'almaty-0105-last-message',
    placeId: 'kz-almaty',
    date: '2022-01-05',
    clock: '15:50',
    precision: 'minute',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'An anarcha-feminist in Almaty reports crowds marching on the main streets and something happening near the akimat; it is her last message before contact is lost.',
      ru: 'Анарха-феминистка из Алматы сообщает о шествиях по главным улицам и о чём-то происходящем у акимата; это её последнее сообщение перед потерей связи.',
    },
    notes:
      'The zine dates the message “shortly before 4 pm (East Kazakhstan time)” on 5 January. East Kazakhstan and Almaty both kept UTC+6 then, so this is 15:50 local, marked approximate. The same message describes explosions, police violence and burned cars overnight.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(),
    status: 'unverified',
    sources: [zine('Quotes the last message from a comrade in Almaty, shortly before 4 pm on 5 January.')],
    tags: ['almaty', 'zine', 'blackout'],
  },
  {
    key: 'nationwide-0105-blackout',
    placeId: 'kz-nur-sultan',
    date: '2022-01-05',
    clock: '15:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 3,
    summary: {
      en: 'Kazakhstan goes offline: fixed and mobile internet are cut across the country.',
      ru: 'Казахстан отключён от интернета: по всей стране перестают работать проводной и мобильный интернет.',
    },
    notes:
      'Placed at the capital as a nationwide measure. Monitors saw connectivity collapse in the afternoon local time; the zine’s Almaty contact fell silent shortly before 16:00, and the zine says the blackout stopped it finishing an interview.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'corroborated',
    sources: [
      netblocks('Reported a nation-scale internet blackout in Kazakhstan on 5 January.'),
      reuters('Reported the nationwide internet shutdown.'),
      zine('Says internet blackouts made it impossible to complete an interview with participants in Almaty.'),
    ],
    tags: ['internet', 'blackout'],
  },
  {
    key: 'almaty-0105-airport-seized',
    placeId: 'kz-almaty-airport',
    date: '2022-01-05',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Almaty airport is taken over by a crowd after its guards withdraw; flights are cancelled.',
      ru: 'Аэропорт Алматы захвачен толпой после ухода охраны; рейсы отменены.',
    },
    notes:
      'Accounts differ on who took the airport: protesters, looters, or organised armed men, as officials later claimed. How and why the guards withdrew was not explained at the time.',
    ...code('Riots', 'Violent demonstration'),
    actor1: rioters(),
    actor2: police(),
    status: 'corroborated',
    sources: [
      reuters('Reported that protesters had seized Almaty airport.'),
      aljazeera('Reported flights cancelled after the airport was taken.'),
      zine('The introduction says demonstrators temporarily occupied the airport.'),
    ],
    tags: ['almaty', 'airport'],
  },
  {
    key: 'almaty-0105-residence-fire',
    placeId: 'kz-almaty-presidential-residence',
    date: '2022-01-05',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'The presidential residence in Almaty is attacked and set on fire.',
      ru: 'Президентская резиденция в Алматы подверглась нападению и подожжена.',
    },
    notes: 'Extent of the damage not established.',
    ...code('Riots', 'Violent demonstration'),
    actor1: rioters(),
    status: 'corroborated',
    sources: [reuters('Reported that the presidential residence in Almaty was on fire.'), azattyq('Reported the attack on the residence.')],
    tags: ['almaty'],
  },
  {
    key: 'almaty-0105-looting',
    placeId: 'kz-almaty',
    date: '2022-01-05',
    endDate: '2022-01-06',
    precision: 'days',
    geoPrecision: 1,
    summary: {
      en: 'Shops, banks and gun stores are looted in Almaty; weapons are taken.',
      ru: 'В Алматы разграблены магазины, банки и оружейные магазины; похищено оружие.',
    },
    notes:
      'The zine’s interviewee speaks of breaking into weapons depots during the night of 5–6 January, from social media. The scale of weapons theft rests largely on official statements.',
    ...code('Strategic developments', 'Looting/property destruction'),
    actor1: rioters(),
    status: 'corroborated',
    sources: [
      reuters('Reported widespread looting in Almaty, including gun shops.'),
      zine('The interviewee describes looting and breaking into weapons depots in Almaty.'),
    ],
    tags: ['almaty', 'looting'],
  },
  {
    key: 'almaty-0105-russian-troops-rumour',
    placeId: 'kz-almaty',
    date: '2022-01-05',
    clock: '21:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 2,
    summary: {
      en: 'Claim: Russian troops are already patrolling Almaty on the evening of 5 January.',
      ru: 'Утверждение: российские военные уже патрулируют Алматы вечером 5 января.',
    },
    notes: 'Passed on by one relay from a chat message; no photo or place given.',
    ...code('Strategic developments', 'Headquarters or base established'),
    actor1: csto(['Military Forces of Russia (2000-)']),
    status: 'unverified',
    sources: [witness('r-diaspora-digest')],
    tags: ['rumour', 'csto'],
    corrections: [
      {
        on: '2022-01-07',
        reason:
          'Retracted: the CSTO agreed to send troops only in the early hours of 6 January and its first units landed later that day, so the claim cannot be right as dated; its only source could not say what they had seen.',
        changes: {
          status: 'retracted',
          statusReason:
            'The CSTO decision came in the early hours of 6 January and its first units arrived later that day; the single relayed claim could not be traced to anyone who saw troops on 5 January.',
        },
      },
    ],
  },
  {
    key: 'nazarbayev-0105-fled-rumour',
    placeId: 'kz-nur-sultan',
    date: '2022-01-05',
    precision: 'day',
    approximate: true,
    geoPrecision: 3,
    summary: {
      en: 'Rumour: Nazarbayev and his family have flown out of Kazakhstan.',
      ru: 'Слух: Назарбаев с семьёй улетел из Казахстана.',
    },
    notes:
      'Shared widely on social media on 5–6 January. No flight, destination or witness was ever named. Kept on the record so readers can see it was checked.',
    ...code('Strategic developments', 'Other'),
    actor1: government(['Nursultan Nazarbayev']),
    status: 'retracted',
    statusReason:
      'No evidence of a departure was ever produced; on 8 January his spokesman said he was in the capital, and he later appeared in a video recorded there. We withdraw the claim.',
    sources: [witness('r-diaspora-digest'), reuters('Reported the statement by Nazarbayev’s spokesman that he was in Nur-Sultan.')],
    tags: ['rumour', 'nazarbayev'],
  },
  {
    key: 'taldykorgan-0105-statue',
    placeId: 'kz-taldykorgan',
    date: '2022-01-05',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Protesters in Taldykorgan pull down a statue of Nazarbayev.',
      ru: 'В Талдыкоргане протестующие сносят памятник Назарбаеву.',
    },
    notes: 'Video of the toppling spread widely and became one of the images of the uprising.',
    ...code('Riots', 'Violent demonstration'),
    actor1: rioters(),
    status: 'corroborated',
    sources: [
      reuters('Reported the toppling of the Nazarbayev statue in Taldykorgan.'),
      bbcRussian('Showed video of the statue being pulled down.'),
      azattyq('Reported the events in Taldykorgan.'),
    ],
    tags: ['nazarbayev', 'spread'],
  },
  {
    key: 'taraz-0105-akimat',
    placeId: 'kz-taraz',
    date: '2022-01-05',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Protesters storm the regional akimat in Taraz; part of the building catches fire.',
      ru: 'В Таразе протестующие штурмуют здание областного акимата; часть здания загорается.',
    },
    notes: 'Local reports and videos; the extent of the fire and any injuries are not established.',
    ...code('Riots', 'Violent demonstration'),
    actor1: rioters(),
    actor2: police(),
    status: 'unverified',
    sources: [azattyq('Reported the storming of the akimat in Taraz.')],
    tags: ['akimat', 'spread'],
  },
  {
    key: 'shymkent-0105-akimat',
    placeId: 'kz-shymkent-akimat',
    date: '2022-01-05',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Crowds try to force their way into the city akimat in Shymkent; police respond with stun grenades.',
      ru: 'В Шымкенте толпа пытается прорваться в здание городского акимата; полиция применяет светошумовые гранаты.',
    },
    notes: 'Reports conflict on whether the crowd got inside. Kept unverified.',
    ...code('Riots', 'Violent demonstration'),
    actor1: rioters(),
    actor2: police(),
    status: 'unverified',
    sources: [vlast('Reported unrest at the akimat in Shymkent.')],
    tags: ['akimat', 'spread'],
  },
  {
    key: 'aktobe-0105-akimat',
    placeId: 'kz-aktobe',
    date: '2022-01-05',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Police use stun grenades and tear gas to push protesters back from the regional akimat in Aktobe.',
      ru: 'В Актобе полиция применяет светошумовые гранаты и слезоточивый газ, оттесняя протестующих от здания областного акимата.',
    },
    notes:
      'Number of injured and detained not established. Kept unverified until the time of day and the building are confirmed from video.',
    ...code('Protests', 'Protest with intervention'),
    actor1: protesters(),
    actor2: police(),
    status: 'unverified',
    sources: [
      azattyq('Reported police dispersing protesters at the akimat in Aktobe.'),
      vlast('Reported the use of stun grenades in Aktobe.'),
    ],
    tags: ['akimat', 'spread'],
  },
  {
    key: 'kyzylorda-0105-rally',
    placeId: 'kz-kyzylorda',
    date: '2022-01-05',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'A large crowd gathers in front of the regional akimat in Kyzylorda.',
      ru: 'В Кызылорде перед областным акиматом собирается много людей.',
    },
    notes:
      'The zine’s interviewee heard, unconfirmed, that protesters had taken over local government buildings in a few cities; we have no confirmation for Kyzylorda.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(),
    status: 'unverified',
    sources: [azattyq('Listed Kyzylorda among the cities with rallies on 5 January.')],
    tags: ['spread'],
  },
  {
    key: 'almaty-0105-curfew',
    placeId: 'kz-almaty',
    date: '2022-01-05',
    clock: '23:00',
    precision: 'minute',
    geoPrecision: 1,
    summary: {
      en: 'The night curfew comes into force in Almaty under the state of emergency.',
      ru: 'В Алматы в рамках чрезвычайного положения начинает действовать ночной комендантский час.',
    },
    notes:
      'The curfew hours were set by the emergency rules (23:00 to 07:00). In practice, accounts from the city that night describe it as unenforced.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'corroborated',
    sources: [tengri('Published the curfew hours for Almaty.'), azattyq('Reported the curfew in Almaty.')],
    tags: ['state-of-emergency', 'almaty'],
  },
  {
    key: 'emergency-0105-nationwide',
    placeId: 'kz-nur-sultan-akorda',
    date: '2022-01-05',
    endDate: '2022-01-06',
    precision: 'days',
    geoPrecision: 1,
    summary: {
      en: 'The state of emergency is extended to the capital and then to the whole country.',
      ru: 'Режим чрезвычайного положения распространён на столицу, а затем на всю страну.',
    },
    notes: 'Given as an interval because the extensions came in steps over two days.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'verified',
    statusReason: 'The decrees extending the emergency are on the president’s website.',
    sources: [akorda('Published the decrees extending the state of emergency.'), azattyq('Reported the extension to the whole country.')],
    tags: ['state-of-emergency'],
  },
  {
    key: 'csto-0105-request',
    placeId: 'kz-nur-sultan-akorda',
    date: '2022-01-05',
    clock: '21:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'In a late address, Tokayev says he has asked the CSTO for help against “terrorist gangs”.',
      ru: 'В позднем обращении Токаев сообщает, что обратился к ОДКБ за помощью против «террористических банд».',
    },
    notes: 'The address was broadcast late on 5 January local time.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    actor2: csto(),
    status: 'verified',
    statusReason: 'Text of the address published on the president’s website; the CSTO acknowledged the request.',
    sources: [
      akorda('Published Tokayev’s address announcing the appeal to the CSTO.'),
      cstoSite('Acknowledged Kazakhstan’s request for assistance.'),
    ],
    tags: ['csto'],
  },

  // 6 January
  {
    key: 'csto-0106-decision',
    placeId: 'kz-nur-sultan',
    date: '2022-01-06',
    clock: '03:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 3,
    summary: {
      en: 'The CSTO agrees to send a “collective peacekeeping force” to Kazakhstan, announced by Armenia’s prime minister as the bloc’s chair.',
      ru: 'ОДКБ решает направить в Казахстан «коллективные миротворческие силы»; об этом объявил премьер-министр Армении как председатель организации.',
    },
    notes:
      'The decision was taken outside Kazakhstan; we place it at the capital because it concerns the whole country. It was the bloc’s first such deployment.',
    ...code('Strategic developments', 'Agreement'),
    actor1: csto(),
    actor2: government(),
    status: 'corroborated',
    sources: [
      cstoSite('Announced the decision to send collective peacekeeping forces.'),
      reuters('Reported the CSTO decision announced by Nikol Pashinyan.'),
    ],
    tags: ['csto'],
  },
  {
    key: 'almaty-0106-police-claim',
    placeId: 'kz-almaty',
    date: '2022-01-06',
    clock: '03:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Police say dozens of attackers were “liquidated” overnight while trying to storm police buildings in Almaty.',
      ru: 'Полиция заявляет, что ночью при попытке штурма зданий полиции в Алматы «ликвидированы» десятки нападавших.',
    },
    notes:
      'A police spokesperson’s statement on state television. No names, exact number or circumstances were given, and nobody could check them at the time.',
    ...code('Battles', 'Armed clash'),
    actor1: police(),
    actor2: armedGroup(),
    fatalities: { wording: 'десятки нападавших «ликвидированы» (police spokesperson); reported in English as “dozens”' },
    status: 'unverified',
    sources: [
      khabar('Broadcast the police statement on attackers killed overnight.'),
      reuters('Reported the police claim that dozens of attackers were killed.'),
    ],
    tags: ['almaty', 'official-figures'],
  },
  {
    key: 'almaty-0106-republic-square-shooting',
    placeId: 'kz-almaty-republic-square',
    date: '2022-01-06',
    clock: '09:00',
    precision: 'part_of_day',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Troops advancing on Republic Square open fire on people gathered there.',
      ru: 'Военные, продвигаясь к площади Республики, открывают огонь по собравшимся там людям.',
    },
    notes: 'Reporters on the scene described the shooting; how many were hit was not established.',
    ...code('Protests', 'Excessive force against protesters'),
    actor1: military(),
    actor2: protesters(),
    fatalities: { wording: 'not established' },
    status: 'corroborated',
    sources: [
      afp('Reported security forces firing on protesters on the main square.'),
      reuters('Reported gunfire as troops moved into central Almaty.'),
    ],
    tags: ['almaty'],
  },
  {
    key: 'interior-0106-figures',
    placeId: 'kz-nur-sultan',
    date: '2022-01-06',
    precision: 'day',
    geoPrecision: 3,
    summary: {
      en: 'The Interior Ministry says security officers have been killed and hundreds injured nationwide, and that more than two thousand people are detained.',
      ru: 'МВД сообщает о гибели сотрудников силовых структур, сотнях раненых по стране и более чем двух тысячах задержанных.',
    },
    notes: 'The figure for officers killed rose during the day between statements. Officials did not give civilian deaths at this point.',
    ...code('Strategic developments', 'Other'),
    actor1: government(['Ministry of Internal Affairs of Kazakhstan']),
    fatalities: { min: 8, max: 18, wording: 'security officers: 8 dead in an early statement, 18 by the evening (Interior Ministry)' },
    status: 'corroborated',
    sources: [
      reuters('Reported the Interior Ministry’s toll among security forces.'),
      tengri('Published the ministry’s figures on dead, injured and detained.'),
    ],
    tags: ['official-figures'],
  },
  {
    key: 'csto-0106-russian-advance',
    placeId: 'kz-almaty',
    date: '2022-01-06',
    precision: 'day',
    geoPrecision: 2,
    summary: {
      en: 'The first CSTO units, Russian paratroopers, land in Kazakhstan.',
      ru: 'Первые подразделения ОДКБ — российские десантники — прибывают в Казахстан.',
    },
    notes:
      'Russia’s defence ministry published footage of the airlift. Landing sites were not all named; Almaty at geo precision 2 reflects where most units went.',
    ...code('Strategic developments', 'Headquarters or base established'),
    actor1: csto(['Military Forces of Russia (2000-)']),
    status: 'corroborated',
    sources: [cstoSite('Reported the start of the deployment.'), reuters('Reported Russian paratroopers arriving in Kazakhstan.')],
    tags: ['csto'],
  },
  {
    key: 'csto-0106-contingents',
    placeId: 'kz-almaty',
    date: '2022-01-06',
    endDate: '2022-01-08',
    precision: 'days',
    geoPrecision: 2,
    summary: {
      en: 'Contingents from Belarus, Armenia, Tajikistan and Kyrgyzstan follow the Russian units; the force takes over guarding key sites.',
      ru: 'Вслед за российскими подразделениями прибывают контингенты Беларуси, Армении, Таджикистана и Кыргызстана; силы берут под охрану важные объекты.',
    },
    notes:
      'The interval runs to 8 January because accounts differ on when the Kyrgyz contingent arrived (7 or 8 January). The CSTO later put the whole force at about two thousand troops.',
    ...code('Strategic developments', 'Headquarters or base established'),
    actor1: csto([
      'Military Forces of Belarus',
      'Military Forces of Armenia',
      'Military Forces of Tajikistan',
      'Military Forces of Kyrgyzstan',
    ]),
    status: 'corroborated',
    sources: [
      cstoSite('Reported the arrival of each national contingent.'),
      azattyq('Reported the Kyrgyz parliament’s approval and the contingent’s departure.'),
    ],
    tags: ['csto'],
  },
  {
    key: 'almaty-0106-airport-retaken',
    placeId: 'kz-almaty-airport',
    date: '2022-01-06',
    endDate: '2022-01-07',
    precision: 'days',
    geoPrecision: 1,
    summary: {
      en: 'Security forces regain control of Almaty airport; CSTO troops then take over its guard. The airport stays closed to passengers.',
      ru: 'Силовики восстанавливают контроль над аэропортом Алматы; затем его охрану принимают войска ОДКБ. Для пассажиров аэропорт остаётся закрыт.',
    },
    notes: 'Officials said the airport was cleared on 6 January; Russian troops were guarding it by 7 January.',
    ...code('Battles', 'Government regains territory'),
    actor1: military(),
    actor2: armedGroup(),
    status: 'corroborated',
    sources: [reuters('Reported the airport back under government control.'), cstoSite('Said its units were guarding Almaty airport.')],
    tags: ['almaty', 'airport', 'csto'],
  },
  {
    key: 'almaty-0106-gunfire',
    placeId: 'kz-almaty',
    date: '2022-01-06',
    endDate: '2022-01-07',
    precision: 'days',
    geoPrecision: 1,
    summary: {
      en: 'Gunfire continues in central Almaty as security forces sweep the city in what the authorities call a counter-terrorist operation.',
      ru: 'В центре Алматы продолжается стрельба: силовики зачищают город в ходе, как называют это власти, контртеррористической операции.',
    },
    notes:
      'The zine’s introduction says police recaptured downtown Almaty, killing at least dozens. No itemised count for these two days exists; the official totals are separate events.',
    ...code('Battles', 'Armed clash'),
    actor1: military(['National Guard of Kazakhstan']),
    actor2: armedGroup(),
    fatalities: { wording: 'at least dozens (zine introduction); no itemised count' },
    status: 'corroborated',
    sources: [
      ap('Reported sustained gunfire in Almaty.'),
      reuters('Reported the security operation in the city.'),
      zine('The introduction says police recaptured downtown Almaty, killing at least dozens of people.'),
    ],
    tags: ['almaty'],
  },
  {
    key: 'almaty-0106-mass-arrests',
    placeId: 'kz-almaty',
    date: '2022-01-06',
    endDate: '2022-01-10',
    precision: 'days',
    geoPrecision: 1,
    summary: {
      en: 'Mass detentions in Almaty: people are picked up on the streets and in their homes; families struggle to learn where they are held.',
      ru: 'Массовые задержания в Алматы: людей забирают на улицах и дома; родственники не могут узнать, где их содержат.',
    },
    notes: 'Nationwide totals are separate events. Many of those detained were later released; the numbers here are not itemised.',
    ...code('Strategic developments', 'Arrests'),
    actor1: police(),
    actor2: protesters(),
    status: 'corroborated',
    sources: [
      hrw('Reported mass detentions and families unable to find relatives.'),
      azattyq('Reported relatives searching for detained people in Almaty.'),
    ],
    tags: ['arrests', 'almaty'],
  },
  {
    key: 'masimov-0106-detained',
    placeId: 'kz-nur-sultan',
    date: '2022-01-06',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Former KNB chief Karim Masimov is detained on suspicion of high treason; the arrest is announced on 8 January.',
      ru: 'Бывший председатель КНБ Карим Масимов задержан по подозрению в государственной измене; об этом объявлено 8 января.',
    },
    notes: 'The KNB statement of 8 January said he was detained on 6 January. Dated to the detention, not the announcement.',
    ...code('Strategic developments', 'Arrests'),
    actor1: government(['KNB: National Security Committee of Kazakhstan']),
    actor2: government(['Karim Masimov']),
    status: 'verified',
    statusReason: 'Announced in an official KNB statement and confirmed by national and international media.',
    sources: [govKz('Carried the KNB statement on Masimov’s detention.'), reuters('Reported the arrest of the former security chief.')],
    tags: ['government', 'arrests'],
  },

  // 7 January
  {
    key: 'shoot-to-kill-0107',
    placeId: 'kz-nur-sultan-akorda',
    date: '2022-01-07',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Tokayev says he has ordered security forces to shoot to kill without warning, and rules out talks with the protesters.',
      ru: 'Токаев заявляет, что отдал приказ открывать огонь на поражение без предупреждения, и исключает переговоры с протестующими.',
    },
    notes: 'Televised address. The order covered the whole country.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'verified',
    statusReason: 'Text and video of the address on the president’s website; widely quoted.',
    sources: [
      akorda('Published the address containing the order.'),
      reuters('Reported the shoot-to-kill order.'),
      aljazeera('Reported the order and reactions to it.'),
    ],
    tags: ['crackdown'],
  },
  {
    key: 'terrorists-claim-0107',
    placeId: 'kz-nur-sultan-akorda',
    date: '2022-01-07',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Tokayev says Almaty was attacked by some 20,000 “bandits” and by terrorists trained abroad.',
      ru: 'Токаев заявляет, что на Алматы напали около 20 тысяч «бандитов» и террористы, подготовленные за рубежом.',
    },
    notes:
      'The same framing was used at the CSTO summit on 10 January. The figure and the foreign link are the president’s claims, recorded as such.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'disputed',
    statusReason:
      'No evidence of a foreign-trained force of that size was made public; journalists and rights groups questioned both the figure and the description of protesters as terrorists.',
    sources: [
      akorda('Published the address with the 20,000 figure.'),
      eurasianet('Questioned the official account of foreign terrorists.'),
      hrw('Warned against labelling protesters as terrorists.'),
    ],
    tags: ['claim', 'official-figures'],
  },
  {
    key: 'interior-0107-figures',
    placeId: 'kz-nur-sultan',
    date: '2022-01-07',
    precision: 'day',
    geoPrecision: 3,
    summary: {
      en: 'The Interior Ministry says 26 “armed criminals” have been killed and 18 security officers have died.',
      ru: 'МВД сообщает о 26 уничтоженных «вооружённых преступниках» и гибели 18 силовиков.',
    },
    notes:
      'Our minimum counts only the 26 the ministry called criminals; with the 18 officers it reported, the maximum is 44. Civilian deaths were not in this statement.',
    ...code('Strategic developments', 'Other'),
    actor1: government(['Ministry of Internal Affairs of Kazakhstan']),
    fatalities: { min: 26, max: 44, wording: '26 “armed criminals” and 18 security officers (Interior Ministry)' },
    status: 'corroborated',
    sources: [reuters('Reported the ministry’s figures.'), tengri('Published the ministry’s statement.')],
    tags: ['official-figures'],
  },

  // 8 January
  {
    key: 'nazarbayev-0108-spokesman',
    placeId: 'kz-nur-sultan',
    date: '2022-01-08',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Nazarbayev’s spokesman says the former president is in the capital and calls on people to back Tokayev.',
      ru: 'Пресс-секретарь Назарбаева заявляет, что экс-президент находится в столице, и призывает поддержать Токаева.',
    },
    notes: 'Nazarbayev himself did not appear in public until a video released on 18 January.',
    ...code('Strategic developments', 'Other'),
    actor1: government(['Nursultan Nazarbayev']),
    status: 'corroborated',
    sources: [reuters('Reported the spokesman’s statement.'), tengri('Published the statement.')],
    tags: ['nazarbayev'],
  },
  {
    key: 'almaty-0108-kyrgyz-musician',
    placeId: 'kz-almaty',
    date: '2022-01-08',
    endDate: '2022-01-09',
    precision: 'days',
    approximate: true,
    geoPrecision: 1,
    summary: {
      en: 'Kazakh TV shows a detained Kyrgyz musician saying he was paid to join the unrest; he is freed on 10 January and says he was forced to say it.',
      ru: 'Казахстанское ТВ показывает задержанного кыргызского музыканта, который говорит, что ему заплатили за участие в беспорядках; 10 января его освобождают, и он говорит, что признание было вынужденным.',
    },
    notes:
      'Used at the time as evidence of foreign involvement. Kyrgyz officials and public figures protested; he was released and returned home.',
    ...code('Strategic developments', 'Arrests'),
    actor1: police(),
    actor2: civilians(['Kyrgyz nationals']),
    status: 'disputed',
    statusReason:
      'The televised confession was the basis of the foreign-involvement claim; the man later said it was made under pressure, and Kyrgyz officials rejected it.',
    sources: [
      azattyq('Reported the televised confession and the reaction in Kyrgyzstan.'),
      eurasianet('Reported the release and his account of being forced.'),
      bbcRussian('Covered the case.'),
    ],
    tags: ['claim', 'arrests'],
  },

  // 9 January
  {
    key: 'official-toll-0109',
    placeId: 'kz-nur-sultan',
    date: '2022-01-09',
    precision: 'day',
    geoPrecision: 3,
    summary: {
      en: 'State TV, citing the health ministry, reports 164 people killed in the unrest.',
      ru: 'Государственное ТВ со ссылкой на Минздрав сообщает о 164 погибших.',
    },
    notes: 'The first official overall figure, covering civilians and security forces.',
    ...code('Strategic developments', 'Other'),
    actor1: government(['Ministry of Health of Kazakhstan']),
    fatalities: { min: 164, max: 164, wording: '164 dead (health ministry figure aired on state TV)' },
    status: 'corroborated',
    sources: [khabar('Aired the health ministry’s figure of 164 dead.'), reuters('Reported the 164 figure from state media.')],
    tags: ['official-figures'],
    corrections: [
      {
        on: '2022-01-10',
        reason: 'Officials said the 164 figure had been published in error and took it down, without giving another.',
        changes: {
          status: 'disputed',
          statusReason: 'The authorities withdrew the 164 figure as an error and gave no replacement for several days.',
        },
      },
      {
        on: '2022-01-15',
        reason: 'The Prosecutor General’s Office gave a total of 225 dead; a later official figure was 238.',
        changes: {
          summary: {
            en: 'Official death toll: the Prosecutor General’s Office gives 225 dead, among them security officers; the 164 figure aired on 9 January had been withdrawn.',
            ru: 'Официальное число погибших: Генпрокуратура сообщает о 225 погибших, среди них силовики; цифра 164 от 9 января была отозвана.',
          },
          fatalities: { min: 225, max: 238, wording: '225 dead (Prosecutor General, 15 January); later official figure 238' },
          statusReason:
            'Official figures changed several times; rights groups asked for the names and circumstances of every death. We show the range of official figures.',
        },
      },
    ],
  },
  {
    key: 'detained-0109-5800',
    placeId: 'kz-nur-sultan-akorda',
    date: '2022-01-09',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'The president’s office says about 5,800 people have been detained, foreign nationals among them.',
      ru: 'Администрация президента сообщает о задержании около 5800 человек, среди них иностранцы.',
    },
    notes: 'Official figure; how many were later charged is a separate question.',
    ...code('Strategic developments', 'Arrests'),
    actor1: government(),
    actor2: protesters(),
    status: 'corroborated',
    sources: [akorda('Published the figure after a meeting chaired by the president.'), reuters('Reported about 5,800 detentions.')],
    tags: ['arrests', 'official-figures'],
  },

  // 10 January
  {
    key: 'mourning-0110',
    placeId: 'kz-nur-sultan',
    date: '2022-01-10',
    precision: 'day',
    geoPrecision: 3,
    summary: {
      en: 'A national day of mourning is held for the dead.',
      ru: 'В стране объявлен общенациональный день траура по погибшим.',
    },
    notes: 'Declared by presidential decree.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'verified',
    statusReason: 'Decree published on the president’s website.',
    sources: [akorda('Published the decree declaring the day of mourning.')],
    tags: ['mourning'],
  },
  {
    key: 'csto-0110-summit',
    placeId: 'kz-nur-sultan-akorda',
    date: '2022-01-10',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'At a CSTO video summit, Tokayev calls the unrest an attempted coup; Putin says the bloc will not allow “colour revolutions”.',
      ru: 'На видеосаммите ОДКБ Токаев называет события попыткой государственного переворота; Путин заявляет, что блок не допустит «цветных революций».',
    },
    notes: 'Tokayev took part from Nur-Sultan.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    actor2: csto(),
    status: 'corroborated',
    sources: [cstoSite('Published a report on the extraordinary session.'), reuters('Reported the remarks by Tokayev and Putin.')],
    tags: ['csto', 'claim'],
  },
  {
    key: 'detained-0110-total',
    placeId: 'kz-nur-sultan',
    date: '2022-01-10',
    precision: 'day',
    geoPrecision: 3,
    summary: {
      en: 'The Interior Ministry says nearly 8,000 people have been detained across the country.',
      ru: 'МВД сообщает о почти 8 тысячах задержанных по всей стране.',
    },
    notes: 'Official total; includes people held briefly and released.',
    ...code('Strategic developments', 'Arrests'),
    actor1: police(),
    actor2: protesters(),
    status: 'corroborated',
    sources: [reuters('Reported the ministry’s total of detentions.'), azattyq('Reported the number of detained.')],
    tags: ['arrests', 'official-figures'],
  },
  {
    key: 'almaty-0110-internet-partial',
    placeId: 'kz-almaty',
    date: '2022-01-10',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Internet access returns to parts of Almaty for some hours.',
      ru: 'В части Алматы на несколько часов появляется интернет.',
    },
    notes: 'Connectivity came and went; several messaging services stayed blocked.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'corroborated',
    sources: [netblocks('Recorded partial restoration of internet in Almaty.'), azattyq('Reported the internet returning in Almaty.')],
    tags: ['internet'],
  },
  {
    key: 'zhanaozen-0106-vigil',
    placeId: 'kz-zhanaozen-square',
    date: '2022-01-06',
    endDate: '2022-01-10',
    precision: 'days',
    geoPrecision: 1,
    summary: {
      en: 'In Zhanaozen, protesters keep up their rally on the square day and night; no clashes are reported there.',
      ru: 'В Жанаозене протестующие день и ночь остаются на площади; о столкновениях там не сообщается.',
    },
    notes: 'Contrasts with Almaty. Our relay says the rally thinned out after the internet cut; not confirmed.',
    ...code('Protests', 'Peaceful protest'),
    actor1: protesters(WORKERS),
    status: 'unverified',
    sources: [witness('r-mangystau-calls'), azattyq('Reported the continuing protest in Zhanaozen.')],
    tags: ['mangystau'],
  },

  // 11 January
  {
    key: 'csto-0111-withdrawal',
    placeId: 'kz-nur-sultan',
    date: '2022-01-11',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Tokayev tells parliament that the CSTO mission has done its job and its withdrawal will begin in two days.',
      ru: 'Токаев заявляет в Мажилисе, что миссия ОДКБ выполнена и вывод её сил начнётся через два дня.',
    },
    notes: 'Speech to the Mazhilis. The withdrawal began on 13 January and ended later that month.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    actor2: csto(),
    status: 'verified',
    statusReason: 'Speech published on the president’s website and broadcast live.',
    sources: [akorda('Published the speech to the Mazhilis.'), reuters('Reported the announced withdrawal.')],
    tags: ['csto'],
  },
  {
    key: 'smailov-0111-pm',
    placeId: 'kz-nur-sultan',
    date: '2022-01-11',
    precision: 'day',
    geoPrecision: 1,
    summary: {
      en: 'Parliament approves Alikhan Smailov as prime minister.',
      ru: 'Парламент утверждает Алихана Смаилова премьер-министром.',
    },
    notes: 'Same session as the CSTO announcement.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'corroborated',
    sources: [akorda('Published the decree appointing the prime minister.'), tengri('Reported the Mazhilis vote.')],
    tags: ['government'],
  },
  {
    key: 'internet-0111-restored',
    placeId: 'kz-nur-sultan',
    date: '2022-01-11',
    precision: 'day',
    geoPrecision: 3,
    summary: {
      en: 'Internet access is largely restored across Kazakhstan, with some services still blocked.',
      ru: 'Доступ в интернет по Казахстану в основном восстановлен, часть сервисов остаётся заблокированной.',
    },
    notes: 'Placed at the capital as a nationwide measure.',
    ...code('Strategic developments', 'Other'),
    actor1: government(),
    status: 'corroborated',
    sources: [netblocks('Recorded the return of connectivity nationwide.'), azattyq('Reported the internet coming back.')],
    tags: ['internet'],
  },
];

// ---- reports -----------------------------------------------------------------------------

export const DEMO_REPORTS: readonly DemoReport[] = [
  {
    key: 'rep-zhanaozen-morning',
    receivedAt: '2022-01-02T07:12:00.000Z',
    what: 'в жанаозене народ собрался в центре, газ подорожал в 2 раза, говорят 120 тг за литр!! полиция стоит но не трогает',
    when: 'сегодня с утра',
    where: 'Жанаозен центр',
    howKnown: 'heard',
    channel: 'web',
    state: 'linked',
    eventKey: 'zhanaozen-0102-rally',
  },
  {
    key: 'rep-aktau-cousin',
    receivedAt: '2022-01-03T15:04:00.000Z',
    what: 'my cousin in aktau says thousands on the square (yntymak?) people staying overnight, they want the gas price back to before',
    when: 'today',
    where: 'Aktau',
    howKnown: 'relayed',
    channel: 'web',
    state: 'linked',
    eventKey: 'aktau-0103-yntymak',
  },
  {
    key: 'rep-almaty-columns',
    receivedAt: '2022-01-04T17:06:00.000Z',
    what: 'big crowd walking towards the centre, mostly young guys, cars honking. police buses further down, cant see well',
    when: 'now, around 11 pm',
    where: 'almaty, not sure which street, west of centre',
    howKnown: 'saw',
    channel: 'web',
    state: 'new',
  },
  {
    key: 'rep-square-flashbangs',
    receivedAt: '2022-01-05T02:40:00.000Z',
    what: 'на площади взрывы, светошумовые, горит полицейская машина, люди бегут вниз по улице',
    when: 'ночь',
    where: 'Алматы, площадь Республики',
    howKnown: 'saw',
    channel: 'web',
    state: 'new',
  },
  {
    key: 'rep-square-flashbangs-again',
    receivedAt: '2022-01-05T02:47:00.000Z',
    what: 'на площади взрывы светошумовые горит полиц машина люди бегут (не знаю дошло ли первое)',
    when: 'ночь',
    where: 'алматы пл республики',
    howKnown: 'saw',
    channel: 'web',
    state: 'duplicate',
    duplicateOf: 'rep-square-flashbangs',
  },
  {
    key: 'rep-akimat-video',
    receivedAt: '2022-01-05T10:31:00.000Z',
    what: 'video on telegram shows the akimat burning, black smoke over the square. I did not see it myself, just forwarding',
    where: 'Almaty akimat',
    howKnown: 'media',
    channel: 'web',
    state: 'new',
  },
  {
    key: 'rep-taldykorgan-statue',
    receivedAt: '2022-01-05T11:15:00.000Z',
    what: 'сестра из Талдыкоргана пишет что памятник назарбаеву свалили, люди кричат шал кет',
    when: '5 января днём',
    where: 'Талдыкорган',
    howKnown: 'relayed',
    channel: 'web',
    state: 'new',
  },
  {
    key: 'rep-vpn-spam',
    receivedAt: '2022-01-06T04:02:00.000Z',
    what: 'BEST VPN 2022 FAST!!! unlimited free trial, works in any country, visit best-vpn-deal.example now',
    howKnown: 'other',
    channel: 'web',
    state: 'rejected',
  },
  {
    key: 'rep-night-shooting',
    receivedAt: '2022-01-06T20:33:00.000Z',
    what: 'shooting all evening, long bursts, sounds like it comes from the centre. no idea who is shooting at who',
    when: 'this evening from about 7',
    where: 'Almaty, a few km south of the centre',
    howKnown: 'heard',
    channel: 'web',
    state: 'new',
  },
  {
    key: 'rep-airport-uniforms',
    receivedAt: '2022-01-07T05:10:00.000Z',
    what: 'у аэропорта военные в другой форме, говорят по-русски, техника не наша',
    when: 'утро 7го',
    where: 'аэропорт Алматы',
    howKnown: 'saw',
    channel: 'web',
    state: 'new',
  },
  {
    key: 'rep-relative-missing',
    receivedAt: '2022-01-09T09:00:00.000Z',
    what: 'брата задержали 6 января в Алматы, до сих пор не знаем где он. в полиции не отвечают. куда обращаться?',
    when: '6 января',
    where: 'Алматы',
    howKnown: 'other',
    channel: 'web',
    state: 'new',
  },
  {
    key: 'rep-internet-back',
    receivedAt: '2022-01-10T08:30:00.000Z',
    what: 'интернет появился на пару часов, сейчас опять пропадает',
    when: 'сегодня утром',
    where: 'Алматы',
    howKnown: 'saw',
    channel: 'web',
    state: 'new',
  },
];
