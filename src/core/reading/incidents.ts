/**
 * Which reports tell of the same thing. Two kinds of link, each with its reason:
 * - a duplicate: the same words once case, script, Kazakh letters, punctuation, emoji and
 *   forwarding headers are folded away (or nearly the same words: a forward with a line added),
 *   or the same photo or video (SHA-256);
 * - the same incident, whatever language each was written in: the same landmark (the akimat,
 *   Republic Square) at times within two hours, of no different kind of event; or, in the same
 *   city, the same kind of event at overlapping times one of them knows to a part of the day (or,
 *   when neither gives a time, told within two hours of each other).
 * As Meedan Check learned, short texts ("стреляют!") and national statements match far too
 * much: they are never linked on their own words or place, only on their media. Links are
 * proposals; nothing is merged without an editor.
 */

/** What the comparison needs of one report, as read (see read.ts). */
export interface Comparable {
  /** The folded words (fold.ts). */
  words: readonly string[];
  /** SHA-256 of each photo or video. */
  media: readonly string[];
  /** Where the event happened, as the settlement (or admin1 unit) and the landmark if any. */
  settlement?: string | undefined;
  landmark?: string | undefined;
  /** The event's window as epoch milliseconds. */
  window?: { start: number; end: number } | undefined;
  /** The window was read from time words to a part of the day or finer, not only the day of the report. */
  narrow?: boolean | undefined;
  /** The ACLED event type, if read. */
  eventType?: string | undefined;
}

export type LinkReason = 'same text' | 'nearly the same text' | 'same media' | 'same place and time';

export interface Link {
  /** Index of the other report in the list given. */
  to: number;
  reason: LinkReason;
  /** 0..1. */
  score: number;
}

/** Below this many words a text says too little to be matched on its words or place. */
export const SHORT_TEXT_WORDS = 4;
/** Share of word pairs two texts must have in common to be nearly the same. */
const NEAR_TEXT = 0.8;
/** How far apart two windows may be and still be one incident: reports round times. */
const TIME_SLACK_MS = 2 * 3600_000;

export function isShort(c: Comparable): boolean {
  return c.words.length < SHORT_TEXT_WORDS;
}

/** Word pairs (shingles), so that word order counts but one changed word costs little. */
export function shinglesOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (words.length === 1) out.add(words[0]!);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** Why `b` tells of the same thing as `a`, if it does: the strongest reason. */
export function linkBetween(
  a: Comparable,
  b: Comparable,
  shingles?: [ReadonlySet<string>, ReadonlySet<string>],
): Omit<Link, 'to'> | undefined {
  if (a.media.some((m) => b.media.includes(m))) return { reason: 'same media', score: 1 };
  if (isShort(a) || isShort(b)) return undefined;
  if (a.words.join(' ') === b.words.join(' ')) return { reason: 'same text', score: 1 };
  const [sa, sb] = shingles ?? [shinglesOf(a.words), shinglesOf(b.words)];
  const near = jaccard(sa, sb);
  if (near >= NEAR_TEXT) return { reason: 'nearly the same text', score: Math.round(near * 100) / 100 };
  return placeTimeLink(a, b);
}

/** The place and time two reports give, as the incident check reads them. */
export type PlaceTime = Pick<Comparable, 'settlement' | 'landmark' | 'window' | 'narrow' | 'eventType'>;

/**
 * Whether two reports that are not short tell of one incident by their place and time alone (see
 * the top of this file). The store asks the same of its candidates.
 */
