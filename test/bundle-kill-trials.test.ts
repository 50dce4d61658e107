/**
 * kill -9 during `caravan bundle import`: the import is all or nothing. After each kill the
 * store holds either no mirror of the bundle's chronicle or the mirror with every entry, never
 * a followed mirror short of its log (which `serve` would go on to contact at the URL the
 * bundle names). On the embedded store and, where the suite has one, a PostgreSQL server.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bundleExport } from '../src/cli/bundle/action.ts';
import { toPublicEvent } from '../src/core/public-event.ts';
import { sampleEventData } from '../src/core/testing.ts';
import { encodeLogEntry } from '../src/log/entry.ts';
import { loadConfig } from '../src/app/config.ts';
import { contextFor } from '../src/app/context.ts';
import { openDb } from '../src/store/open.ts';
import { appendLogEntries } from '../src/store/log.ts';
import { removeMirror } from '../src/store/mirrors.ts';
import { openTestDb } from '../src/store/testing.ts';
import { caravanEnv, runCaravan, serverSchema, spawnCaravan } from './fixtures/serve-process.ts';

const ENTRIES = 2000;
const KILLS = 8;

const serverUrl = process.env.DATABASE_URL;
const stores = ['embedded', ...(serverUrl ? ['server'] : [])] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let tmp: string;
let bundle: string;
let key: string;
/** The log's origin, as the signed checkpoint names it. */
let ORIGIN: string;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'caravan-bundle-kill-'));
  await mkdir(join(tmp, 'origin'));
  const origin = contextFor(loadConfig({ CARAVAN_DATA: join(tmp, 'origin'), CARAVAN_ORIGIN: 'https://kz.example' }), await openTestDb());
  try {
    const entries: Uint8Array[] = [];
    for (let id = 1; id <= ENTRIES; id++) {
      const at = new Date(Date.UTC(2022, 0, 2 + (id % 20), id % 24)).toISOString();
      const data = sampleEventData({
        summary: { en: `Event ${id}: people gather on the square` },
        time: { start: at, precision: 'hour', timeZone: 'Asia/Almaty' },
      });
      entries.push(encodeLogEntry({ v: 1, type: 'publish', event: id, revision: 1, at, record: toPublicEvent(id, 1, data, at, at) }));
    }
    await origin.db.transaction((tx) => appendLogEntries(tx, entries));
    bundle = join(tmp, 'kz.tar');
    ORIGIN = (await bundleExport(origin, bundle, undefined, () => {})).origin;
    key = origin.logSigner.verifierKey;
  } finally {
    await origin.db.close();
  }
});
after(() => rm(tmp, { recursive: true, force: true }));

for (const kind of stores) {
  describe(`kill -9 during bundle import on the ${kind} store`, () => {
    let schema: Awaited<ReturnType<typeof serverSchema>> | undefined;
    before(async () => {
      if (kind === 'server') schema = await serverSchema(serverUrl!);
    });
    after(() => schema?.drop());

    it(`leaves no mirror or the whole mirror, never part of one (${KILLS} kills)`, async () => {
      const dataDir = join(tmp, `mirror-${kind}`);
      const env = caravanEnv(dataDir, schema ? { DATABASE_URL: schema.url } : {});
      const openLeftStore = () => (schema ? openDb({ databaseUrl: schema.url }) : openDb({ dataDir: join(dataDir, 'pglite') }));
      /** What a killed import left, and the store put back to no mirror for the next trial. */
      const leftover = async (): Promise<'none' | 'whole'> => {
        const db = await openLeftStore();
        try {
          const mirrors = await db.query<{ origin: string; size: number; checkpoint: string | null }>(
            'select origin, size, checkpoint from mirrors',
          );
          if (mirrors.length === 0) {
            const [orphans] = await db.query<{ n: number }>(
              `select ((select count(*) from mirror_entries) + (select count(*) from mirror_tiles) + (select count(*) from mirror_events)
                + (select count(*) from mirror_staging))::int as n`,
            );
            assert.equal(orphans!.n, 0, 'no mirror rows without their mirror');
            return 'none';
          }
          assert.equal(mirrors.length, 1);
          const m = mirrors[0]!;
          assert.equal(m.origin, ORIGIN);
          assert.equal(Number(m.size), ENTRIES, `a followed mirror holds the bundle's whole log, not ${m.size} entries`);
          assert.ok(m.checkpoint, 'a followed mirror has its verified checkpoint');
          const [counts] = await db.query<{ entries: number; events: number }>(
            'select (select count(*) from mirror_entries where origin = $1)::int as entries, (select count(*) from mirror_events where origin = $1)::int as events',
            [ORIGIN],
          );
          assert.deepEqual(counts, { entries: ENTRIES, events: ENTRIES });
          await removeMirror(db, ORIGIN);
          return 'whole';
        } finally {
          await db.close();
        }
      };

      // The first import also creates the store. The second says how long one import takes here,
      // to spread the kills over all of it (start-up, reading, verifying, the commit) rather
      // than guess a moment.
      let took = 0;
      for (let run = 0; run < 2; run++) {
        const started = Date.now();
        const done = await runCaravan(['bundle', 'import', bundle, '--key', key], env);
        took = Date.now() - started;
        assert.equal(done.code, 0, done.out);
        assert.match(done.out, new RegExp(`verified and loaded ${ORIGIN}: entries 0 to ${ENTRIES - 1}`));
        assert.equal(await leftover(), 'whole');
      }

      const outcomes: string[] = [];
      for (let trial = 0; trial < KILLS; trial++) {
        const run = spawnCaravan(['bundle', 'import', bundle, '--key', key], env);
        // From a fifth of the way in to just short of the end, each trial a little later, jittered.
        await sleep(took * (0.2 + (0.75 * trial) / KILLS) + Math.random() * (took / KILLS / 2));
        const cut = run.child.exitCode === null;
        run.child.kill('SIGKILL');
        const { code, out } = await run.done;
        const left = await leftover();
        if (!cut) assert.equal(code, 0, out);
        outcomes.push(`${cut ? 'killed' : 'finished'}: ${left}`);
      }
      console.log(`# ${kind}: one import took ${took} ms; ${KILLS} kills: ${outcomes.join(', ')}`);
      assert.ok(
        outcomes.some((o) => o === 'killed: none'),
        `at least one kill cut an import short: ${outcomes.join(', ')}`,
      );
    });
  });
}
