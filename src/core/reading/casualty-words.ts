/**
 * The words casualties.ts reads, as folded text (letters.ts): casualty words by side ("killed",
 * "погибли", "қаза тапты"), number words, the words that make a figure a minimum or a maximum, the
 * people counted between a count and its word, and what makes a number no count at all. Apart
 * from the reading itself so that each file stays one thing to read.
 */
/** Whole words of folded text: "…" stands for any ending, a space for spaces or a hyphen. */
function words(...alternatives: string[]): RegExp {
  const body = alternatives.join('|').replaceAll('…', String.raw`\p{L}*`).replaceAll(' ', String.raw`[\s-]+`);
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${body})(?![\p{L}\p{N}])`, 'gu');
}

/** One folded word, whole. */
function oneWord(...alternatives: string[]): RegExp {
  return new RegExp(`^(?:${alternatives.join('|').replaceAll('…', String.raw`\p{L}*`)})$`, 'u');
}

export type Side = 'killed' | 'injured';

export interface HeadKind {
  side: Side;
  /** Kazakh words: only they take Kazakh numerals ("он" is "he" in Russian). */
  kazakh: boolean;
  /** A noun that may stand without a count ("есть погибшие"). */
  bare: boolean;
  /** Read only when denied ("no casualties"): with a count it may mean the injured too. */
  zeroOnly?: boolean;
  /** An official's word that also means destroyed ("уничтожены"): a count only of people ("26 террористов"). */
  needsPeople?: boolean;
  /** A negative verb ("қаза таппады"): none were. */
  none?: boolean;
  pattern: RegExp;
}

/** A head from its side and flags ("killed kazakh bare") and its words. */
function head(spec: string, pattern: RegExp): HeadKind {
  const [side, ...flags] = spec.split(' ') as [Side, ...string[]];
  const has = (flag: string) => flags.includes(flag);
  return {
    side,
    kazakh: has('kazakh'),
    bare: has('bare'),
    zeroOnly: has('zeroOnly'),
    needsPeople: has('needsPeople'),
    none: has('none'),
    pattern,
  };
}

export const HEADS: readonly HeadKind[] = [
  head(
    'killed',
    words(
      'погиб(?:ли|ло|ла)?|убит(?:ы|о|а|ый)?|убил(?:и)?|застрелен…|застрелил…|расстрелян…|скончал…|умер(?:ли|ла|ло)?',
      'лишились жизни|killed|dead|died|dies|shot dead|murdered|lost (?:their )?lives|тела|тел',
    ),
  ),
  // How officials told of deaths: "ликвидированы", "eliminated", "жойылды".
  head('killed needsPeople', words('ликвидирован(?:ы|о|а)?|уничтожен(?:ы|о|а)?|eliminated|neutrali[sz]ed')),
  head('killed kazakh needsPeople', words('жойыл(?:ды|ган)|жойды|zhoiyldy|joiyldy')),
  head(
    'killed bare',
    words(
      'погибш(?:их|ие|ий|его|ая|ему|ими)|убит(?:ых|ые)|жертв(?:а|ы|ами|ам|ах)?|смертей|трупов|трупы|deaths|fatalities|death toll|bodies',
    ),
  ),
  head('killed bare zeroOnly', words('casualties|victims')),
  head(
    'killed kazakh',
    words(
      'каза (?:тапты|тапкан|тауып|болды|болган|болып)|кайтыс (?:болды|болган)|олтирил(?:ди|ген)|(?:атып )?олтирди|олди|олген',
      'мерт (?:болды|болган)|курбан (?:болды|болган)|окка ушты|коз жумды|майит(?:и|ин)?|мурде(?:си)?|ma[iy]it',
      '[qk]aza (?:tapty|tapqan|tapkan|boldy)|oltirildi|[qk]a[iy]tys boldy',
    ),
  ),
  head(
    'killed kazakh bare',
    words('каза (?:тапкан|болган)(?:дар|лар)…|курбандар…|олгендер…|олтирилгендер…|майиттер…|[qk]aza (?:tap|bol)[qkg]andar…'),
  ),
  head('killed kazakh none', words('каза (?:таппады|болмады)|[qk]aza tappady')),
  head(
    'injured',
    words(
      'ранен(?:ы|о|а)?|ранил(?:и)?|пострадал(?:и|а|о)?|получил(?:и|а)? (?:ранения|ранение|травмы)|госпитализирован(?:ы|о|а)?',
      'госпитализировали|injured|wounded|hurt|hospitali[sz]ed',
    ),
  ),
  head('injured bare', words('ранен(?:ых|ые|ый|ого|ыми)|раненн(?:ых|ые)|пострадавш(?:их|ие|ий)|травмированн(?:ых|ые)|injuries')),
  head(
    'injured kazakh',
    words(
      'жаракат (?:алды|алган|алып)|жаракаттан(?:ды|ган)|жаралан(?:ды|ган)|жаралы|зардап (?:шекти|шеккен)|ауруханага (?:тусти|жеткизилди)',
      'jaralan(?:dy|gan)|jara[qk]at (?:aldy|algan)|zardap shekti',
    ),
  ),
  head('injured kazakh bare', words('жаракат алгандар…|жаракаттангандар…|жаралангандар…|жаралылар…|зардап шеккендер…|jaralangandar…')),
  head('injured kazakh none', words('жараланбады|жаракат алмады|зардап шекпеди|jaralanbady')),
];

function numberTable(entries: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const group of entries.split(';')) {
    const [value, ...forms] = group.trim().split(/\s+/u);
    for (const f of forms) table.set(f, Number(value));
  }
  return table;
}

/** Vague counts `conservativeFatalities` does not know: Kazakh ones and "many", the smallest plural as "several" is. */
export const VAGUE_WORDS = numberTable(
  '10 ондаган ondagan; 100 жуздеген juzdegen; 1000 мындаган myndagan; 3 бирнеше birneshe коп kop many много многие многих',
);
export const KAZAKH_VAGUE = new Set([
  'ондаган',
  'жуздеген',
  'мындаган',
  'бирнеше',
  'коп',
  'ondagan',
  'juzdegen',
  'myndagan',
  'birneshe',
  'kop',
]);

export const OTHER_NUMBERS = numberTable(
  `1 one один одна одно одного одной одному; 2 two два две двух двое двоих; 3 three три трех трое троих; 4 four четыре четырех четверо
  четверых; 5 five пять пяти пятеро пятерых; 6 six шесть шести шестеро шестерых; 7 seven семь семи семеро семерых; 8 eight восемь
  восьми восьмеро; 9 nine девять девяти девятеро; 10 ten десять десяти десятеро; 11 eleven одиннадцать; 12 twelve двенадцать;
  13 thirteen тринадцать; 14 fourteen четырнадцать; 15 fifteen пятнадцать; 16 sixteen шестнадцать; 17 seventeen семнадцать;
  18 eighteen восемнадцать; 19 nineteen девятнадцать; 20 twenty двадцать двадцати; 30 thirty тридцать; 40 forty сорок; 50 fifty
  пятьдесят; 60 sixty шестьдесят; 70 seventy семьдесят; 80 eighty восемьдесят; 90 ninety девяносто; 100 hundred сто`,
);
export const KAZAKH_NUMBERS = numberTable(
  `1 бир bir; 2 еки екеу екеуи eki ekeu; 3 уш ушеу ушеуи ush us; 4 торт тортеу тортеуи tort; 5 бес бесеу бесеуи bes; 6 алты алтау
  алтауы alty; 7 жети жетеу жетеуи jeti zheti; 8 сегиз сегизеу segiz; 9 тогыз тогызеу togyz toqyz; 10 он онау on; 20 жиырма jiyrma
  zhiyrma; 30 отыз otyz; 40 кырык qyryq kyryk; 50 елу elu; 60 алпыс; 70 жетпис; 80 сексен; 90 токсан; 100 жуз juz; 1000 мын myn`,
);

/** Words before a number that make it a minimum, a maximum, a rough figure or a range's start. */
export const AT_LEAST_BEFORE =
  /(?<![\p{L}])(?:at least|no (?:fewer|less) than|not less than|more than|over|upwards of|не менее|не меньше|как минимум|минимум|по меньшей мере|по крайней мере|более чем|более|больше|свыше|кеминде|кем дегенде|keminde)\s+$/u;
export const AT_MOST_BEFORE =
  /(?<![\p{L}])(?:up to|as many as|no more than|not more than|less than|fewer than|under|almost|nearly|(?<!(?:выросло|возросло|увеличилось|достигло|поднялось)\s+)до|не более|не больше|максимум|почти|менее|меньше)\s+$/u;
export const ABOUT_BEFORE =
  /(?<![\p{L}])(?:about|around|approximately|roughly|some|an estimated|около|примерно|приблизительно|порядка|где[\s-]то|шамамен|шамасы|shamamen)\s+$/u;
export const RANGE_BEFORE = /(?<![\p{L}])(?:от|from|between|между)\s+$/u;

/** Kazakh endings glued to a number: "100-ден астам" (more than), "10-ға жуық" (nearly), "5-і" (the fifth). */
export const ABLATIVE = oneWord('ден|дан|тен|тан|нен|нан|den|dan|ten|tan|nen|nan');
export const DATIVE = oneWord('ге|га|ке|ка|ge|ga|ke|ka');
export const MORE_THAN_AFTER = oneWord('астам|аса|артык|astam|asa|arty[qk]');
export const NEARLY_AFTER = oneWord('жуык|таяу|дейин|шейин|juy[qk]|deiin|deyin');
export const ABOUT_AFTER = oneWord('шамасында|шамалы|шакты|шамасы|shamasynda');
/** What a number that is no count is followed by: dates, times, ages, money, units, addresses. */
const NOT_A_COUNT_AFTER = oneWord(
  'январ…|jan…|феврал…|декабр…|кантар…|лет|летн…|год…|жыл…|час…|сагат…|минут…|мин|hours?|minutes?|years?|km|км|метр…|m|тенге|тг|тыс',
  'процент…|percent|am|pm|утра|вечера|дня|ночи|этаж…|дом…|мкр…|квартал…|микрорайон…|кв|доллар…|dollars?|рубл…|литр…|th|st|nd|rd|числ…',
);
export const isNotACount = (next: { t: string } | undefined): boolean =>
  next !== undefined && (NOT_A_COUNT_AFTER.test(next.t) || /^[%₸$]$/u.test(next.t));
export const ADDRESS_BEFORE = oneWord(
  'ул|улица|улицы|улице|пр|просп|проспект|дом|д|кв|мкр|микрорайон|street|st|avenue|ave|кошеси|дангылы|number|no',
);

/** Who is counted, between a count and its word: "трое полицейских погибли", "3 адам қаза болды". */
export const PEOPLE = oneWord(
  'человек…|чел|люд…|people|persons?|адам…|adam…|киси…|полицейск…|полицей…|полиция…|policem[ae]n|police|officers?|soldiers?|troops',
  'военн…|военнослужащ…|силовик…|сотрудник…|правоохранител…|протестующ…|митингующ…|protesters?|demonstrators?|civilians?|мирн…',
  'жител…|граждан…|дет…|children|child|ребен…|бала…|сарбаз…|аскери…|аскер…|кызметкер…|тургын…|журналист…|journalists?|men|women',
  'мужчин…|женщин…|rioters?|looters?|мародер…|бойц…|спецназ…|омон…|курсант…|security|forces|servicemen|residents|guard…|гвард…',
  'нацгвард…|attackers?|assailants?|terrorists?|militants?|gunm[ae]n|bandits?|нападавш…|террорист…|боевик…|бандит…|ланкес…|содыр…',
  'шабуылдаушы…|улан…|жигит…|айел…|кыз(?:дар|ы)?|personnel|members|law|enforcement|agents?|criminals?|преступник…|кылмыскер…',
);
export const KAZAKH_PEOPLE = oneWord(
  'адам…|adam…|жигит…|айел…|киси…|полицей…|сарбаз…|аскери…|аскер…|кызметкер…|тургын…|бала…|ланкес…|содыр…|шабуылдаушы…',
);
/** Joins two groups of people: "полицейских и протестующих", "police and national guard servicemen". */
export const CONNECTOR = oneWord('and|и|или|or|мен|жане|men|jane');
export const QUOTES = new Set(['"', '«', '»', '“', '”', '„', "'", '‘', '’']);
/** One person who died ("водитель погиб", "жүргізуші қаза тапты") or whom someone killed ("застрелили водителя"). */
export const ONE_PERSON = oneWord(
  'водител[ья]|таксиста?|брата?|сына?|отец|отца|мужа?|дядя|племянника?|друга?|подруга|соседк?а?|знаком(?:ый|ая|ого)|мужчин[ау]',
  'женщин[ау]|девушк[ау]|парень|парня|подростка?|ребенка?|мальчика?|девочк[ау]|студента?|студентк[ау]|полицейск(?:ий|ого)|сотрудника?',
  'военнослужащ(?:ий|его)|военн(?:ый|ого)|солдата?|журналиста?|журналистк[ау]|пенсионера?|жител[ья]|фотографа?|оператора?|охранника?',
  'курсанта?|боец|бойца|спецназовец|омоновец|пограничник|гражданина?|прохож(?:ий|его)|протестующ(?:ий|его)|митингующ(?:ий|его)|офицера?',
  'сержант|лейтенант|капитан|майор|полковник|продавец|врач|мать|дочь|сестра|жена|коллега|террориста?|боевика?|бандита?|нападавш(?:ий|его)',
  'officer|policem[ae]n|policewoman|soldier|servicem[ae]n|man|woman|boy|girl|child|baby|teenager|driver|journalist|reporter|photographer',
  'cameraman|protester|protestor|demonstrator|student|brother|sister|son|daughter|father|mother|husband|wife|uncle|cousin|friend',
  'neighbou?r|guard|guardsman|resident|civilian|passerby|pensioner|cadet|colleague|person|citizen|worker|doctor|activist|sergeant|terrorist',
  'militant|gunman|attacker|жургизуши(?:си|ни)?|ини(?:м|си|мди)|ага(?:м|сы|мды)|бауыр(?:ым|ы)|улым|улы|акем|акеси|куйеуи|досым|досы|коршим',
  'полицей(?:ди)?|кызметкер(?:и|ди)?|сарбаз(?:ы|ды)?|аскери|жигит(?:ти)?|бала(?:сы|ны)?|кыз(?:ы)?|тургын(?:ы|ды)?|кузетши(?:си)?|окушы(?:сы)?',
  'j?zh?urgizushi(?:ni)?|inim|agam|jigit|bala',
);
/** Several people with no count: "погибли люди", "people were killed", "адамдар қаза тапты". */
export const MANY_PEOPLE = oneWord(
  'люди|полицейские|военные|военнослужащие|протестующие|митингующие|жители|граждане|дети|силовики|сотрудники|people|civilians|protesters',
  'demonstrators|residents|soldiers|officers|policemen|children|terrorists|militants|боевики|террористы|бандиты|adamdar|адамдар',
  'тургындар|балалар|сарбаздар|аскерилер|полицейлер',
);
/** Russian verbs that say one person ("погиб") or several ("погибли"). */
export const ONE_VERB = oneWord(
  'погиб|погибла|убит|убита|застрелен|застрелена|скончал(?:ся|ась)|умер|умерла|расстрелян|расстреляна|ранен|ранена|ликвидирован|уничтожен',
);
export const MANY_VERB = oneWord(
  'погибли|убиты|застрелены|скончались|умерли|расстреляны|ранены|пострадали|госпитализированы|ликвидированы',
);
export const KILLED_ACTIVE = oneWord(
  'убил|убили|застрелил|застрелили|расстрелял|расстреляли|killed|murdered|shot dead|олтирди|атып олтирди',
);
export const DETERMINER = oneWord('a|an|the|my|our|his|her|their|this|another|мой|моя|наш|наша|его|ее|их|менин|биздин');
/** What follows a headline's victim ("Soldier killed in Almaty"); anything else may be the killer's object. */
export const PLACE_AFTER = oneWord('in|at|on|near|during|by|after|when|while|yesterday|today|overnight|tonight');
export const ONE_AUX = oneWord('was|is|has|had|been|reportedly|also|был|была|уже|тоже|также');
export const MANY_AUX = oneWord('were|are|have|были');
export const FILLER = oneWord(
  'were|was|have|has|had|been|are|is|reportedly|already|also|from|of|them|among|уже|тоже|также|еще|было|были|был|была|из|них|среди|их',
  'бар|официально|officially|confirmed',
);
/** Words between a death toll and its figure: "число погибших достигло 164". */
export const TOLL_VERB = oneWord(
  'достигло|составило|составляет|выросло|возросло|увеличилось|до|rose|reached|climbed|now|stands|at|to|саны',
);
export const DENIAL_ZERO = oneWord('нет|нету|без|no|nobody|никто|никого|ни|ешким|ешкандай|none|zero|noone');
export const DENIAL = oneWord("не|not|never|.*n['’]t");
export const DENIAL_AFTER = oneWord('нет|нету|жок|joq|jok|none');
/** Kazakh "да/де" in "X да, Y да жоқ" (neither X nor Y). */
export const ALSO = oneWord('да|де|та|те|da|de');
export const DASHES = new Set([':', '—', '–', '-']);
