/**
 * The words of time as reports write them, in English, Russian and Kazakh (Cyrillic, Latin, and
 * typed with Russian letters only): days ("вчера", "кеше", "бугин", "5 қаңтар", "Jan 5",
 * "в среду"), parts of the day ("утром", "түнде", "last night"), "now" and "an hour ago", and
 * the zones a clock may be given in ("по времени Астаны"). Patterns are written against the
 * folded text `foldForTime` makes, so one entry serves "бүгін", "бугин" and "bügin".
 * time-phrases.ts finds them in a text; time.ts reads them against the time the report was sent.
 */
import type { PartOfDay } from '../time.ts';

/** A part of the day as said: the night that has just passed and the coming one are their own. */
export type PartWord = PartOfDay | 'last_night' | 'tonight';
/** What says which half of the day an hour is in. */
export type Hint = PartOfDay | 'am' | 'pm';

export interface Clock {
  hour: number;
  minute: number;
  /** The minutes were written ("14:30", "14:00"), not only the hour ("в 2 часа", "2 pm"). */
  minutes: boolean;
  /** A bare hour 1..12 with nothing saying morning or evening: "в 8 часов" is 08:00 or 20:00. */
  twelve: boolean;
}

export type DayWord =
  | { kind: 'relative'; offset: number }
  | { kind: 'date'; year?: number; month: number; day: number }
  | { kind: 'ordinal'; day: number }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'month'; year?: number; month: number };

export type TodWord =
  | { kind: 'clock'; clock: Clock; to?: Clock }
  | { kind: 'part'; part: PartWord }
  | { kind: 'now' }
  | { kind: 'ago'; minutes: number };

export interface TimePiece {
  /** UTF-16 offsets in the field read. */
  start: number;
  end: number;
  day?: DayWord;
  /** The last day of a range ("2-5 января"). */
  dayTo?: DayWord;
  tod?: TodWord;
  /** A year said on its own beside the words ("2011 жылы", "в 2011 году"). */
  year?: number;
  /** The IANA zone a clock was given in ("по времени Астаны"); '' for "local time". */
  zone?: string;
  approximate?: boolean;
  /** "с утра", "since January 2", "таңертеңнен бері": from then until the report. */
  since?: boolean;
  /** A bare hour after a preposition ("в 8", "at 2"): a clock only beside a part of the day. */
  weak?: boolean;
}

export interface TimeGroup {
  start: number;
  end: number;
  pieces: TimePiece[];
}

/** Each letter of the first string folds to the one at its place in the second. */
const FOLD_FROM = 'әқңғөұүіһёäáöóüúūğǵñńıý–—−‐‑\u00a0\u202f’ʼ';
const FOLD_TO = "акнгоууихеaaoouuuggnniy-----  ''";
const FOLD = new Map([...FOLD_FROM].map((ch, i) => [ch, FOLD_TO.charAt(i)]));
/** Latin letters typed inside Cyrillic words ("вчерa", "бугiн"). */
const LOOKALIKE = new Map([...'aeocpxyikmt'].map((ch, i) => [ch, 'аеосрхуикмт'.charAt(i)]));
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The text lower-cased, Kazakh letters as their Russian neighbours, dashes as "-"; same length. */
export function foldForTime(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const lower = ch.toLowerCase();
    const one = lower.length === 1 ? lower : ch;
    const inCyrillic = CYRILLIC.test(text[i - 1] ?? '') || CYRILLIC.test(text[i + 1] ?? '');
    out += (inCyrillic ? LOOKALIKE.get(one) : undefined) ?? FOLD.get(one) ?? one;
  }
  return out;
}

