/**
 * What readers get from a seeded store, each against its bare query in the same run: the
 * chronology's first and middle pages, a permalink, the map, and the CSV and GeoJSON of every
 * event with the memory they take.
 */
import type { Hono } from 'hono';
import type { Env } from '../src/http/common.ts';
import type { AppContext } from '../src/app/context.ts';
import { getPublishedEvent, queryPublished } from '../src/store/events.ts';
import { publishedPoints } from '../src/store/published.ts';
import { mapBase } from '../src/publish/map-geometry.ts';
import { countLatestCosignatures } from '../src/store/witness.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export async function timeIt(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** What the chronology's handler asks the store for one page. */
const pageQueries = (db: AppContext['db'], offset: number) =>
  Promise.all([queryPublished(db, {}, { limit: 50, offset }), countLatestCosignatures(db)]);

/**
 * Pages of the database the statements `fn` sends touch, by EXPLAIN (ANALYZE, BUFFERS): a measure
 * of work that a machine shared with other jobs does not blur as it does times.
 */
async function pagesTouched(db: AppContext['db'], fn: (db: AppContext['db']) => Promise<unknown>): Promise<number> {
  const sent: Array<[string, readonly unknown[] | undefined]> = [];
  const spy = {
    ...db,
    query: ((sql: string, params?: readonly unknown[]) => {
      sent.push([sql, params]);
      return db.query(sql, params);
    }) as typeof db.query,
  };
  // The second call is the one counted: what the first leaves in the caches is there for readers too.
  await fn(spy);
  sent.length = 0;
  await fn(spy);
  let pages = 0;
  for (const [sql, params] of sent) {
    const [row] = await db.query<{ 'QUERY PLAN': Array<{ Plan: Record<string, number> }> }>(
      `explain (analyze, buffers, format json) ${sql}`,
      params,
    );
    const plan = row!['QUERY PLAN'][0]!.Plan;
    pages += (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0);
  }
  return pages;
}

/** Makes the next read recompute what is cached per publication state, as a publish would. */
const invalidate = (ctx: AppContext) => ctx.db.query('update published_version set n = n + 1');

async function get(app: Hono<Env>, path: string): Promise<number> {
  const res = await app.request(`http://localhost${path}`);
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.arrayBuffer()).byteLength;
}

