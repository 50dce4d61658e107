/**
 * The desk's duplicate and incident checks against the store, at 100,000 reports: for one report,
 * the earlier reports with the same words however typed (`sameTextAs`) and those of the same
 * place and time (`sameIncidentAs`), against the bare index lookup each starts from in the same
 * run. The reports are the labelled set's texts, each retold with one word changed, spread over
 * a month and the towns the set names, as a month of a crisis would bring.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/app/config.ts';
import { createContext } from '../src/app/context.ts';
import { suggest } from '../src/core/reading/read.ts';
import { eventPlaceOf, settlementOf } from '../src/core/reading/places.ts';
import { foldText } from '../src/core/reading/fold.ts';
import { sameIncidentAs, sameTextAs } from '../src/store/reports.ts';

/** The value below which a share `q` of `xs` lies. */
export const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

export async function benchStoreSimilarity(texts: readonly string[], n = Number(process.env.BENCH_DESK_REPORTS ?? 100_000)): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-desk-'));
  const ctx = await createContext(loadConfig({ CARAVAN_DATA: dir, CARAVAN_DEMO: 'false' }), 'caravan bench');
  try {
    // What the readers make of each text once; the copies differ in one word, day and hour.
    const read = texts.map((what) => {
      const s = suggest({ what, receivedAt: '2022-01-05T12:00:00+06:00' });
      const place = eventPlaceOf(s.places)?.place;
      return {
        what,
        words: foldText(what).split(' '),
        settlement: place ? (settlementOf(place) ?? place.id) : null,
        placeId: place?.id ?? null,
        type: s.type?.eventType ?? null,
        precision: s.time?.precision ?? null,
        span: s.time ? Date.parse(s.time.end) - Date.parse(s.time.start) : 3_600_000,
      };
    });
    const base = Date.parse('2022-01-01T00:00:00Z');
    const t0 = performance.now();
    for (let start = 0; start < n; start += 5000) {
      const rows = Array.from({ length: Math.min(5000, n - start) }, (_, i) => {
        const k = start + i;
        const r = read[k % read.length]!;
        const words = [...r.words];
        if (k % 10 !== 0 && words.length > 0) words[k % words.length] = `w${k}`;
        const at = base + (k % 720) * 3_600_000 + (k % 7) * 60_000;
        return { k, r, fold: words.join(' '), at };
      });
      await ctx.db.query(
        `insert into reports (receipt_code, channel, received_at, what, how_known, lang, text_fold, suggested,
           event_place_id, event_settlement, event_start, event_end, event_precision, event_type)
         select 'B' || x.k, 'sms', x.at, x.what, 'other', 'ru', x.fold, true, x.place, x.settlement, x.at - x.span, x.at, x.precision, x.type
         from unnest($1::int[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::interval[], $8::text[], $9::text[])
           as x(k, at, what, fold, place, settlement, span, precision, type)`,
        [
          rows.map((x) => x.k),
          rows.map((x) => new Date(x.at)),
          rows.map((x) => x.r.what),
          rows.map((x) => x.fold),
          rows.map((x) => x.r.placeId),
          rows.map((x) => x.r.settlement),
          rows.map((x) => `${Math.round(x.r.span / 1000)} seconds`),
          rows.map((x) => x.r.precision),
          rows.map((x) => x.r.type),
        ],
      );
    }
    await ctx.db.query('analyze reports');
    const seedS = (performance.now() - t0) / 1000;
    const ids = Array.from({ length: 200 }, (_, i) => Math.floor(((i + 0.5) / 200) * n) + 1);
    const ours: number[] = [];
    const bare: number[] = [];
    let links = 0;
    for (const id of ids) {
      let t = performance.now();
      const [text, incident] = await Promise.all([sameTextAs(ctx.db, [id]), sameIncidentAs(ctx.db, [id])]);
      ours.push(performance.now() - t);
      links += (text.get(id)?.length ?? 0) + (incident.get(id)?.length ?? 0);
      t = performance.now();
      await ctx.db.query(
        `select o.id from reports r join reports o on o.text_fold = r.text_fold and o.id < r.id and o.text_fold <> ''
         where r.id = $1 and r.text_fold <> ''`,
        [id],
      );
      bare.push(performance.now() - t);
    }
    const med = quantile(ours, 0.5);
    console.log(
      `similarity in the store, one report against ${n.toLocaleString('en-US')} (embedded PGlite on disk): median ${med.toFixed(2)} ms, ` +
        `p99 ${quantile(ours, 0.99).toFixed(2)} ms, ${(links / ids.length).toFixed(1)} links each; the bare same-text index lookup ` +
        `${quantile(bare, 0.5).toFixed(2)} ms — ratio ${(med / quantile(bare, 0.5)).toFixed(1)}; seeded in ${seedS.toFixed(1)} s`,
    );
  } finally {
    await ctx.db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