/** Which half of the day an hour said with a hint is in: "11 вечера" 23, "3 часа дня" 15, "2 ночи" 2. */
export function applyHint(hour: number, hint: Hint): number | undefined {
  if (hint === 'am' || hint === 'pm') return hour < 1 || hour > 12 ? undefined : (hour % 12) + (hint === 'pm' ? 12 : 0);
  if (hour > 12) return hour;
  if (hint === 'afternoon') return hour <= 6 ? hour + 12 : hour;
  if (hint === 'evening') return hour < 12 ? hour + 12 : hour;
  if (hint === 'night') return hour === 12 ? 0 : hour >= 6 ? hour + 12 : hour;
  return hour;
}

export const B = String.raw`(?<![\p{L}\p{N}])`;
export const E = String.raw`(?![\p{L}\p{N}])`;
const L = String.raw`\p{L}*`;
/** Spaces in a pattern stand for any run of spaces; Latin "sh" may be typed "ş" too. */
const spaced = (s: string) => s.replaceAll(' ', String.raw`\s+`).replaceAll('sh', '(?:sh|ş)');
export const words = (alternatives: string) => new RegExp(`${B}(?:${spaced(alternatives)})${E}`, 'gu');

/** Month names in every case and script, January first. */
const MONTHS: readonly string[] = [
  `январ${L}|янв\\.?|january|jan\\.?|кантар${L}|[qk]antar${L}`,
  `феврал${L}|фев\\.?|february|feb\\.?|акпан${L}|a[qk]pan${L}`,
  `март${L}|march|mar\\.?|наурыз${L}|nauryz${L}`,
  `апрел${L}|april|apr\\.?|сауир${L}|sauir${L}`,
  `ма[йяе]|may|мамыр${L}|mamyr${L}`,
  `июн${L}|june|jun\\.?|маусым${L}|mausym${L}`,
  `июл${L}|july|jul\\.?|шилде${L}|shilde${L}`,
  `август${L}|авг\\.?|august|aug\\.?|тамыз${L}|tamyz${L}`,
  `сентябр${L}|сент\\.?|september|sept?\\.?|кыркуйек${L}|[qk]yr[qk]u[iy]e[kq]${L}`,
  `октябр${L}|окт\\.?|october|oct\\.?|казан${L}|[qk]azan${L}`,
  `ноябр${L}|нояб?\\.?|november|nov\\.?|караша${L}|[qk]arasha${L}`,
  `декабр${L}|дек\\.?|december|dec\\.?|желтоксан${L}|(?:j|zh)elto[qk]san${L}`,
];
export const MONTH = `(?:${MONTHS.join('|')})`;
const MONTH_EXACT = MONTHS.map((p) => new RegExp(`^(?:${p})$`, 'u'));
export const monthOf = (word: string) => MONTH_EXACT.findIndex((r) => r.test(word)) + 1 || undefined;
export const ENGLISH_MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/u;
export const KAZAKH_GENITIVE = /(?:дын|дин|тын|тин|нын|нин|dyn|din|tyn|tin|nyn|nin)$/u;
/** Months standing alone: "в январе", "in January", "қаңтарда", "желтоқсан айында". */
export const MONTH_ALONE = new RegExp(
  `${B}(?:(?:в|во) (январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)` +
    `|in (january|february|march|april|may|june|july|august|september|october|november|december)` +
    `|(кантар|акпан|наурыз|сауир|мамыр|маусым|шилде|тамыз|кыркуйек|караша|желтоксан|[qk]antar|a[qk]pan|nauryz|sauir|mamyr|mausym` +
    `|shilde|tamyz|[qk]yr[qk]u[iy]e[kq]|[qk]arasha|(?:j|zh)elto[qk]san)(?: айында| ayynda|да|де|та|те|da|de|ta|te))${E}`.replaceAll(
      ' ',
      String.raw`\s+`,
    ),
  'gu',
);

