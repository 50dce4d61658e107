/**
 * What kind of event a report tells of, as ACLED codes it, with the words that said so. Written
 * for January 2022 in Kazakhstan: rallies over the gas price, dispersals, riots and arson, the
 * shooting in Almaty, the "counter-terrorist operation", arrests, the internet shutdown, the
 * curfew and the CSTO troops. Words are found in the text with Kazakh letters folded to their
 * Russian neighbours offset for offset (`foldLetters`), so every span points into the text as
 * written, and a list written once matches Жаңаөзен and Жанаозен alike.
 *
 * Each cue found is a kind of thing the text says (a rally, arson, shooting at a crowd ...).
 * A cue that is denied ("стрельбы нет", "no shooting", "атыс болған жоқ") is dropped and lowers
 * the confidence. From the cues left, the most severe consistent reading wins, in this order:
 *
 * 1. Battles/Armed clash: fighting words (перестрелка, бой, gunfight), or armed men (боевики,
 *    gunmen, қарулы адамдар) shooting, attacking or seizing a building, or the counter-terrorist
 *    operation with shooting. ACLED needs two armed sides; armed men in Almaty's January were facing troops.
 * 2. Riots/Violent demonstration: storming (штурм, басып алды), clashes, stones and Molotovs,
 *    attacks, and arson of buildings and cars ("горит" only with a building or car near it, and
 *    never of lights). Arson with looting and no crowd is looting.
 * 3. Protests/Excessive force against protesters: shooting at a crowd or protesters, live
 *    rounds at a rally, or shooting or killing where a protest is told of.
 * 4. Violence against civilians/Attack: shooting at people, or killing or shooting civilians
 *    (passers-by, drivers, children), with no protest told of.
 * 5. Protests/Protest with intervention: dispersal, tear gas, stun grenades, rubber bullets,
 *    or detentions where a protest is told of.
 * 6. Strategic developments/Looting/property destruction: looting, when none of the above is
 *    told; looters arrested are an arrest (8).
 * 7. Protests/Peaceful protest: a rally, march or crowd and nothing else.
 * 8. Strategic developments/Arrests: detentions with no protest told of.
 * 9. Strategic developments/Change to group/activity: foreign troops arriving (the CSTO), as
 *    ACLED records troop deployments.
 * 10. Strategic developments/Other: the internet cut, the curfew, the state of emergency, the
 *    counter-terrorist operation declared.
 * Shooting with nothing else known is read, at low confidence, as an armed clash: that is what
 * most such reports from Almaty turned out to be.
 */
import type { EventType, SubEventType } from '../coding.ts';
import { type Evidence, confidence, spanEvidence } from './evidence.ts';
import { foldLetters } from './letters.ts';

export interface TypeSuggestion {
  eventType: EventType;
  subEventType: SubEventType;
  /** Every span that triggered a cue, in the order of the text. */
  evidence: Evidence[];
  confidence: number;
}