export async function benchReaders(ctx: AppContext, app: Hono<Env>, size: number): Promise<void> {
  const db = ctx.db;
  const bare = (on = db) =>
    on.query('select pub_record from events where published_revision is not null order by pub_local_date desc, pub_start, id limit 50');

  // What every page paid before migration 010, for scale.
  const oldCountMs = await timeIt(() => db.query('select count(*)::int from events where published_revision is not null'), 3);

  await invalidate(ctx);
  let t0 = performance.now();
  await get(app, '/');
  const coldMs = performance.now() - t0;
  let bytes = 0;
  const firstMs = await timeIt(async () => (bytes = await get(app, '/')), 15);
  const firstBareMs = await timeIt(() => bare(), 15);
  const firstStoreMs = await timeIt(() => pageQueries(db, 0), 15);
  const firstPages = await pagesTouched(db, (spy) => queryPublished(spy, {}, { limit: 50, offset: 0 }));
  const firstBarePages = await pagesTouched(db, bare);
  console.log(
    `chronology page 1: the page's queries ${fmt(firstStoreMs, 2)} ms vs bare page query ${fmt(firstBareMs, 2)} ms — ratio ${fmt(firstStoreMs / firstBareMs, 2)}; ` +
      `whole page rendered ${fmt(firstMs)} ms (${fmt(bytes / 1024)} KiB, ratio ${fmt(firstMs / firstBareMs, 2)}); ` +
      `first after a publication ${fmt(coldMs)} ms; the count(*) every page ran before: ${fmt(oldCountMs)} ms; ` +
      `database pages read: ${fmt(firstPages, 0)} vs ${fmt(firstBarePages, 0)} for the bare query`,
  );

  const middle = Math.max(1, Math.floor(size / 50 / 2));
  const [head] = (await queryPublished(db, {}, { limit: 1, offset: (middle - 1) * 50 })).events;
  // The ideal read of that page: its 50 rows found by key, as if the pager knew where it starts.
  const keyset = (on: AppContext['db']) =>
    on.query(
      `(select pub_record, pub_local_date, pub_start, id from events where published_revision is not null
          and pub_local_date = $1::date and (pub_start, id) >= ($2::timestamptz, $3::int) order by pub_start, id limit 50)
       union all
       (select pub_record, pub_local_date, pub_start, id from events where published_revision is not null
          and pub_local_date < $1::date order by pub_local_date desc, pub_start, id limit 50)
       order by pub_local_date desc, pub_start, id limit 50`,
      [head!.localDate, head!.time.start, head!.id],
    );
  const keysetMs = await timeIt(() => keyset(db), 9);
  const middlePages = await pagesTouched(db, (spy) => queryPublished(spy, {}, { limit: 50, offset: (middle - 1) * 50 }));
  const keysetPages = await pagesTouched(db, keyset);
  const middleMs = await timeIt(() => get(app, `/?page=${middle}`), 9);
  const middleStoreMs = await timeIt(() => pageQueries(db, (middle - 1) * 50), 9);
  console.log(
    `chronology page ${fmt(middle, 0)} of ${fmt(Math.ceil(size / 50), 0)}: the page's queries ${fmt(middleStoreMs, 2)} ms vs bare keyset query for it ${fmt(keysetMs, 2)} ms — ratio ${fmt(middleStoreMs / keysetMs, 2)}; ` +
      `whole page rendered ${fmt(middleMs)} ms (ratio ${fmt(middleMs / keysetMs, 2)}); database pages read: ${fmt(middlePages, 0)} vs ${fmt(keysetPages, 0)} for the keyset query`,
  );

  const id = Math.ceil(size / 2);
  const permalinkMs = await timeIt(() => get(app, `/events/${id}`), 15);
  const permalinkBareMs = await timeIt(() => getPublishedEvent(db, id), 15);
  console.log(
    `permalink: ${fmt(permalinkMs, 2)} ms vs bare lookup ${fmt(permalinkBareMs, 2)} ms — ratio ${fmt(permalinkMs / permalinkBareMs, 2)}`,
  );

  t0 = performance.now();
  mapBase();
  const baseMs = performance.now() - t0;
  await invalidate(ctx);
  t0 = performance.now();
  const mapBytes = await get(app, '/map');
  const mapColdMs = performance.now() - t0;
  const mapMs = await timeIt(() => get(app, '/map'), 9);
  await invalidate(ctx);
  t0 = performance.now();
  const points = await publishedPoints(db, {});
  const pointsMs = performance.now() - t0;
  console.log(
    `map: ${fmt(mapColdMs)} ms first after a publication (${fmt(mapBytes / 1024)} KiB), ${fmt(mapMs)} ms after; ` +
      `its bare points query (${fmt(points.length, 0)} points) ${fmt(pointsMs)} ms — ratio ${fmt(mapColdMs / pointsMs, 2)}; ` +
      `the base map, drawn once per process: ${fmt(baseMs)} ms`,
  );

  const [{ n: recordBytes } = { n: 0 }] = await db.query<{ n: number }>('select sum(length(pub_record::text))::int8 as n from events');
  const scanT = performance.now();
  await db.query('select sum(length(pub_record::text))::int8 as n from events');
  const scanMs = performance.now() - scanT;
  for (const path of ['/events.csv', '/events.geojson']) await benchExport(app, path, Number(recordBytes), scanMs);
}

/** Streams one export and samples memory while it does: flat means it does not grow with the store. */
async function benchExport(app: Hono<Env>, path: string, recordBytes: number, scanMs: number): Promise<void> {
  if (global.gc) global.gc();
  const baseline = process.memoryUsage();
  let peak = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 5);
  const t0 = performance.now();
  const res = await app.request(`http://localhost${path}`);
  const reader = res.body!.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    sample();
  }
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const mib = (n: number) => fmt(n / 1048576);
  console.log(
    `${path}: ${mib(bytes)} MiB in ${fmt(ms / 1000, 2)} s; peak over baseline: heap +${mib(peakHeap - baseline.heapUsed)} MiB, RSS +${mib(peak - baseline.rss)} MiB; ` +
      `a bare scan of the ${mib(recordBytes)} MiB of records takes ${fmt(scanMs)} ms (export/scan ${fmt(ms / scanMs, 1)}×)`,
  );
}