export const ORD = '(?:-?(?:го|ого|е|ое|ши|шы|инши|ынши|st|nd|rd|th|shi|nshi|inshi))?';
export const YEAR_AFTER = String.raw`(?:,?\s+(\d{4})(?!\d)(?:\s*(?:г\.|года?|году|жылы?|жылгы|jyly?|jylgy))?)?`;
export const YEAR_BEFORE = String.raw`(?:(\d{4})\s*(?:жылгы|жылы|ж\.|jylgy|jyly)\s+)?`;
export const ISO_DATE = new RegExp(String.raw`${B}(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2}))?(?!\d)`, 'gu');
export const NIGHT_OF = new RegExp(String.raw`${B}в\s+ночь\s+(?:с\s+\d{1,2}${ORD}\s+)?на\s+(\d{1,2})${ORD}(?:\s+(${MONTH}))?${E}`, 'gu');
export const DAY_RANGE = new RegExp(
  String.raw`${B}(?:(?:с|со|from)\s+)?(\d{1,2})${ORD}\s*(?:-|по|до|to|till|until|through)\s*(\d{1,2})${ORD}` +
    String.raw`(?:\s*-\s*|\s+(?:of\s+)?)(${MONTH})${E}${YEAR_AFTER}`,
  'gu',
);
export const NUM_MONTH = new RegExp(
  String.raw`${B}${YEAR_BEFORE}(\d{1,2})${ORD}(?:\s*-\s*|\s+(?:of\s+)?)(${MONTH})${E}${YEAR_AFTER}`,
  'gu',
);
export const MONTH_NUM = new RegExp(
  String.raw`${B}(${MONTH})\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:\s*-\s*(\d{1,2})(?:st|nd|rd|th)?)?` +
    String.raw`(?:-?(?:инде|ында|нде|нда|си|сы|и|ы|inde|ynda|nde|nda|si|sy|i|y))?${E}(?![:.]\d)${YEAR_AFTER}`,
  'gu',
);
export const NUMERIC_DATE = /(?<![\p{N}.,:/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\p{N}]|[.,:/]\d)/gu;
export const ORDINAL = new RegExp(String.raw`${B}(?:(?:the|on the)\s+)?(\d{1,2})(?:-?го|st|nd|rd|th)${E}(?:\s+числа)?`, 'gu');