export function placeTimeLink(a: PlaceTime, b: PlaceTime): Omit<Link, 'to'> | undefined {
  if (!a.settlement || a.settlement !== b.settlement || !a.window || !b.window) return undefined;
  if (a.eventType && b.eventType && a.eventType !== b.eventType) return undefined;
  const sameLandmark = a.landmark !== undefined && a.landmark === b.landmark;
  if (sameLandmark) {
    if (a.window.start > b.window.end + TIME_SLACK_MS || b.window.start > a.window.end + TIME_SLACK_MS) return undefined;
    return { reason: 'same place and time', score: a.eventType && a.eventType === b.eventType ? 0.9 : 0.8 };
  }
  // A whole city on one day holds many incidents: at city level both must say what happened,
  // the same, and when: at overlapping times one of them knows to a part of the day, or, when
  // neither says, sent within two hours of each other (an untimed report is about its moment).
  if (a.landmark && b.landmark) return undefined;
  if (!a.eventType || a.eventType !== b.eventType) return undefined;
  if (a.narrow || b.narrow) {
    if (a.window.start >= b.window.end || b.window.start >= a.window.end) return undefined;
  } else if (Math.abs(a.window.end - b.window.end) > TIME_SLACK_MS) return undefined;
  return { reason: 'same place and time', score: 0.6 };
}

/** Beyond this many reports sharing it, a word pair is too common to find near texts by. */
const COMMON_SHINGLE = 2000;
const HOUR_MS = 3600_000;

/**
 * Index keys for a report's place and time: its settlement with each six-hour slot its window
 * (and the slack around it) touches, so reports of one city on another day are never candidates.
 */
function placeKeys(c: Comparable): string[] {
  if (!c.settlement || !c.window) return [];
  const slot = 6 * HOUR_MS;
  const from = Math.floor((c.window.start - TIME_SLACK_MS) / slot);
  const to = Math.floor((c.window.end + TIME_SLACK_MS) / slot);
  const keys: string[] = [];
  for (let k = from; k <= to && keys.length < 64; k++) keys.push(`p:${c.settlement}:${k}`);
  return keys;
}

/** Earlier reports linked to one report: its duplicates, and the rest of its incident. */
export interface EarlierLinks {
  duplicateOf: Link[];
  sameIncidentAs: Link[];
}

/**
 * Reports added one by one, each linked to those added before it. Candidates come from indexes
 * (media, folded text, settlement, word pairs), so a report is compared with the few that could
 * match rather than with every one.
 */
export class Linker {
  readonly #items: Comparable[] = [];
  readonly #shingles: Set<string>[] = [];
  readonly #byKey = new Map<string, number[]>();

  #index(key: string, i: number) {
    const list = this.#byKey.get(key);
    if (list) list.push(i);
    else this.#byKey.set(key, [i]);
  }

  /** Links `item` to the earlier ones, then keeps it for the next. */
  add(item: Comparable): EarlierLinks {
    const i = this.#items.length;
    const shingles = shinglesOf(item.words);
    const keys = [
      ...item.media.map((m) => `m:${m}`),
      ...(isShort(item) ? [] : [`t:${item.words.join(' ')}`, ...placeKeys(item), ...[...shingles].map((s) => `s:${s}`)]),
    ];
    // Word pairs in common, counted per earlier report: a near text needs many.
    const shared = new Map<number, number>();
    const candidates = new Set<number>();
    for (const key of keys) {
      const list = this.#byKey.get(key) ?? [];
      // A word pair in thousands of reports ("people gathered") tells nothing apart.
      if (key.startsWith('s:') && list.length > COMMON_SHINGLE) continue;
      for (const j of list) {
        if (key.startsWith('s:')) shared.set(j, (shared.get(j) ?? 0) + 1);
        else candidates.add(j);
      }
    }
    for (const [j, n] of shared) if (n >= NEAR_TEXT * Math.min(shingles.size, this.#shingles[j]!.size)) candidates.add(j);
    const out: EarlierLinks = { duplicateOf: [], sameIncidentAs: [] };
    for (const j of [...candidates].sort((a, b) => a - b)) {
      const link = linkBetween(this.#items[j]!, item, [this.#shingles[j]!, shingles]);
      if (link) (link.reason === 'same place and time' ? out.sameIncidentAs : out.duplicateOf).push({ to: j, ...link });
    }
    this.#items.push(item);
    this.#shingles.push(shingles);
    for (const key of keys) this.#index(key, i);
    return out;
  }
}

/** For each report, the earlier ones in the list it would be grouped with. */
export function linkEarlier(items: readonly Comparable[]): EarlierLinks[] {
  const linker = new Linker();
  return items.map((item) => linker.add(item));
}
