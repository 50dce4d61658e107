/**
 * The editors' desk, measured on our labelled set (fixtures/reports/labelled.jsonl): how often
 * each reader gets a field right, what reading a report costs, and what linking a report to
 * 100,000 earlier ones costs. The set is read line by line exactly as `caravan suggest` reads
 * it (src/cli/suggest/line.ts), so these are the figures of what an editor is shown.
 * Run alone: `npm run bench:desk`. Not a test: nothing fails.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type SuggestInput, type SuggestLine, parseSuggestInput, suggestLine } from '../src/cli/suggest/line.ts';
import { admin1Of, getPlace } from '../src/core/gazetteer/search.ts';
import { foldedWords } from '../src/core/reading/fold.ts';
import { type Comparable, Linker } from '../src/core/reading/incidents.ts';
import { suggest } from '../src/core/reading/read.ts';
import { localDate, offsetLabel } from '../src/core/time.ts';
import { benchStoreSimilarity, quantile } from './desk-store.ts';

interface Expected {
  lang: string;
  place: { id: string; level: 'point' | 'admin1' } | null;
  date: string | null;
  timeZone: string | null;
  offset: string | null;
  eventType: string | null;
  subEventType: string | null;
  fatalities: { acled: number } | null;
  hedged: boolean;
  firstHand: boolean;
  group: string | null;
}

interface Labelled {
  id: string;
  input: SuggestInput;
  expect: Expected;
}

const SET = fileURLToPath(new URL('../fixtures/reports/labelled.jsonl', import.meta.url));
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} % (${n}/${d})`);

/** Great-circle distance in km. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function placeRight(want: NonNullable<Expected['place']>, got: SuggestLine['places'][number]): boolean {
  const wanted = getPlace(want.id);
  const found = getPlace(got.id);
  if (!wanted || !found) return false;
  if (want.level === 'admin1') return admin1Of(found)?.id === admin1Of(wanted)?.id;
  return km(wanted, found) <= 5;
}

/** Pairs of line numbers, "i j" with i < j. */
function pairsOfGroups(groups: ReadonlyArray<string | null>): Set<string> {
  const out = new Set<string>();
  for (let j = 0; j < groups.length; j++) {
    for (let i = 0; i < j; i++) if (groups[i] && groups[i] === groups[j]) out.add(`${i} ${j}`);
  }
  return out;
}

function precisionRecall(label: string, got: Set<string>, want: Set<string>): string {
  let hit = 0;
  for (const p of got) if (want.has(p)) hit++;
  return `${label}: precision ${pct(hit, got.size)}, recall ${pct(hit, want.size)}`;
}

