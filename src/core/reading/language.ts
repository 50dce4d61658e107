/**
 * Which language a report is written in: Kazakh, Russian, English or other. Reports are short
 * (an SMS, a forwarded line), often Kazakh typed on a Russian keyboard without ә, ғ, қ, ң, ө, ұ,
 * ү, һ, і, and sometimes Kazakh or Russian in Latin letters. A general-purpose detector trained
 * on long texts guesses badly there, so this one reads what tells these three apart: the letters
 * only Kazakh has, the words each language cannot do without, and the endings Kazakh glues to
 * its words. It answers with the evidence and a confidence, as every reader of a report does.
 */

export const REPORT_LANGS = ['kk', 'ru', 'en', 'other'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

export interface LanguageGuess {
  lang: ReportLang;
  /** 0..1: how far the best language is ahead of the next. */
  confidence: number;
  /** What decided it, for the editor: letters or words found. */
  evidence: string[];
}

/** Letters of the Kazakh Cyrillic alphabet that Russian does not have. */
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;
/** Letters of the Kazakh Latin alphabet (2021) and of its informal spellings that English lacks. */
const KAZAKH_LATIN_LETTERS = /[äğñöūüıÄĞÑÖŪÜİ]/gu;

/** Words Russian uses in nearly every sentence, written as they are typed. */
const RUSSIAN_WORDS = new Set(
  'и в во на не что это как по с со у из за от до к о об а но же ли бы был была были будет есть нет уже там тут здесь все всё очень только или если когда где кто его ее её их они мы вы он она оно я ты сегодня вчера сейчас говорят люди много около возле против после через при для под над между'.split(
    ' ',
  ),
);

/** Kazakh words as typed with Russian letters only (ә → а, қ → к ...) and with Kazakh ones. */
const KAZAKH_WORDS = new Set([
  'және',
  'жане',
  'мен',
  'бен',
  'пен',
  'бұл',
  'бул',
  'осы',
  'сол',
  'бар',
  'жоқ',
  'жок',
  'деп',
  'деді',
  'деди',
  'емес',
  'еді',
  'еди',
  'кеше',
  'бүгін',
  'бугин',
  'бугун',
  'қазір',
  'казир',
  'адамдар',
  'халық',
  'халык',
  'көп',
  'коп',
  'үшін',
  'ушин',
  'туралы',
  'дейін',
  'дейин',
  'кейін',
  'кейин',
  'алаңда',
  'аланда',
  'қалада',
  'калада',
  'жиналды',
  'жиналып',
  'шықты',
  'шыкты',
  'келді',
  'келди',
  'болды',
  'болып',
  'жатыр',
  'жатырмыз',
  'біз',
  'биз',
  'олар',
  'оның',
  'онын',
  'мына',
  'анау',
  'ешкім',
  'ешким',
  'қайда',
  'кайда',
  'неге',
  'кім',
  'ким',
  'айтуынша',
  'сияқты',
  'сиякты',
  'екен',
  'ғой',
  'гой',
  'ма',
  'ме',
  'ба',
  'бе',
  'па',
  'пе',
]);

/** Kazakh written in Latin letters, formally or as people type it. */
const KAZAKH_LATIN_WORDS = new Set(
  'jane bul osy joq jok dep dedi emes kesh keshe bugin bügin qazir kazir adamdar halyq halyk kop köp ushin üshin turaly deiin keiin alanda alañda qalada kalada jinaldy jinalyp shyqty shykty keldi boldy bolyp jatyr biz olar onyn ekende eken goi ğoi'.split(
    ' ',
  ),
);

/** Russian as typed on a Latin keyboard (translit). */
const RUSSIAN_LATIN_WORDS = new Set(
  'v vo na ne chto eto kak po so iz za ot k ob no zhe li by byl byla byli budet est net uzhe tam tut zdes vse vsyo ochen tolko ili esli kogda gde kto ego ih oni my vy ona ya ty segodnya vchera seichas seychas govoryat lyudi mnogo okolo vozle protiv posle cherez pri dlya pod nad gorit strelyayut strelyaut vzryvy policiya miting'.split(
    ' ',
  ),
);

const ENGLISH_WORDS = new Set(
  'the a an and or of to in on at is are was were be been has have had it its this that there they we i you he she not no with from by for as people police near today yesterday now just here my our their what who where when said says reported about after before'.split(
    ' ',
  ),
);

/**
 * Kazakh case and plural endings on a word of Russian letters: -дар/-лар/-тар, -дың/-тың,
 * -ға/-ге/-қа/-ке, -да/-де/-та/-те (locative), -дан/-нан/-тан (ablative), -мыз/-міз. Russian
 * words end so too (вода, где, нога), so only endings after three letters count, and only as
 * weak evidence.
 */
const KAZAKH_ENDING =
  /^[а-яёәғқңөұүһі]{3,}(?:дар|дер|лар|лер|тар|тер|дың|дің|ның|нің|тың|тің|дын|дин|нын|нин|тын|тин|ға|ге|қа|ке|дан|ден|нан|нен|тан|тен|мыз|міз|мыз|дағы|дегі|тағы|тегі|ады|еді|ыпты|іпті)$/u;
const RUSSIAN_ENDING =
  /^[а-яё]{2,}(?:ого|его|ому|ему|ыми|ими|ами|ями|ость|ение|ание|ться|тся|ются|ует|ают|яет|ный|ная|ное|ные|ский|ская|ское|ские)$/u;

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** The words of a text, lower-cased, in the script they were typed in. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

export function detectLanguage(text: string): LanguageGuess {
  const words = wordsOf(text);
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return { lang: 'other', confidence: 0, evidence: ['no letters'] };
  const cyrillic = letters.filter((c) => CYRILLIC.test(c)).length;
  const latin = letters.filter((c) => LATIN.test(c)).length;
  if (cyrillic + latin < letters.length / 2) return { lang: 'other', confidence: 0.9, evidence: ['neither Cyrillic nor Latin letters'] };

  const score = { kk: 0, ru: 0, en: 0 };
  const evidence = { kk: [] as string[], ru: [] as string[], en: [] as string[] };
  const note = (lang: 'kk' | 'ru' | 'en', points: number, why: string) => {
    score[lang] += points;
    if (evidence[lang].length < 6) evidence[lang].push(why);
  };

  const kazakhLetters = new Set(text.match(KAZAKH_LETTERS) ?? []);
  // Each distinct letter is strong evidence; one Kazakh letter in a Russian text is a name.
  for (const l of kazakhLetters) note('kk', 2, `letter ${l}`);
  for (const l of new Set(text.match(KAZAKH_LATIN_LETTERS) ?? [])) note('kk', 1.5, `letter ${l}`);

  for (const w of words) {
    const isCyrillic = CYRILLIC.test(w);
    if (isCyrillic) {
      if (KAZAKH_WORDS.has(w)) note('kk', 2, w);
      else if (RUSSIAN_WORDS.has(w)) note('ru', 2, w);
      else if (KAZAKH_ENDING.test(w)) note('kk', 0.75, w);
      else if (RUSSIAN_ENDING.test(w)) note('ru', 0.75, w);
      if (/[ъэё]/u.test(w)) note('ru', 1, `letter ${w.match(/[ъэё]/u)![0]} in ${w}`);
    } else if (LATIN.test(w)) {
      if (ENGLISH_WORDS.has(w)) note('en', 2, w);
      else if (KAZAKH_LATIN_WORDS.has(w)) note('kk', 2, w);
      else if (RUSSIAN_LATIN_WORDS.has(w)) note('ru', 2, w);
      else if (
        /(?:dar|der|lar|ler|tar|ter|dyng|ding|nyng|da|de|ta|te|dan|nan|tan|ga|ge|qa|ke)$/.test(w) &&
        w.length > 5 &&
        !/(?:ed|ing|ly|tion|ness)$/.test(w)
      ) {
        note('kk', 0.5, w);
      } else if (/(?:ing|ed|tion|ness|ly|ment|ers)$/.test(w) && w.length > 4) note('en', 0.75, w);
    }
  }
  // Script alone decides between Latin and Cyrillic languages when the words did not.
  if (cyrillic > latin) {
    score.ru += 0.5;
    if (score.kk === 0 && score.ru === 0.5) evidence.ru.push('Cyrillic letters');
  } else {
    score.en += 0.5;
    if (score.en === 0.5) evidence.en.push('Latin letters');
  }

  const ranked = (Object.entries(score) as Array<['kk' | 'ru' | 'en', number]>).sort((a, b) => b[1] - a[1]);
  const [best, second] = [ranked[0]!, ranked[1]!];
  const confidence = best[1] === 0 ? 0 : Math.min(1, (best[1] - second[1]) / Math.max(best[1], 2));
  return { lang: best[0], confidence: Math.round(confidence * 100) / 100, evidence: evidence[best[0]] };
}