/** Whole words of folded text: "…" stands for any ending, a space for spaces or a hyphen. */
function words(...alternatives: string[]): RegExp {
  const body = alternatives.join('|').replaceAll('…', String.raw`\p{L}*`).replaceAll(' ', String.raw`[\s-]+`);
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${body})(?![\p{L}\p{N}])`, 'gu');
}

type Kind =
  | 'protest'
  | 'crowd'
  | 'peaceful'
  | 'disperse'
  | 'disperseIfProtest'
  | 'detain'
  | 'shoot'
  | 'shootAtCrowd'
  | 'shootAtPeople'
  | 'live'
  | 'kill'
  | 'civilian'
  | 'burn'
  | 'arson'
  | 'storm'
  | 'attack'
  | 'clash'
  | 'loot'
  | 'looter'
  | 'armed'
  | 'battle'
  | 'cto'
  | 'internet'
  | 'curfew'
  | 'emergency'
  | 'troops';

interface Cue {
  kind: Kind;
  pattern: RegExp;
  /** Matched in the text as written, case and all ("КТО" is the operation, "кто" is "who"). */
  caseSensitive?: boolean;
  /** The cue states an absence itself ("нет интернета"), so a negation is what it means. */
  negationIsMeaning?: boolean;
}

const CUES: readonly Cue[] = [
  {
    kind: 'protest',
    pattern: words(
      'митинг…|шестви…|протест(?!ир)…|демонстрац…|демонстрант…|пикет…|забастов…|бастуют',
      'собрал(?:ись|ось|ась|ся)(?! (?:уезжать|уехать|ехать|домой|спать|уходить))|вышли на (?:площад…|улиц…)',
      'rall(?:y|ies|ied|ying)|protest(?:s|ers?|ing|ed)?|demonstrat(?:ion|ions|ors?|ing|ed)|gathered',
      'gathering|marched|marching|marchers|on strike|strikers|жиналд…|жиналып|жиналг(?:ан|андар)…|шеру…',
      'наразылык…|ереуил…|аланга шык…|кошеге шык…|jinal(?:dy|yp|gan)…|sheru…|şeru…|narazyl[yi][qk]…|miting…',
    ),
  },
  {
    kind: 'crowd',
    pattern: words(
      'толп…|crowds?|mobs?|тобыр…|мындаган адам…|тысяч… (?:человек|людей)|(?:thousands|hundreds) of people',
      'сотни (?:человек|людей)|жуздеген адам…',
    ),
  },
  {
    kind: 'peaceful',
    pattern: words(
      'мирн(?:ый|ая|ое|ые|ого|ом|ых) (?:митинг…|шестви…|протест…|акци…|демонстрац…)|peaceful…|peacefully',
      'бейбит (?:шеру…|митинг…|наразылык…|жиын…)|be[iy]b[iy]t (?:sheru…|şeru…)',
    ),
  },
  {
    kind: 'disperse',
    pattern: words(
      'разогна…|разгоня…|разгон(?:а|е|ом)?|слезоточив…|светошумов…|свето шумов…|шумов… гранат…|водомет…',
      'резинов… пул…|дубинк…|dispers…|tear ?gas|teargas|stun grenades?|flash ?bangs?|rubber bullets?',
      'water cannons?|batons?|pepper spray|коздан жас агызатын|коз жасын агызатын|жас агызатын газ…',
      'газ (?:шашты|колданды|атты|жиберди)|дыбыстык граната…|жарык шу…|шу граната…|резенке ок…',
    ),
  },
  // "таратты" also means "spread the word": a dispersal only where a protest is told of.
  { kind: 'disperseIfProtest', pattern: words('тарат(?:ты|ып|у|уда|ылды|ылып|кан|ады)|tarat(?:ty|yp|ty)') },
  {
    kind: 'detain',
    pattern: words(
      'задерж(?:али|ала|ал|ан…|ива…|ани…|ать|ит|им)|арест…|автозак…|detain…|detention…|arrest…',
      'taken into custody|rounded up|камауга ал…|туткындал…|ustal(?:dy|gan…)|ustap aldy',
      // Not Russian "устал" (tired): only Kazakh endings; "ұстап" alone is "holding" (a placard).
      'устал(?:ды|ган…|ып|уда)|устап (?:алды|акетти|жатыр|кетти|алып)',
    ),
  },
  {
    kind: 'shoot',
    pattern: words(
      'стреля…|стрельб…|выстрел…|открыл… огонь|огонь (?:по|на поражение)|пальб…|палят|обстрел…|расстрел…',
      'shooting|shots|shot (?:at|into)|gunfire|gunshots?|open(?:ed)? fire|firing',
      'fired (?:on|at|into|upon|shots)|атыс…|ок ат(?:ты|ып|ылды|у|уда|кан…|ылып)|ок жаудыр…|аткыла…',
      'атып (?:жатыр…|жиберди|тур)|atys…|o[qk] at(?:ty|yp)|strelya…|strelba',
    ),
  },
  {
    kind: 'live',
    pattern: words('боевы(?:ми|е|х) (?:патрон…|пул…)|live (?:ammunition|rounds|fire|bullets)|нагыз ок…|жауынгерлик ок…'),
  },
  {
    kind: 'kill',
    pattern: words(
      'убит…|убил…|убива…|погиб…|застрел…|killed|killing…|shot dead|dead|died|murdered|каза (?:тап|бол)…',
      'олтир…|олди|мерт бол…|[qk]aza (?:tap|bol)…|oltir…',
    ),
  },
  {
    kind: 'civilian',
    pattern: words(
      'мирн(?:ых|ые|ого|ый|ая|ую|ой|ым) (?:жител…|граждан…|люд…|населен…)|мирных|прохож…|водител…|ребен…',
      'детей|дети|пенсионер…|журналист…|civilians?|passers? ?by|bystanders?|drivers?|child(?:ren)?',
      'journalists?|бейбит тургын…|тургын…|жургизуши…|балалар…|баласы|жолаушы…|be[iy]b[iy]t turg[yi]n…',
    ),
  },
  {
    kind: 'burn',
    pattern: words(
      'горит|горят|горел…|сгорел…|пылает|пылают|в огне|пожар(?:ы|а|е|ом)?|burning|burned|burnt|on fire',
      'in flames|ablaze|жанып (?:жатыр…|кетти|тур)|ортенди|ортенип|орт (?:шыкты|шалды|кетти)',
    ),
  },
  {
    kind: 'arson',
    pattern: words(
      'подожгл…|подожг(?:ли|ла)|поджиг…|поджог…|сожгл…|сожжен…|жгут|жгли|жжет|set (?:on )?fire|set alight',
      'set ablaze|torch(?:ed|ing)|ортеп…|ортеди|ортеген…|орт койд…|жагып (?:жиберди|жатыр)|ortep…',
    ),
  },
  {
    kind: 'storm',
    pattern: words(
      'штурм…|ворвал…|врыва…|вломил…',
      'захват(?:или|ил|ила|ывают|ят) (?:акимат…|аэропорт…|здани…|резиденци…|телецентр…|телеканал…|оружи…)',
      'stormed|storming|broke into (?:the )?(?:akimat|building|city hall|residence|airport)',
      'seized (?:the )?(?:akimat|airport|building|city hall|residence)',
      'басып (?:алды|алып|кирди|кирип|алган…)|basyp (?:aldy|kirdi)',
    ),
  },
  {
    kind: 'attack',
    pattern: words(
      'напа(?:ли|дают|ла|л) на|нападени…',
      'attack(?:ed|ing)? (?:the )?(?:police|soldiers|troops|security|akimat|officers)|шабуыл…',
    ),
  },
  {
    kind: 'clash',
    pattern: words(
      'столкновен…|стычк…|clash…|skirmish…|кактыгыс…|(?:броса|кида)(?:ют|ли|ет|ть) камн…|камнями',
      'throw(?:ing)? stones|threw stones|molotov…|коктейл… молотова|тас лактыр…',
    ),
  },
  {
    kind: 'loot',
    pattern: words(
      'граб(?:ят|ит|ил…|ить|еж…)|ограбл…|ограбил…|разграб…|растаскива…',
      'громят (?:магазин…|банкомат…|банк…)|разгромил… (?:магазин…|банкомат…|банк…)|мародерств…',
      'loot(?:ed|ing|s)?|ransack…|plunder…|тонап…|тона(?:ды|лды|лган…|у…|ган…|йды)|tonap…|tona(?:ldy|dy|u)',
    ),
  },
  { kind: 'looter', pattern: words('мародер(?!ств)…|looters?|тонаушы…|tonaush[yi]…') },
  {
    kind: 'armed',
    pattern: words(
      'вооружен… (?:люд…|лиц…|мужчин…|групп…|банд…|неизвестн…|боевик…|человек)|неизвестн… вооружен…|боевик…',
      'террорист…|бандит…|бандгрупп…|gunm[ae]n',
      'armed (?:men|man|people|groups?|gangs?|individuals|militants|assailants|persons)|militants?',
      'terrorists?|bandits?|карулы (?:адам…|топ…|жигит…|ер…|кисил…|бандит…|ланкес…|содыр…)|ланкес(?!тикке)…',
      'содыр…|[qk]aruly (?:adam…|top…)',
    ),
  },
  {
    kind: 'battle',
    pattern: words(
      'перестрелк…|бо(?:й|и|ях|я|ем|ев)|обмен… огнем|gunfights?|firefights?|shoot ?outs?|exchange… of fire',
      'exchanged fire|fighting|battles?|урыс…|шайкас…',
    ),
  },
  {
    kind: 'cto',
    pattern: words('контртеррористическ…|антитеррористическ…|counter ?terror…|anti ?terror…|терроризмге карсы', 'ланкестикке карсы'),
  },
  { kind: 'cto', pattern: /(?<![\p{L}\p{N}])КТО(?![\p{L}\p{N}])/gu, caseSensitive: true },
  {
    kind: 'internet',
    negationIsMeaning: true,
    pattern: words(
      'интернет… (?:нет|не работает|не работал|отключ…|пропал…|выключ…|заблокир…|огранич…|отрубил…)',
      '(?:нет|отключ…|пропал|выключ…|заблокир…|отрубил…|без) интернет…|связи нет|нет связи|отключ… связь',
      'связь (?:отключ…|не работает|пропал…)',
      'internet (?:is |was |has been )?(?:down|cut|off|out|shut…|blocked|gone)',
      'no (?:internet|signal|mobile network)|(?:internet|network|mobile) (?:shutdown|blackout|outage)',
      'shut down the internet|cut (?:off )?the internet|blackout',
      'интернет (?:жок|ажыратыл…|ажыратт…|сонди…|жабыл…|истемей…|узил…)|байланыс (?:жок|узил…|ажыратыл…)',
      'internet (?:joq|jok|zhok)',
    ),
  },
  {
    kind: 'curfew',
    pattern: words('комендантск… час…|curfew…|коменданттык (?:сагат…|режим…)|комендант сагат…|komendantty[qk]…'),
  },
  {
    kind: 'emergency',
    pattern: words(
      'чрезвычайн… положени…|чп|state of emergency|emergency rule|тотенше (?:жагдай…|режим…)',
      'toten(?:sh|ş)e (?:jagda[iy]…|zhagdai…)',
    ),
  },
  {
    kind: 'troops',
    pattern: words(
      'одкб|csto|укшу|миротворц…|миротворческ…|peacekeep…',
      '(?:российск…|русск…|иностранн…) (?:войск…|военн…|десант…|солдат…|военнослужащ…)',
      '(?:russian|foreign) (?:troops|soldiers|paratroopers|forces)|ввод… войск…',
      'войска (?:вошли|прибыли|введены|заходят)|troops (?:arrived|arriving|have arrived|entered|deployed)',
      'битимгер…|ресей (?:аскер…|сарбаз…)|ужымдык кауипсиздик…',
    ),
  },
];

/** Whom a shot was aimed at: protesters or a crowd, or people in general. */
const AT_CROWD = words(
  '(?:по|в) (?:толп…|митингующ…|протестующ…|демонстрант…|собравш…|митинг…)',
  '(?:at|on|into|upon) (?:the )?(?:crowds?|protesters|demonstrators|rally|marchers)',
  'жиналг(?:андарга|андарды)|шеруши…|наразылык билдируши…|митингиге|митингке|тобырга|тобырды',
);
const AT_PEOPLE = words(
  '(?:по|в) (?:людям|люд…|народ…|мирн…|безоружн…|гражданск…|машин…)',
  '(?:at|on|into|upon) (?:the )?(?:people|civilians|unarmed…|residents|cars?)|халыкка|халыкты|адамдарга',
  'адамдарды|журтка|бейбит тургын…|карусыз…',
);
/** What burns in a riot: "горит акимат" is one, "горит свет" is not. */
const BURNING_THING = words(
  'акимат…|здани…|мэри…|резиденци…|машин…|автомоб…|авто|автобус…|полицейск…|магазин…|аэропорт…|офис…',
  'дом(?:а|ов)?|телецентр…|телеканал…|шин(?:ы|ами)|buildings?|cars?|vehicles?',
  'police (?:car|van|station)s?|akimat…|city hall|mayor…|airport|shops?|bus(?:es)?|tyres|tires|акимдик…',
  'гимарат…|колик…|машина…|дукен…|akimdik…',
);
const NOT_A_FIRE = words('свет…|ламп…|фонар…|огни|lights?|шам…');

/** A break a negation does not reach across: punctuation or "but". */
const CLAUSE_BREAK = /[.,;:!?\n]|(?<![\p{L}])(?:но|а|but|however|бирак|алайда)(?![\p{L}])/gu;
const NEGATION_BEFORE =
  /(?<![\p{L}])(?:не|нет|ни|без|никто|никого|никаких|no|not|never|without|nobody|none|no one|ешким|ешкандай|еш)(?:\s+\p{L}+){0,2}\s*$|n['’]t(?:\s+\p{L}+){0,2}\s*$/u;
const NEGATION_AFTER = /^\s*(?:\p{L}+\s+)?(?:нет|нету|не было|не слышно|жок|болган жок|болмады|болмаган|емес|joq|jok)(?![\p{L}])/u;

/** The clause around a span: from the last break before it to the first break after it. */
function clauseAround(folded: string, start: number, end: number, reach: number): { before: string; after: string } {
  let from = Math.max(0, start - reach);
  for (const m of folded.slice(from, start).matchAll(CLAUSE_BREAK)) from = Math.max(0, start - reach) + m.index + m[0].length;
  const tail = folded.slice(end, end + reach);
  CLAUSE_BREAK.lastIndex = 0;
  const brk = CLAUSE_BREAK.exec(tail);
  return { before: folded.slice(from, start), after: brk ? tail.slice(0, brk.index) : tail };
}

function isDenied(folded: string, start: number, end: number): boolean {
  const { before, after } = clauseAround(folded, start, end, 32);
  return NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after);
}

/** Where `pattern` matches in the same sentence within `reach` characters of a span, if it does. */
function nearby(folded: string, start: number, end: number, pattern: RegExp, reach: number): Hit | undefined {
  let from = Math.max(0, start - reach);
  const cut = folded.slice(from, start).search(/[.!?\n][^.!?\n]*$/u);
  if (cut >= 0) from += cut + 1;
  let to = Math.min(folded.length, end + reach);
  const stop = folded.slice(end, to).search(/[.!?\n]/u);
  if (stop >= 0) to = end + stop;
  pattern.lastIndex = 0;
  const m = pattern.exec(folded.slice(from, to));
  pattern.lastIndex = 0;
  return m ? { start: from + m.index, end: from + m.index + m[0].length } : undefined;
}

interface Hit {
  start: number;
  end: number;
}

type Hits = Map<Kind, Hit[]>;

function cuesIn(text: string, folded: string): { hits: Hits; denied: number } {
  const hits: Hits = new Map();
  let denied = 0;
  for (const cue of CUES) {
    for (const m of (cue.caseSensitive ? text : folded).matchAll(cue.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!cue.negationIsMeaning && isDenied(folded, start, end)) {
        denied++;
        continue;
      }
      let kind = cue.kind;
      const spans: Hit[] = [{ start, end }];
      if (kind === 'burn') {
        const burning = nearby(folded, start, end, BURNING_THING, 40);
        if (!burning || nearby(folded, start, end, NOT_A_FIRE, 12)) continue;
        spans.push(burning);
      }
      if (kind === 'shoot') {
        const crowd = nearby(folded, start, end, AT_CROWD, 36);
        const people = crowd ? undefined : nearby(folded, start, end, AT_PEOPLE, 36);
        if (crowd || people) {
          kind = crowd ? 'shootAtCrowd' : 'shootAtPeople';
          spans.push((crowd ?? people)!);
        }
      }
      const list = hits.get(kind);
      if (list) list.push(...spans);
      else hits.set(kind, spans);
    }
  }
  return { hits, denied };
}

interface Reading {
  type: EventType;
  sub: SubEventType;
  /** How sure the rule that chose it is, before the evidence is counted. */
  base: number;
  /** The kinds whose spans back the reading. */
  support: Kind[];
}

/** The most severe consistent reading of the cues (see the order above). */
function decide(hits: Hits): Reading | undefined {
  const has = (...kinds: Kind[]) => kinds.some((k) => (hits.get(k)?.length ?? 0) > 0);
  const protest = has('protest', 'crowd', 'shootAtCrowd');
  const shooting = has('shoot', 'shootAtCrowd', 'shootAtPeople', 'live');
  const looting = has('loot', 'looter');

  if (has('battle') || (has('armed') && (shooting || has('attack', 'clash', 'storm'))) || (has('cto') && shooting)) {
    return {
      type: 'Battles',
      sub: 'Armed clash',
      base: has('battle') ? 0.65 : 0.55,
      support: ['battle', 'armed', 'shoot', 'shootAtPeople', 'live', 'cto', 'storm'],
    };
  }
  const arson = has('burn', 'arson');
  if (has('storm', 'clash', 'attack') || (arson && (protest || !looting))) {
    const strong = has('storm', 'clash') || (arson && protest);
    return {
      type: 'Riots',
      sub: 'Violent demonstration',
      base: strong ? 0.65 : 0.5,
      support: ['storm', 'clash', 'attack', 'burn', 'arson', 'protest', 'crowd', 'loot'],
    };
  }
  if ((shooting || has('kill')) && protest) {
    return {
      type: 'Protests',
      sub: 'Excessive force against protesters',
      base: has('shootAtCrowd', 'live') ? 0.65 : 0.45,
      support: ['shootAtCrowd', 'live', 'shoot', 'shootAtPeople', 'kill', 'protest', 'crowd'],
    };
  }
  if (has('shootAtPeople') || (has('civilian') && (shooting || has('kill')))) {
    return {
      type: 'Violence against civilians',
      sub: 'Attack',
      base: has('shootAtPeople') ? 0.55 : 0.5,
      support: ['shootAtPeople', 'civilian', 'shoot', 'kill'],
    };
  }
  if (has('disperse') || (protest && has('disperseIfProtest', 'detain'))) {
    return {
      type: 'Protests',
      sub: 'Protest with intervention',
      base: 0.6,
      support: ['disperse', 'disperseIfProtest', 'detain', 'protest', 'crowd'],
    };
  }
  if (has('loot') || (has('looter') && !has('detain'))) {
    return { type: 'Strategic developments', sub: 'Looting/property destruction', base: 0.6, support: ['loot', 'looter', 'arson', 'burn'] };
  }
  if (protest) {
    return { type: 'Protests', sub: 'Peaceful protest', base: has('protest') ? 0.6 : 0.4, support: ['protest', 'crowd', 'peaceful'] };
  }
  if (has('detain')) return { type: 'Strategic developments', sub: 'Arrests', base: 0.6, support: ['detain', 'looter'] };
  if (has('troops')) return { type: 'Strategic developments', sub: 'Change to group/activity', base: 0.6, support: ['troops'] };
  if (has('internet', 'curfew', 'emergency', 'cto')) {
    return { type: 'Strategic developments', sub: 'Other', base: 0.6, support: ['internet', 'curfew', 'emergency', 'cto'] };
  }
  if (shooting) return { type: 'Battles', sub: 'Armed clash', base: 0.25, support: ['shoot', 'live'] };
  return undefined;
}

/** The ACLED event type and sub-type a report's text suggests, or nothing when it names no event. */
export function readEventType(text: string): TypeSuggestion | undefined {
  const folded = foldLetters(text);
  const { hits, denied } = cuesIn(text, folded);
  const reading = decide(hits);
  if (!reading) return undefined;

  const spans = [...hits.values()].flat().sort((a, b) => a.start - b.start || b.end - a.end);
  const evidence: Evidence[] = [];
  let reached = -1;
  for (const s of spans) {
    if (s.end <= reached) continue; // inside a span already listed
    evidence.push(spanEvidence(text, s.start, s.end));
    reached = s.end;
  }
  const backing = reading.support.reduce((n, k) => n + (hits.get(k)?.length ?? 0), 0);
  const value = reading.base + Math.min(0.3, 0.08 * Math.max(0, backing - 1)) - Math.min(0.3, 0.1 * denied);
  return { eventType: reading.type, subEventType: reading.sub, evidence, confidence: confidence(Math.min(0.95, value)) };
}