export async function benchDesk(): Promise<void> {
  const set: Labelled[] = readFileSync(SET, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labelled);
  const linker = new Linker();
  const lines = set.map((r) => {
    const input = parseSuggestInput(JSON.stringify(r.input));
    if (typeof input === 'string') throw new Error(`${r.id}: ${input}`);
    return suggestLine(input, linker);
  });
  console.log(`\n## The editors' desk on our labelled set: ${set.length} reports (fixtures/reports/labelled.jsonl)`);

  let lang = 0;
  let placeKnown = 0;
  let placeRightN = 0;
  let placeSuggested = 0;
  let placeWrong = 0;
  let dated = 0;
  let dateRight = 0;
  let offsets = 0;
  let offsetRight = 0;
  let typed = 0;
  let typeRight = 0;
  let subTypeRight = 0;
  let typeInvented = 0;
  let untyped = 0;
  let counted = 0;
  let countRight = 0;
  const hedged = { got: new Set<string>(), want: new Set<string>() };
  const firstHand = { got: new Set<string>(), want: new Set<string>() };
  const misses: string[] = [];
  for (const [i, r] of set.entries()) {
    const got = lines[i]!;
    const want = r.expect;
    if (got.lang === want.lang) lang++;
    const event = got.places.find((p) => p.role === 'event');
    if (event) placeSuggested++;
    if (want.place) {
      placeKnown++;
      if (event && placeRight(want.place, event)) placeRightN++;
      else misses.push(`${r.id} place: want ${want.place.id}, got ${event?.id ?? 'none'}`);
    }
    if (event && (!want.place || !placeRight(want.place, event))) placeWrong++;
    if (want.date && want.timeZone && got.time) {
      dated++;
      const from = localDate(got.time.start, want.timeZone);
      const to = localDate(new Date(Date.parse(got.time.end) - 1), want.timeZone);
      if (from <= want.date && want.date <= to) dateRight++;
      else misses.push(`${r.id} date: want ${want.date}, got ${from}..${to}`);
    } else if (want.date) dated++;
    if (want.offset) {
      offsets++;
      if (got.time && offsetLabel(got.time.start, got.time.timeZone) === want.offset) offsetRight++;
    }
    if (want.eventType) {
      typed++;
      if (got.eventType === want.eventType) typeRight++;
      if (got.eventType === want.eventType && got.subEventType === want.subEventType) subTypeRight++;
      else misses.push(`${r.id} type: want ${want.eventType}/${want.subEventType}, got ${got.eventType}/${got.subEventType}`);
    } else {
      untyped++;
      if (got.eventType) typeInvented++;
    }
    if (want.fatalities || got.fatalities) {
      counted++;
      if (want.fatalities && got.fatalities && want.fatalities.acled === got.fatalities.acled) countRight++;
      else misses.push(`${r.id} fatalities: want ${want.fatalities?.acled ?? 'none'}, got ${got.fatalities?.acled ?? 'none'}`);
    }
    if (got.hedged) hedged.got.add(r.id);
    if (want.hedged) hedged.want.add(r.id);
    if (got.firstHand) firstHand.got.add(r.id);
    if (want.firstHand) firstHand.want.add(r.id);
  }
  console.log(`language: ${pct(lang, set.length)} right`);
  console.log(
    `event place, where the text names a place the gazetteer knows: ${pct(placeRightN, placeKnown)} right (within 5 km, or the right region); ` +
      `wrong places: ${pct(placeWrong, placeSuggested)} of the event places suggested`,
  );
  console.log(`local date: ${pct(dateRight, dated)} within the suggested window`);
  console.log(`UTC offset: ${pct(offsetRight, offsets)} right`);
  console.log(
    `type: ${pct(typeRight, typed)} right (with the sub-type: ${pct(subTypeRight, typed)}); a type suggested for a report that is no event: ${pct(typeInvented, untyped)}`,
  );
  console.log(`fatalities (ACLED figure), where the label or the reader has one: ${pct(countRight, counted)} right`);
  console.log(precisionRecall('hedged', hedged.got, hedged.want));
  console.log(precisionRecall('first-hand', firstHand.got, firstHand.want));

  const wantPairs = pairsOfGroups(set.map((r) => r.expect.group));
  const linked = new Set<string>();
  for (const [j, l] of lines.entries()) for (const i of [...l.duplicateOf, ...l.sameIncidentAs]) linked.add(`${i} ${j}`);
  console.log(precisionRecall('duplicate and incident pairs, linked directly', linked, wantPairs));
  console.log(precisionRecall('pairs in one proposed group (links followed)', pairsOfGroups(groupsOf(lines)), wantPairs));
  if (process.env.BENCH_DESK_MISSES) for (const m of misses) console.log(`  miss ${m}`);

  // Reading one report: every reader, as on arrival.
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const r of set) {
      const t0 = performance.now();
      suggest({ what: r.input.text, where: r.input.where, when: r.input.when, sentAt: r.input.sentAt, writtenAt: r.input.writtenAt });
      times.push(performance.now() - t0);
    }
  }
  console.log(
    `reading a report: median ${quantile(times, 0.5).toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms (${times.length} reads)`,
  );

  benchLinker(set.map((r, i) => ({ r, line: lines[i]! })));
  await benchStoreSimilarity(set.map((r) => r.input.text));
}

/** Proposed groups: lines joined by any link, as the queue shows them. */
function groupsOf(lines: readonly SuggestLine[]): Array<string | null> {
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  for (const [j, l] of lines.entries()) for (const i of [...l.duplicateOf, ...l.sameIncidentAs]) parent[find(j)] = find(i);
  const size = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
  return lines.map((_, i) => (size.get(find(i))! > 1 ? String(find(i)) : null));
}

/** Linking one report to 100,000 earlier ones, spread over a month and the country's towns. */
function benchLinker(set: ReadonlyArray<{ r: Labelled; line: SuggestLine }>): void {
  const N = Number(process.env.BENCH_DESK_REPORTS ?? 100_000);
  const settlements = ['kz-almaty', 'kz-aktau', 'kz-zhanaozen', 'kz-shymkent', 'kz-nur-sultan', 'kz-aktobe', 'kz-atyrau', 'kz-taraz'];
  const base = Date.parse('2022-01-01T00:00:00Z');
  const linker = new Linker();
  const item = (k: number): Comparable => {
    const { r } = set[k % set.length]!;
    const words = foldedWords(r.input.text);
    // Each copy changes one word, as people retelling do; a tenth are verbatim re-sends.
    if (k % 10 !== 0 && words.length > 0) words[k % words.length] = `w${k}`;
    return {
      words,
      media: k % 97 === 0 ? [k.toString(16).padStart(64, '0')] : [],
      settlement: settlements[k % settlements.length],
      window: { start: base + (k % 720) * 3600_000, end: base + (k % 720) * 3600_000 + 3600_000 },
      eventType: k % 3 === 0 ? 'Protests' : undefined,
    };
  };
  const t0 = performance.now();
  for (let k = 0; k < N; k++) linker.add(item(k));
  const fillMs = performance.now() - t0;
  const times: number[] = [];
  let links = 0;
  for (let k = N; k < N + 500; k++) {
    const t = performance.now();
    const got = linker.add(item(k));
    times.push(performance.now() - t);
    links += got.duplicateOf.length + got.sameIncidentAs.length;
  }
  console.log(
    `linking a report to ${N.toLocaleString('en-US')} earlier ones (in memory): median ${quantile(times, 0.5).toFixed(2)} ms, ` +
      `p99 ${quantile(times, 0.99).toFixed(2)} ms, ${(links / 500).toFixed(0)} links each on average; building the index took ${(fillMs / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchDesk();
