/**
 * What kind of event a report tells of, as ACLED codes it, with the words that said so. Written
 * for January 2022 in Kazakhstan: rallies over the gas price, dispersals, riots and arson, the
 * shooting in Almaty, the "counter-terrorist operation", arrests, the internet shutdown, the
 * curfew, the government's resignation and the CSTO troops. Words are found in the text with
 * Kazakh letters folded to their Russian neighbours offset for offset (`foldLetters`), so every
 * span points into the text as written, and a list written once (event-type-cues.ts) matches
 * Жаңаөзен and Жанаозен alike.
 *
 * Each cue found is a kind of thing the text says (a rally, arson, shooting at a crowd ...).
 * A cue that is denied ("стрельбы нет", "no shooting", "атыс болған жоқ", "ничего не ломают")
 * is dropped and lowers the confidence. From the cues left, the most severe consistent reading
 * wins, in this order:
 *
 * 1. Battles/Armed clash: fighting words (перестрелка, бой, gunfight), or armed men (боевики,
 *    gunmen, қарулы адамдар) shooting, attacking or seizing a building, or the counter-terrorist
 *    operation with shooting. ACLED needs two armed sides; armed men in Almaty's January were facing troops.
 * 2. Riots/Violent demonstration: storming or seizing (штурм, басып алды, "аэропорт захвачен"),
 *    clashes, stones and Molotovs, attacks, a statue toppled, windows smashed, sticks in hand,
 *    arson of buildings and cars ("горит" only with a building or car near it, and never of
 *    lights), or riots named (беспорядки, погромы). Arson or smashing with looting and no crowd
 *    is looting. What a riot left ("burned cars from yesterday") lowers the confidence.
 * 3. Protests/Excessive force against protesters: shooting at a crowd or protesters, or at
 *    people on a square, live rounds at a rally, or shooting or killing where a protest is told of.
 * 4. Violence against civilians/Attack: shooting at people, or killing or shooting civilians
 *    (passers-by, drivers, children), with no protest told of.
 * 5. Protests/Protest with intervention: dispersal, tear gas, stun grenades, rubber bullets,
 *    or detentions where a protest is told of.
 * 6. Strategic developments/Looting/property destruction: looting, when none of the above is
 *    told; looters arrested are an arrest (8).
 * 7. Protests/Peaceful protest: a rally, march or crowd and nothing else. A crowd need not be
 *    called a rally: people out on the square or staying there, demanding, chanting, slogans
 *    ("Шал, кет!"), flags, yurts, solidarity, or a headcount by a square or an akimat ("на
 *    площади уже человек 300"); a crowd that went into the akimat and breaks nothing is one too.
 * 8. Strategic developments/Arrests: detentions with no protest told of.
 * 9. Strategic developments/Change to group/activity: foreign troops arriving (the CSTO), as
 *    ACLED records troop deployments.
 * 10. Strategic developments/Other: the government's decisions (the cabinet dismissed, officials
 *    removed, the state of emergency, the curfew, the counter-terrorist operation declared, an
 *    order to shoot quoted), and the internet cut, as ACLED coded the shutdown. "Интернет жоқ"
 *    from someone with no other event is read as the shutdown too, less surely than "интернет
 *    отключили" or "по всей стране".
 * Shooting with nothing else known is read, at low confidence, as an armed clash: that is what
 * most such reports from Almaty turned out to be; two words or fewer ("Жанаозен, стреляют") are
 * surer of nothing. Shooting in a quoted order ("приказ открывать огонь на поражение") has not
 * happened and is no cue. A summary of the country ("протесты в десятке городов", "so far") is
 * no one event: it lowers the confidence, and a tally "in the riots so far" is no riot.
 */
import type { EventType, SubEventType } from '../coding.ts';
import {
  AT_CROWD,
  AT_PEOPLE,
  BURNING_THING,
  CUES,
  GATHER_PLACE,
  AT_WORK,
  type Kind,
  NOT_A_FIRE,
  ORDER,
  SQUARE,
} from './event-type-cues.ts';
import { type Evidence, confidence, spanEvidence } from './evidence.ts';
import { foldLetters } from './letters.ts';

export interface TypeSuggestion {
  eventType: EventType;
  subEventType: SubEventType;
  /** Every span that triggered a cue, in the order of the text. */
  evidence: Evidence[];
  confidence: number;
}

