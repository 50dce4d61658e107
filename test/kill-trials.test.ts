/**
 * kill -9 anywhere: the server is killed at random moments while it takes reports, while it
 * publishes (log append and publication in one transaction), and a mirror is killed while it
 * syncs; many times, on the embedded store and (where the suite has one) a PostgreSQL server.
 * Afterwards every acknowledged report is there and whole, no row is half written, the log
 * verifies and matches the publications one for one, and the mirror resumes to the full log.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDb } from '../src/store/open.ts';
import { startOrigin } from './fixtures/origin-process.ts';
import { caravanEnv, runCaravan, serverSchema, spawnCaravan, startServe } from './fixtures/serve-process.ts';

/** KILL_TRIALS=10 runs ten times as many kills as the suite does, for a longer trial by hand. */
const SCALE = Math.max(1, Math.floor(Number(process.env.KILL_TRIALS ?? 1)) || 1);
const INTAKE_TRIALS = 5 * SCALE;
const PUBLISH_TRIALS = 6 * SCALE;
const MIRROR_TRIALS = 3 * SCALE;

const serverUrl = process.env.DATABASE_URL;
const stores = ['embedded', ...(serverUrl ? ['server'] : [])] as const;

let tmp: string;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'caravan-kill-'));
});
after(() => rm(tmp, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Deterministic "random" moments, so a failing trial can be run again as it was. */
const moment = (trial: number, base: number, spread: number) => base + ((trial * 7919) % spread);

/** Opens the store a killed process left, as the next process would (the lock is stale). */
async function openLeftStore(kind: string, dataDir: string, url?: string) {
  return kind === 'server' ? openDb({ databaseUrl: url! }) : openDb({ dataDir: join(dataDir, 'pglite') });
}

for (const kind of stores) {
  describe(`kill -9 on the ${kind} store`, () => {
    let schema: Awaited<ReturnType<typeof serverSchema>> | undefined;
    before(async () => {
      if (kind === 'server') schema = await serverSchema(serverUrl!);
    });
    after(() => schema?.drop());
    const env = () => (schema ? { DATABASE_URL: schema.url } : {});

    it(`loses no acknowledged report and writes none by halves (${INTAKE_TRIALS} kills during intake)`, async () => {
      const dataDir = join(tmp, `intake-${kind}`);
      const acknowledged = new Map<string, string>();
      const sent = new Set<string>();
      let killedWithAnswersPending = 0;
      for (let trial = 0; trial < INTAKE_TRIALS; trial++) {
        const server = await startServe({ dataDir, env: env() });
        let running = true;
        let n = 0;
        let answered = 0;
        const client = async (c: number) => {
          while (running) {
            const what = `Trial ${trial} client ${c} report ${n++}: crowd at the akimat, shots heard${' near the square'.repeat(c + 1)}`;
            sent.add(what);
            try {
              const res = await fetch(`${server.url}/api/v1/reports`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ what, where: 'Almaty', when: '5 January, 15:40' }),
              });
              if (res.status === 201) {
                acknowledged.set(((await res.json()) as { receiptCode: string }).receiptCode, what);
                answered++;
              }
            } catch {
              // The kill cut this one off: it was never acknowledged, so it may or may not be stored.
              if (running) killedWithAnswersPending++;
              return;
            }
          }
        };
        const clients = [0, 1, 2, 3].map(client);
        // Kill while reports are flowing: after a few answers, at a different moment each trial.
        for (let waited = 0; answered < 8 && waited < 60_000; waited += 20) await sleep(20);
        await sleep(moment(trial, 0, 300));
        await server.stop('SIGKILL');
        running = false;
        await Promise.all(clients);
      }
      const db = await openLeftStore(kind, dataDir, schema?.url);
      try {
        const rows = await db.query<{ receipt_code: string; what: string; claimed_where: string | null; claimed_when: string | null }>(
          'select receipt_code, what, claimed_where, claimed_when from reports',
        );
        const byCode = new Map(rows.map((r) => [r.receipt_code, r]));
        for (const [code, what] of acknowledged) {
          const row = byCode.get(code);
          assert.ok(row, `acknowledged report ${code} is stored`);
          assert.equal(row.what, what);
        }
        for (const row of rows) {
          assert.ok(sent.has(row.what), `a stored report is one that was sent, whole: ${row.what.slice(0, 60)}`);
          assert.equal(row.claimed_where, 'Almaty');
          assert.equal(row.claimed_when, '5 January, 15:40');
        }
        assert.ok(acknowledged.size > INTAKE_TRIALS, `reports were acknowledged between the kills (${acknowledged.size})`);
        console.log(
          `# ${kind}: ${INTAKE_TRIALS} kills during intake; ${acknowledged.size} acknowledged, ${rows.length} stored, ${killedWithAnswersPending} requests cut off by a kill; none lost`,
        );
      } finally {
        await db.close();
      }
    });

    it(`keeps the log and the publications one for one (${PUBLISH_TRIALS} kills during publishing), and a mirror killed mid-sync resumes (${MIRROR_TRIALS} kills)`, async () => {
      const dataDir = join(tmp, `publish-${kind}`);
      let acknowledgedSize = 0;
      for (let trial = 0; trial < PUBLISH_TRIALS; trial++) {
        const origin = await startOrigin({ dataDir, origin: 'http://kill.test', ...(schema ? { databaseUrl: schema.url } : {}) });
        let running = true;
        let answers = 0;
        const publisher = (async () => {
          while (running) {
            try {
              const answer = await origin.send(`publish 3 t${trial}`);
              acknowledgedSize = Math.max(acknowledgedSize, Number(/^published (\d+)/.exec(answer)![1]));
              answers++;
            } catch {
              return;
            }
          }
        })();
        for (let waited = 0; answers < 3 && waited < 60_000; waited += 20) await sleep(20);
        await sleep(moment(trial, 0, 300));
        await origin.kill();
        running = false;
        await publisher;
      }
      const db = await openLeftStore(kind, dataDir, schema?.url);
      let size: number;
      try {
        const [counts] = await db.query<{ entries: number; publications: number; size: number }>(
          `select (select count(*)::int from log_entries) as entries, (select count(*)::int from publications) as publications,
                  (select coalesce(max(size), 0)::int from log_tree) as size`,
        );
        assert.ok(counts);
        assert.equal(counts.entries, counts.publications, 'every publication has its log entry and no entry lacks its publication');
        assert.equal(counts.size, counts.entries, 'the tree covers every entry');
        assert.ok(counts.size >= acknowledgedSize, `nothing acknowledged is missing (${counts.size} ≥ ${acknowledgedSize})`);
        size = counts.size;
      } finally {
        await db.close();
      }

      // The log verifies from scratch, and a mirror killed while it syncs picks up where it was.
      const origin = await startOrigin({ dataDir, origin: 'http://kill.test', ...(schema ? { databaseUrl: schema.url } : {}) });
      try {
        const mirrorData = join(tmp, `mirror-${kind}`);
        const mirrorEnv = caravanEnv(mirrorData);
        const url = `http://127.0.0.1:${origin.port}`;
        const verified = await runCaravan(['verify', url], {
          ...caravanEnv(join(tmp, `verify-${kind}`)),
          CARAVAN_STATE: join(tmp, `state-${kind}`),
        });
        assert.equal(verified.code, 0, verified.out);
        const added = await runCaravan(['mirror', 'add', url], mirrorEnv);
        assert.equal(added.code, 0, added.out);
        let total = size;
        let cut = 0;
        for (let trial = 0; trial < MIRROR_TRIALS; trial++) {
          // Enough new entries that the kill lands while they are being fetched and stored.
          total = Number(/^appended (\d+)/.exec(await origin.send(`append 2000 m${trial}`))![1]);
          const sync = spawnCaravan(['mirror', 'sync'], mirrorEnv);
          await sleep(moment(trial, 1800, 2000));
          if (sync.child.exitCode === null) cut++;
          sync.child.kill('SIGKILL');
          await sync.done;
        }
        const done = await runCaravan(['mirror', 'sync'], mirrorEnv);
        assert.equal(done.code, 0, done.out);
        const status = await runCaravan(['mirror', 'status'], mirrorEnv);
        assert.equal(status.code, 0, `no alarm: ${status.out}`);
        assert.match(status.out, new RegExp(`\\b${total}\\b`), `the mirror verified the whole log of ${total}: ${status.out}`);
        console.log(
          `# ${kind}: ${PUBLISH_TRIALS} kills while publishing (${size} entries = publications); ${MIRROR_TRIALS} kills while mirroring (${cut} cut a sync short), then resumed to ${total}`,
        );
      } finally {
        await origin.kill();
      }
    });
  });
}
