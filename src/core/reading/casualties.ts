/**
 * How many were killed and injured, as the report tells it: "8 killed", "более 200 человек
 * погибли", "убиты двое", "ондаған адам қаза тапты", "100-ден астам адам жараланды", "жертв
 * нет". A count belongs to a casualty word only when it stands next to it, with nothing between
 * but the people it counts ("трое полицейских погибли", "8 Kazakh soldiers were killed") or an
 * auxiliary ("were", "было"); so "200 people gathered", "2000 протестующих", "5 января", "14:30",
 * phone numbers and house numbers are not casualties. A count before the word is preferred
 * ("8 погибших"), then one after it ("погибли 8 человек"); each count serves one word.
 *
 * The range: "at least", "более", "кемінде", "-ден астам" give a minimum; "up to", "до",
 * "почти", "-ге жуық" a maximum; "8-10", "8 or 10", "от 8 до 10" both; "about", "около",
 * "шамамен" keep the figure as both, the wording telling the rest. Vague words take their count from `conservativeFatalities`
 * (ACLED's tens 10, dozens 12, hundreds 100, several 3) and, for words it does not know, from
 * `VAGUE_WORDS` below. The ACLED figure is always `conservativeFatalities` of the reading. When a
 * report gives several figures for one side, the first with a count is taken and the others are
 * listed as evidence.
 */
import { conservativeFatalities } from '../fatalities.ts';
import { type Evidence, confidence, spanEvidence } from './evidence.ts';
import { foldLetters } from './letters.ts';

export interface CountReading {
  min?: number;
  max?: number;
  /** The words as written: "десятки погибших", "at least 8 dead". */
  wording: string;
  evidence: Evidence[];
}

export interface CasualtySuggestion {
  killed?: CountReading & { acled: number };
  injured?: CountReading;
  confidence: number;
}