/** A break a negation does not reach across: punctuation or "but". */
const CLAUSE_BREAK = /[.,;:!?\n]|(?<![\p{L}])(?:но|а|but|however|бирак|алайда)(?![\p{L}])/gu;
const NEGATION_BEFORE =
  /(?<![\p{L}])(?:не|нет|ни|без|никто|никого|никаких|no|not|never|without|nobody|none|no one|ешким|ешкандай|еш)(?:\s+\p{L}+){0,2}\s*$|n['’]t(?:\s+\p{L}+){0,2}\s*$/u;
const NEGATION_AFTER = /^\s*(?:\p{L}+\s+)?(?:нет|нету|не было|не слышно|жок|болган жок|болмады|болмаган|емес|joq|jok)(?![\p{L}])/u;

/** Kinds that only qualify a reading; their words are not evidence of an event. */
const QUALIFIERS: ReadonlySet<Kind> = new Set(['summary', 'aftermath']);
/** Readings a summary of the country ("протесты в десятке городов") does not weaken: they are nationwide. */
const NATIONWIDE: ReadonlySet<string> = new Set(['Other', 'Change to group/activity']);

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
      if (!cue.negationIsMeaning && !QUALIFIERS.has(cue.kind) && isDenied(folded, start, end)) {
        denied++;
        continue;
      }
      let kind = cue.kind;
      const spans: Hit[] = [{ start, end }];
      if (kind === 'headcount') {
        const place = nearby(folded, start, end, GATHER_PLACE, 40);
        if (!place || nearby(folded, start, end, AT_WORK, 20)) continue;
        kind = 'crowd';
        spans.push(place);
      }
      // An order to shoot, quoted ("приказ открывать огонь на поражение"), is no shooting yet.
      if (kind === 'shoot' && nearby(folded, start, end, ORDER, 60)) continue;
      if (kind === 'burn') {
        const burning = nearby(folded, start, end, BURNING_THING, 40);
        if (!burning || nearby(folded, start, end, NOT_A_FIRE, 12)) continue;
        spans.push(burning);
      }
      if (kind === 'shoot') {
        const crowd = nearby(folded, start, end, AT_CROWD, 36);
        const people = crowd ? undefined : nearby(folded, start, end, AT_PEOPLE, 36);
        // People shot at on a square are the crowd on it: "стреляли по людям на площади".
        const onSquare = people && nearby(folded, start, end, SQUARE, 48);
        if (crowd || people) {
          kind = crowd || onSquare ? 'shootAtCrowd' : 'shootAtPeople';
          spans.push((crowd ?? people)!);
          if (onSquare) spans.push(onSquare);
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
  const protest = has('protest', 'crowd', 'gather', 'shootAtCrowd');
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
  // Fire and smashing are a riot, unless looters did them with no crowd told of: then looting.
  const arson = has('burn', 'arson', 'wreck');
  // "317 injured in the riots so far": a tally of the uprising, no one event.
  const tally = has('summary') && !has('storm', 'clash', 'attack') && !arson;
  if (has('storm', 'clash', 'attack') || (has('riot') && !tally) || (arson && (protest || !looting))) {
    const strong = has('storm', 'clash') || (arson && (protest || has('wreck')));
    return {
      type: 'Riots',
      sub: 'Violent demonstration',
      base: (strong ? 0.65 : has('attack') || arson ? 0.5 : 0.45) - (has('aftermath') ? 0.2 : 0),
      support: ['storm', 'clash', 'attack', 'wreck', 'riot', 'burn', 'arson', 'protest', 'crowd', 'gather', 'loot'],
    };
  }
  if ((shooting || has('kill')) && protest) {
    return {
      type: 'Protests',
      sub: 'Excessive force against protesters',
      base: has('shootAtCrowd', 'live') ? 0.65 : 0.45,
      support: ['shootAtCrowd', 'live', 'shoot', 'shootAtPeople', 'kill', 'protest', 'crowd', 'gather'],
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
      support: ['disperse', 'disperseIfProtest', 'detain', 'protest', 'crowd', 'gather'],
    };
  }
  if (has('loot') || (has('looter') && !has('detain'))) {
    return {
      type: 'Strategic developments',
      sub: 'Looting/property destruction',
      base: 0.6 - (has('aftermath') ? 0.2 : 0),
      support: ['loot', 'looter', 'arson', 'burn', 'wreck'],
    };
  }
  if (protest) {
    return {
      type: 'Protests',
      sub: 'Peaceful protest',
      base: has('protest') ? 0.6 : has('gather') ? 0.5 : 0.4,
      support: ['protest', 'crowd', 'gather', 'peaceful'],
    };
  }
  if (has('detain')) return { type: 'Strategic developments', sub: 'Arrests', base: 0.6, support: ['detain', 'looter'] };
  if (has('troops')) return { type: 'Strategic developments', sub: 'Change to group/activity', base: 0.6, support: ['troops'] };
  const decided: Kind[] = ['internetCut', 'government', 'order', 'curfew', 'emergency', 'cto'];
  if (has('internet', ...decided)) {
    // "Интернета нет" alone is someone noticing the shutdown: the shutdown, less sure.
    const sure = has(...decided) || has('summary');
    return { type: 'Strategic developments', sub: 'Other', base: sure ? 0.6 : 0.45, support: ['internet', ...decided] };
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

  const spans = [...hits.entries()]
    .filter(([kind]) => !QUALIFIERS.has(kind))
    .flatMap(([, list]) => list)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const evidence: Evidence[] = [];
  let reached = -1;
  for (const s of spans) {
    if (s.end <= reached) continue; // inside a span already listed
    evidence.push(spanEvidence(text, s.start, s.end));
    reached = s.end;
  }
  const backing = reading.support.reduce((n, k) => n + (hits.get(k)?.length ?? 0), 0);
  const summary = hits.has('summary') && !NATIONWIDE.has(reading.sub) ? 0.25 : 0;
  // Two words or fewer ("Жанаозен, стреляют") say too little for more than a guess.
  const terse = (text.match(/\p{L}+/gu)?.length ?? 0) < 3 ? 0.05 : 0;
  const value = reading.base + Math.min(0.3, 0.08 * Math.max(0, backing - 1)) - Math.min(0.3, 0.1 * denied) - summary - terse;
  return { eventType: reading.type, subEventType: reading.sub, evidence, confidence: confidence(Math.min(0.95, value)) };
}