export const RELATIVE_DAYS: ReadonlyArray<readonly [number, string]> = [
  [-2, `позавчера|позавчерашн${L}|(?:the )?day before yesterday|алдынгуни|алдынгы куни|алдын куни|aldynguni|aldyng[yi] kuni|aldyn kuni`],
  [-1, `вчера|вчерашн${L}|yesterday|кеше|кешеги|keshe|keshegi|kesh`],
  [0, `сегодня|седня|сегодняшн${L}|today|this(?= (?:morning|afternoon|evening))|бугин|бугинги|bugin|bugingi`],
  [1, 'завтра|tomorrow|ертен|ертенги|erten|ertengi'],
];
export const PARTS: ReadonlyArray<readonly [PartWord, string]> = [
  [
    'last_night',
    'last night|overnight|прошлой ночью|этой ночью|минувшей ночью' +
      '|откен тун(?:де|и)|otken tun(?:de|i)|кешеги тун(?:де|и)|keshegi tun(?:de|i)',
  ],
  ['tonight', 'tonight'],
  [
    'morning',
    '(?:early )?(?:in the )?morning|at dawn|(?:рано |ранним )?утр(?:ом|о|а|у)|на рассвете' +
      '|танертен(?:ги|гисин|нен)?|tanerten(?:gi|nen)?|тан ата|tan ata',
  ],
  [
    'afternoon',
    '(?:in the )?afternoon|днем(?! рождения)|dnem|после обеда|после полудня|в обед|во второй половине дня' +
      '|тусте|tuste|тустен кейин|tusten ke[iy]in|тус ауа|tus aua',
  ],
  [
    'evening',
    '(?:in the |late )?evening|(?:поздно |поздним )?вечер(?:ом|а|у)?|вечерком|кешке|keshke|кешкисин|keshkisin|кешкурым|keshkurym',
  ],
  [
    'night',
    '(?:late )?(?:at |in the )?night|(?:поздно |глубокой |поздней )?ноч(?:ью|ь|и)|тунде|tunde|туни|tuni|тун ортасында|tun ortasynda',
  ],
];
export const WEEKDAYS: ReadonlyArray<readonly [number, string]> = [
  [1, `monday|(?:в|во) (?:прошлый |этот )?понедельник|дуйсенби${L}|d[uy][iy]senbi${L}`],
  [2, `tuesday|во (?:прошлый |этот )?вторник|сейсенби${L}|se[iy]senbi${L}`],
  [3, `wednesday|в (?:прошлую |эту )?среду|сарсенби${L}|sarsenbi${L}`],
  [4, `thursday|в (?:прошлый |этот )?четверг|бейсенби${L}|be[iy]senbi${L}`],
  [5, 'friday|в (?:прошлую |эту )?пятницу|жума (?:куни|кун)|жумада|(?:zh|j)uma (?:kuni|kun)|(?:zh|j)umada'],
  [6, `saturday|в (?:прошлую |эту )?субботу|сенби${L}|senbi${L}`],
  [0, `sunday|в (?:прошлое |это )?воскресенье|жексенби${L}|(?:zh|j)eksenbi${L}`],
];
export const NOW = words(
  'right now|just now|at the moment|now|прямо сейчас|сейчас|в данный момент|в эту минуту|в настоящее время|только что' +
    '|дал казир|казир|казирги (?:уакытта|сатте)|[qk]azir|жана гана|(?:zh|j)ana gana',
);
export const AGO = new RegExp(
  String.raw`${B}(?:(\d{1,3})\s*|(полтора|пол|half an?|an?|one|бир|bir)\s*)?` +
    String.raw`(часа|часов|час|минут[ауы]?|мин\.?|hours?|hrs?|minutes?|mins?|сагат|sagh?at|minut)` +
    String.raw`\s+(?:тому\s+)?(?:назад|ago|бурын|buryn)${E}`,
  'gu',
);
export const NOON = words(`полдень|полудн${L}|noon|midday|талтус${L}|taltus${L}`);
export const MIDNIGHT = words(`полноч${L}|полуноч${L}|midnight`);
export const YEAR = new RegExp(
  String.raw`${B}(?:(?:в|in)\s+)?((?:19|20)\d\d)\s*(?:жылы|жылгы|году|года|г\.|jyly|jylgy)${E}|${B}(?:в|in)\s+((?:19|20)\d\d)${E}`,
  'gu',
);
export const ZONES: ReadonlyArray<readonly [string, string]> = [
  [
    'Asia/Almaty',
    'по (?:времени )?(?:алматы|астаны|нур-султана|столицы)|по (?:алматинскому|астанинскому|нур-султанскому|столичному) времени' +
      '|(?:almaty|astana|nur-sultan|nursultan) time|(?:алматы|астана|нур-султан) уакыт(?:ы|ымен)(?: бойынша)?',
  ],
  [
    'Asia/Aqtau',
    'по (?:времени )?(?:актау|мангистау|мангыстау)|по (?:актаускому|мангистаускому) времени|(?:a[qk]tau|mangystau|mangistau) time' +
      '|(?:актау|мангыстау|манкыстау) уакыт(?:ы|ымен)(?: бойынша)?',
  ],
  ['Europe/Moscow', 'мск|msk|по московскому времени|по (?:времени )?москвы|moscow time'],
  ['', 'по местному времени|local time|жергиликти уакыт(?:ы|пен)?(?: бойынша)?'],
];
export const PHONE =
  /(?:\+7|(?<![\p{N}])[78])[\s\-(]*\d{3}[\s\-)]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?![\p{N}])|\d{10,}|https?:\/\/\S+|www\.\S+|24\/7/gu;