/** Whole words of folded text: "…" stands for any ending, a space for spaces or a hyphen. */
function words(...alternatives: string[]): RegExp {
  const body = alternatives.join('|').replaceAll('…', String.raw`\p{L}*`).replaceAll(' ', String.raw`[\s-]+`);
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${body})(?![\p{L}\p{N}])`, 'gu');
}

/** One folded word, whole. */
function oneWord(...alternatives: string[]): RegExp {
  return new RegExp(`^(?:${alternatives.join('|').replaceAll('…', String.raw`\p{L}*`)})$`, 'u');
}

type Side = 'killed' | 'injured';

interface HeadKind {
  side: Side;
  /** Kazakh words: only they take Kazakh numerals ("он" is "he" in Russian). */
  kazakh: boolean;
  /** A noun that may stand without a count ("есть погибшие"). */
  bare: boolean;
  /** Read only when denied ("no casualties"): with a count it may mean the injured too. */
  zeroOnly: boolean;
  pattern: RegExp;
}

const head = (side: Side, kazakh: boolean, bare: boolean, pattern: RegExp, zeroOnly = false): HeadKind => ({
  side,
  kazakh,
  bare,
  zeroOnly,
  pattern,
});

const HEADS: readonly HeadKind[] = [
  head(
    'killed',
    false,
    false,
    words(
      'погиб(?:ли|ло|ла)?|убит(?:ы|о|а|ый)?|убил(?:и)?|застрелен…|застрелил…|расстрелян…|скончал…|умер(?:ли|ла|ло)?',
      'лишились жизни|killed|dead|died|shot dead|murdered|lost (?:their )?lives',
    ),
  ),
  head(
    'killed',
    false,
    true,
    words(
      'погибш(?:их|ие|ий|его|ая|ему|ими)|убит(?:ых|ые)|жертв(?:а|ы|ами|ам|ах)?|смертей|трупов|трупы|deaths|fatalities|death toll|bodies',
    ),
  ),
  head('killed', false, false, words('casualties|victims'), true),
  head(
    'killed',
    true,
    false,
    words(
      'каза (?:тапты|тапкан|тауып|болды|болган|болып)|кайтыс (?:болды|болган)|олтирил(?:ди|ген)|(?:атып )?олтирди|олди|олген',
      'мерт (?:болды|болган)|курбан (?:болды|болган)|окка ушты|[qk]aza (?:tapty|tapqan|tapkan|boldy)|oltirildi|[qk]a[iy]tys boldy',
    ),
  ),
  head(
    'killed',
    true,
    true,
    words('каза (?:тапкан|болган)(?:дар|лар)…|курбандар…|олгендер…|олтирилгендер…|[qk]aza (?:tap|bol)[qkg]andar…'),
  ),
  head(
    'injured',
    false,
    false,
    words(
      'ранен(?:ы|о|а)?|ранил(?:и)?|пострадал(?:и|а|о)?|получил(?:и|а)? (?:ранения|ранение|травмы)|госпитализирован(?:ы|о|а)?',
      'госпитализировали|injured|wounded|hurt|hospitali[sz]ed',
    ),
  ),
  head('injured', false, true, words('ранен(?:ых|ые|ый|ого|ыми)|раненн(?:ых|ые)|пострадавш(?:их|ие|ий)|травмированн(?:ых|ые)|injuries')),
  head(
    'injured',
    true,
    false,
    words(
      'жаракат (?:алды|алган|алып)|жаракаттан(?:ды|ган)|жаралан(?:ды|ган)|жаралы|зардап (?:шекти|шеккен)|ауруханага (?:тусти|жеткизилди)',
      'jaralan(?:dy|gan)|jara[qk]at (?:aldy|algan)|zardap shekti',
    ),
  ),
  head('injured', true, true, words('жаракат алгандар…|жаракаттангандар…|жаралангандар…|жаралылар…|зардап шеккендер…|jaralangandar…')),
];

/** Vague counts `conservativeFatalities` does not know: Kazakh ones and "many", the smallest plural as "several" is. */
const VAGUE_WORDS: Readonly<Record<string, number>> = {
  ондаган: 10,
  жуздеген: 100,
  мындаган: 1000,
  бирнеше: 3,
  коп: 3,
  ondagan: 10,
  juzdegen: 100,
  myndagan: 1000,
  birneshe: 3,
  kop: 3,
  many: 3,
  много: 3,
  многие: 3,
  многих: 3,
};
const KAZAKH_VAGUE = new Set(['ондаган', 'жуздеген', 'мындаган', 'бирнеше', 'коп', 'ondagan', 'juzdegen', 'myndagan', 'birneshe', 'kop']);

function numberTable(entries: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const group of entries.split(';')) {
    const [value, ...forms] = group.trim().split(/\s+/u);
    for (const f of forms) table.set(f, Number(value));
  }
  return table;
}

const OTHER_NUMBERS = numberTable(
  `1 one один одна одно одного одной одному; 2 two два две двух двое двоих; 3 three три трех трое троих; 4 four четыре четырех четверо
  четверых; 5 five пять пяти пятеро пятерых; 6 six шесть шести шестеро шестерых; 7 seven семь семи семеро семерых; 8 eight восемь
  восьми; 9 nine девять девяти; 10 ten десять десяти десятеро; 11 eleven одиннадцать; 12 twelve двенадцать; 13 thirteen; 14 fourteen;
  15 fifteen пятнадцать; 16 sixteen; 17 seventeen; 18 eighteen; 19 nineteen; 20 twenty двадцать двадцати; 30 thirty тридцать;
  40 forty сорок; 50 fifty пятьдесят; 60 sixty; 70 seventy; 80 eighty; 90 ninety; 100 hundred сто`,
);
const KAZAKH_NUMBERS = numberTable(
  `1 бир bir; 2 еки екеу екеуи eki; 3 уш ушеу ушеуи ush; 4 торт тортеу tort; 5 бес бесеу bes; 6 алты алтау alty; 7 жети жетеу jeti;
  8 сегиз segiz; 9 тогыз togyz; 10 он on; 20 жиырма jiyrma; 30 отыз otyz; 40 кырык qyryq; 50 елу elu; 60 алпыс; 70 жетпис;
  80 сексен; 90 токсан; 100 жуз juz; 1000 мын myn`,
);

/** Words before a number that make it a minimum, a maximum, a rough figure or a range's start. */
const AT_LEAST_BEFORE =
  /(?<![\p{L}])(?:at least|no (?:fewer|less) than|not less than|more than|over|upwards of|не менее|не меньше|как минимум|минимум|по меньшей мере|по крайней мере|более чем|более|больше|свыше|кеминде|кем дегенде|keminde)\s+$/u;
const AT_MOST_BEFORE =
  /(?<![\p{L}])(?:up to|as many as|no more than|not more than|less than|fewer than|under|almost|nearly|(?<!(?:выросло|возросло|увеличилось|достигло|поднялось)\s+)до|не более|не больше|максимум|почти|менее|меньше)\s+$/u;
const ABOUT_BEFORE =
  /(?<![\p{L}])(?:about|around|approximately|roughly|some|an estimated|около|примерно|приблизительно|порядка|где[\s-]то|шамамен|шамасы|shamamen)\s+$/u;
const RANGE_BEFORE = /(?<![\p{L}])(?:от|from|between|между)\s+$/u;

/** Kazakh endings glued to a number: "100-ден астам" (more than), "10-ға жуық" (nearly), "5-і" (the fifth). */
const ABLATIVE = oneWord('ден|дан|тен|тан|нен|нан|den|dan|ten|tan|nen|nan');
const DATIVE = oneWord('ге|га|ке|ка|ge|ga|ke|ka');
const MORE_THAN_AFTER = oneWord('астам|аса|артык|astam|asa|arty[qk]');
const NEARLY_AFTER = oneWord('жуык|таяу|дейин|шейин|juy[qk]|deiin|deyin');
const ABOUT_AFTER = oneWord('шамасында|шамалы|шакты|шамасы|shamasynda');
/** What a number that is no count is followed by: dates, times, ages, money, units, addresses. */
const NOT_A_COUNT_AFTER = oneWord(
  'январ…|jan…|феврал…|декабр…|кантар…|лет|летн…|год…|жыл…|час…|сагат…|минут…|мин|hours?|minutes?|years?|km|км|метр…|m|тенге|тг|тыс',
  'процент…|percent|am|pm|утра|вечера|дня|ночи|этаж…|дом…|мкр…|квартал…|микрорайон…|кв|доллар…|dollars?|рубл…|литр…|th|st|nd|rd|числ…',
);
const isNotACount = (next: { t: string } | undefined): boolean =>
  next !== undefined && (NOT_A_COUNT_AFTER.test(next.t) || /^[%₸$]$/u.test(next.t));
const ADDRESS_BEFORE = oneWord(
  'ул|улица|улицы|улице|пр|просп|проспект|дом|д|кв|мкр|микрорайон|street|st|avenue|ave|кошеси|дангылы|number|no',
);

/** Who is counted, between a count and its word: "трое полицейских погибли", "3 адам қаза болды". */
const PEOPLE = oneWord(
  'человек…|чел|люд…|people|persons?|адам…|adam…|киси…|полицейск…|полицей…|полиция…|policem[ae]n|police|officers?|soldiers?|troops',
  'военн…|военнослужащ…|силовик…|сотрудник…|правоохранител…|протестующ…|митингующ…|protesters?|demonstrators?|civilians?|мирн…',
  'жител…|граждан…|дет…|children|child|ребен…|бала…|сарбаз…|аскери…|аскер…|кызметкер…|тургын…|журналист…|journalists?|men|women',
  'мужчин…|женщин…|rioters?|looters?|мародер…|бойц…|спецназ…|омон…|курсант…|security|forces|servicemen|residents',
);
const KAZAKH_PEOPLE = oneWord('адам…|adam…|киси…|полицей…|сарбаз…|аскери…|аскер…|кызметкер…|тургын…|бала…');
const FILLER = oneWord(
  'were|was|have|has|had|been|are|is|reportedly|already|also|from|of|them|among|уже|тоже|также|еще|было|были|был|была|из|них|среди|их',
  'бар|официально|officially|confirmed',
);
/** Words between a death toll and its figure: "число погибших достигло 164". */
const TOLL_VERB = oneWord('достигло|составило|составляет|выросло|возросло|увеличилось|до|rose|reached|climbed|now|stands|at|to|саны');
const DENIAL_ZERO = oneWord('нет|нету|без|no|nobody|никто|никого|ни|ешким|ешкандай|none|zero|noone');
const DENIAL = oneWord("не|not|never|.*n['’]t");
const DENIAL_AFTER = oneWord('нет|нету|жок|joq|jok|none');
const DASHES = new Set([':', '—', '–', '-']);

interface Unit {
  kind: 'count' | 'word' | 'punct' | 'other';
  start: number;
  end: number;
  word: string;
  min?: number;
  max?: number;
  vague?: boolean;
  /** A Kazakh numeral or vague word: a count only for Kazakh words. */
  kazakh?: boolean;
  /** After a capitalised word: perhaps a house number ("Абая 150"). */
  addressLike?: boolean;
  claimed?: boolean;
}

const TOKEN = /\n|\d+|\p{L}+(?:['’]\p{L}+)?|[^\s\p{L}\p{N}]/gu;

interface Token {
  t: string;
  start: number;
  end: number;
  digits: boolean;
}

function tokensOf(folded: string): Token[] {
  return [...folded.matchAll(TOKEN)].map((m) => ({ t: m[0], start: m.index, end: m.index + m[0].length, digits: /^\d/u.test(m[0]) }));
}

/** The count a number word or vague word stands for, if it is one. */
function wordCount(w: string, prev: string | undefined): { value: number; kazakh: boolean; vague: boolean } | undefined {
  if (w === 'one' && prev === 'no') return undefined;
  const other = OTHER_NUMBERS.get(w);
  if (other !== undefined) return { value: other, kazakh: false, vague: false };
  const kazakh = KAZAKH_NUMBERS.get(w);
  if (kazakh !== undefined) return { value: kazakh, kazakh: true, vague: false };
  const known = conservativeFatalities({ wording: w === 'few' && prev === 'a' ? 'a few' : w });
  if (known > 0) return { value: known, kazakh: false, vague: true };
  const vague = VAGUE_WORDS[w];
  if (vague !== undefined) return { value: vague, kazakh: KAZAKH_VAGUE.has(w), vague: true };
  return undefined;
}

/** Tokens grouped into counts (with their qualifiers), words and punctuation. */
function unitsOf(text: string, folded: string): Unit[] {
  const tokens = tokensOf(folded);
  const units: Unit[] = [];
  const gap = (a: Token, b: Token) => folded.slice(a.end, b.start);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const prev = tokens[i - 1];
    let unit: Unit | undefined;
    let last = i;
    if (tok.digits) {
      // A run of numbers: "2 000" and "4,000" are one, "8 701 123 45 67" is a phone, "05.01.2022" a date.
      for (;;) {
        const [sep, group] = [tokens[last + 1], tokens[last + 2]];
        if (sep?.digits && /^[ \u00a0]+$/u.test(gap(tokens[last]!, sep))) last++;
        else if (sep && /^[,.]$/u.test(sep.t) && group?.digits && group.t.length === 3 && !gap(tokens[last]!, sep) && !gap(sep, group)) {
          last += 2;
        } else break;
      }
      const run = tokens.slice(i, last + 1).filter((r) => r.digits);
      const grouped = run.length === 1 || (run[0]!.t.length <= 3 && run.slice(1).every((r) => r.t.length === 3));
      const digits = run.map((r) => r.t).join('');
      const before = prev?.t;
      const next = tokens[last + 1];
      const afterNext = tokens[last + 2];
      const joinedToNumber =
        (before && /^[+#№]$/u.test(before)) ||
        (before && /^[:./]$/u.test(before) && tokens[i - 2]?.digits && !gap(tokens[i - 2]!, prev!) && !gap(prev!, tok)) ||
        (next && /^[:./]$/u.test(next.t) && gap(tokens[last]!, next) === '' && afterNext?.digits);
      unit = { kind: 'count', start: tok.start, end: run.at(-1)!.end, word: digits, min: Number(digits), max: Number(digits) };
      if (!grouped || digits.length > 7 || joinedToNumber || (prev && ADDRESS_BEFORE.test(prev.t))) unit.kind = 'other';
      else {
        const n = Number(digits);
        const glued = next && gap(tokens[last]!, next) === '' ? next : undefined;
        const suffix = glued?.t === '-' && tokens[last + 2] && gap(next!, tokens[last + 2]!) === '' ? tokens[last + 2] : glued;
        if (suffix && !suffix.digits && /^\p{L}/u.test(suffix.t)) {
          const k = tokens.indexOf(suffix);
          const word = tokens[k + 1]?.t ?? '';
          if (ABLATIVE.test(suffix.t) && MORE_THAN_AFTER.test(word)) Object.assign(unit, { max: undefined, end: tokens[k + 1]!.end });
          else if (DATIVE.test(suffix.t) && NEARLY_AFTER.test(word)) Object.assign(unit, { min: undefined, end: tokens[k + 1]!.end });
          else unit.kind = 'other';
          last = unit.kind === 'other' ? last : k + 1;
        } else if (next && /^[-–—]$/u.test(next.t) && afterNext?.digits && tokens[last + 3]?.t === next.t && tokens[last + 4]?.digits) {
          // "123-45-67", "05-01-2022": a phone number or a date.
          while (tokens[last + 1]?.t === next.t && tokens[last + 2]?.digits) last += 2;
          unit.kind = 'other';
        } else if (
          next &&
          afterNext?.digits &&
          ((/^[-–—]$/u.test(next.t) && !tokens[last + 3]?.t.startsWith(':')) ||
            /^(?:to|или|or)$/u.test(next.t) ||
            (/^(?:до|and|и)$/u.test(next.t) && RANGE_BEFORE.test(folded.slice(0, tok.start))))
        ) {
          // "8-10", "8 or 10", "от 8 до 10"; "5-6 января" is a date.
          Object.assign(unit, { max: Number(afterNext.t), end: afterNext.end });
          last += 2;
          if (isNotACount(tokens[last + 1])) unit.kind = 'other';
        } else if (isNotACount(next)) unit.kind = 'other';
        else if (next?.t === '+' || (next?.t === 'or' && tokens[last + 2]?.t === 'more')) {
          Object.assign(unit, { max: undefined, end: next.t === '+' ? next.end : tokens[last + 2]!.end });
          last += next.t === '+' ? 1 : 2;
        } else if (next && ABOUT_AFTER.test(next.t)) {
          unit.end = next.end;
          last += 1;
        }
        if (unit.kind === 'count' && unit.max === n && unit.min === n) qualify(unit, folded, n);
        else if (unit.kind === 'count' && unit.max !== undefined && unit.min !== undefined) widenToRangeStart(unit, folded);
        if (
          prev &&
          /^\p{Lu}/u.test(text.slice(prev.start, prev.end)) &&
          !/[.!?\n]\s*$/u.test(folded.slice(0, prev.start)) &&
          prev.start > 0
        ) {
          unit.addressLike = true;
        }
      }
    } else if (/^\p{L}/u.test(tok.t)) {
      const counted = wordCount(tok.t, prev?.t);
      if (counted) {
        let value = counted.value;
        // "twenty-five", "двадцать пять", "жиырма бес"
        const table = counted.kazakh ? KAZAKH_NUMBERS : OTHER_NUMBERS;
        const nextWord = tokens[i + 1]?.t === '-' ? tokens[i + 2] : tokens[i + 1];
        const unitValue = nextWord ? table.get(nextWord.t) : undefined;
        if (!counted.vague && value >= 10 && value < 100 && value % 10 === 0 && unitValue !== undefined && unitValue < 10) {
          value += unitValue;
          last = tokens.indexOf(nextWord!);
        }
        const start = prev?.t === 'a' && (tok.t === 'dozen' || tok.t === 'few' || tok.t === 'hundred') ? prev.start : tok.start;
        unit = { kind: 'count', start, end: tokens[last]!.end, word: tok.t, min: value, kazakh: counted.kazakh };
        if (counted.vague) unit.vague = true;
        else {
          unit.max = value;
          qualify(unit, folded, value);
        }
      } else unit = { kind: 'word', start: tok.start, end: tok.end, word: tok.t };
    } else unit = { kind: 'punct', start: tok.start, end: tok.end, word: tok.t };
    // A qualifier read into a count takes the place of the words it was made of.
    while (units.length > 0 && units.at(-1)!.start >= unit.start) units.pop();
    units.push(unit);
    i = last;
  }
  return units;
}

/** Reads "at least", "up to", "about" before a single figure into its range and its span. */
function qualify(unit: Unit, folded: string, n: number): void {
  const before = folded.slice(Math.max(0, unit.start - 30), unit.start);
  const m = AT_LEAST_BEFORE.exec(before) ?? AT_MOST_BEFORE.exec(before) ?? ABOUT_BEFORE.exec(before);
  if (!m) return;
  if (AT_LEAST_BEFORE.test(before)) unit.max = undefined;
  else if (AT_MOST_BEFORE.test(before)) unit.min = undefined;
  else unit.min = unit.max = n;
  unit.start -= before.length - m.index;
}

function widenToRangeStart(unit: Unit, folded: string): void {
  const before = folded.slice(Math.max(0, unit.start - 12), unit.start);
  const m = RANGE_BEFORE.exec(before);
  if (m) unit.start -= before.length - m.index;
}

interface Found {
  head: HeadKind;
  first: number;
  last: number;
}

function headsIn(folded: string, units: readonly Unit[]): Found[] {
  const spans: Array<{ head: HeadKind; start: number; end: number }> = [];
  for (const h of HEADS) for (const m of folded.matchAll(h.pattern)) spans.push({ head: h, start: m.index, end: m.index + m[0].length });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: Found[] = [];
  let reached = -1;
  for (const s of spans) {
    if (s.start < reached) continue;
    const first = units.findIndex((u) => u.end > s.start);
    let last = first;
    while (units[last + 1] && units[last + 1]!.start < s.end) last++;
    if (first >= 0 && units[first]!.kind === 'word') found.push({ head: s.head, first, last });
    reached = s.end;
  }
  return found;
}

interface Denial {
  /** `zero`: none were ("жертв нет"); `denied`: this one was not ("not killed"). */
  kind: 'zero' | 'denied';
  /** The units from the denial to the word, for the wording. */
  first: number;
  last: number;
}

/** "no casualties", "жертв нет", "никто не погиб", "ешкім қаза тапқан жоқ"; or only "not killed". */
function denialOf(units: readonly Unit[], f: Found): Denial | undefined {
  let denied: Denial | undefined;
  for (let j = f.first - 1, seen = 0; j >= 0 && seen < 3; j--) {
    const u = units[j]!;
    if (u.kind !== 'word') break;
    if (DENIAL_ZERO.test(u.word)) return { kind: 'zero', first: j, last: f.last };
    if (DENIAL.test(u.word)) denied = { kind: 'denied', first: j, last: f.last };
    seen++;
  }
  for (let j = f.last + 1; j < units.length && j <= f.last + 2; j++) {
    const u = units[j]!;
    if (u.kind !== 'word') break;
    if (DENIAL_AFTER.test(u.word)) return { kind: 'zero', first: denied?.first ?? f.first, last: j };
    if (u.word === 'емес') return { kind: 'denied', first: f.first, last: j };
  }
  return denied;
}

function countBefore(units: readonly Unit[], f: Found): Unit | undefined {
  let steps = 0;
  let people = false;
  let kazakhPeople = false;
  let adjective = false;
  for (let j = f.first - 1; j >= 0 && steps <= 4; j--) {
    const u = units[j]!;
    if (u.kind === 'punct') {
      if (DASHES.has(u.word)) continue;
      return undefined;
    }
    if (u.kind === 'count') return u.claimed || (u.kazakh && !f.head.kazakh && !kazakhPeople) ? undefined : u;
    if (u.kind === 'other') return undefined;
    if (PEOPLE.test(u.word)) {
      people = true;
      kazakhPeople ||= KAZAKH_PEOPLE.test(u.word);
    } else if (FILLER.test(u.word)) {
      // an auxiliary between the people and the word
    } else if (people && !adjective) adjective = true;
    else return undefined;
    steps++;
  }
  return undefined;
}

function countAfter(units: readonly Unit[], f: Found, headStarts: ReadonlySet<number>): Unit | undefined {
  let steps = 0;
  for (let j = f.last + 1; j < units.length && steps <= 3; j++) {
    const u = units[j]!;
    if (u.kind === 'punct') {
      if (DASHES.has(u.word)) continue;
      return undefined;
    }
    if (u.kind === 'count') {
      if (u.claimed || (u.kazakh && !f.head.kazakh)) return undefined;
      // "есть погибшие 8 раненых": the 8 is the next word's.
      for (let k = j + 1; k < units.length && k <= j + 3; k++) {
        if (headStarts.has(k)) return undefined;
        if (units[k]!.kind !== 'word' || !(PEOPLE.test(units[k]!.word) || FILLER.test(units[k]!.word))) break;
      }
      return u;
    }
    if (u.kind === 'other' || !(FILLER.test(u.word) || TOLL_VERB.test(u.word) || PEOPLE.test(u.word))) return undefined;
    steps++;
  }
  return undefined;
}

interface SideReading {
  reading: CountReading;
  strength: number;
  counted: boolean;
  zero: boolean;
}

function readingOf(text: string, units: readonly Unit[], f: Found, count: Unit | undefined, zero: boolean): SideReading {
  const from = Math.min(units[f.first]!.start, count?.start ?? Number.POSITIVE_INFINITY);
  const to = Math.max(units[f.last]!.end, count?.end ?? 0);
  const reading: CountReading = { wording: text.slice(from, to), evidence: [spanEvidence(text, from, to)] };
  let strength = 0.35;
  if (zero) {
    reading.min = reading.max = 0;
    strength = 0.75;
  } else if (count) {
    if (count.vague) reading.min = count.min;
    else {
      if (count.min !== undefined) reading.min = count.min;
      if (count.max !== undefined) reading.max = count.max;
    }
    strength = count.vague ? 0.65 : count.min === count.max ? 0.85 : 0.8;
  }
  return { reading, strength, counted: count !== undefined, zero };
}

/** Who was killed and injured as the report tells it, or nothing when it tells of neither. */
export function readCasualties(text: string): CasualtySuggestion | undefined {
  const folded = foldLetters(text);
  const units = unitsOf(text, folded);
  const found = headsIn(folded, units);
  if (found.length === 0) return undefined;
  const headStarts = new Set(found.map((f) => f.first));
  const bySide: Record<Side, SideReading[]> = { killed: [], injured: [] };

  for (const f of found) {
    const denial = denialOf(units, f);
    if (denial?.kind === 'denied') continue;
    if (denial?.kind === 'zero') {
      bySide[f.head.side].push(readingOf(text, units, { ...f, first: denial.first, last: denial.last }, undefined, true));
      continue;
    }
    if (f.head.zeroOnly) continue;
    const before = countBefore(units, f);
    const after = before && !before.addressLike ? undefined : countAfter(units, f, headStarts);
    const count = after ?? before;
    if (!count && !f.head.bare) continue;
    if (count) count.claimed = true;
    const read = readingOf(text, units, f, count, false);
    if (count === before && before?.addressLike) read.strength -= 0.25;
    bySide[f.head.side].push(read);
  }

  const pick = (side: Side): { reading: CountReading; strength: number } | undefined => {
    const all = bySide[side];
    const best = all.find((r) => r.counted) ?? all.find((r) => r.zero) ?? all[0];
    if (!best) return undefined;
    const others = all.filter((r) => r !== best);
    const disagree = others.some((r) => r.counted && (r.reading.min !== best.reading.min || r.reading.max !== best.reading.max));
    const evidence = [...best.reading.evidence, ...others.flatMap((r) => r.reading.evidence)];
    return { reading: { ...best.reading, evidence }, strength: best.strength - (disagree ? 0.15 : 0) };
  };
  const killed = pick('killed');
  const injured = pick('injured');
  if (!killed && !injured) return undefined;
  const out: CasualtySuggestion = { confidence: confidence(Math.max(killed?.strength ?? 0, injured?.strength ?? 0)) };
  if (killed) out.killed = { ...killed.reading, acled: conservativeFatalities(killed.reading) };
  if (injured) out.injured = injured.reading;
  return out;
}
