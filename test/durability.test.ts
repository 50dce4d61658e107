/**
 * "Durable before the 2xx": a real `caravan serve` runs under strace while it takes reports one
 * after another, and the trace must show, before each 201 leaves for the client, an fsync of
 * the write-ahead log that finished after the previous answer. On PGlite the syncs are Caravan's
 * own (its file system layer); on a PostgreSQL server the postmaster and its backends are traced
 * too, in the same trace, so their fdatasync calls and our answers are on one clock.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { serverSchema, startServe } from './fixtures/serve-process.ts';

const REPORTS = 12;
// As with Chromium: outside CI a machine without strace skips and says why; in CI nothing skips.
const noStrace = spawnSync('strace', ['-V']).status === 0 ? undefined : 'strace is not installed (Debian package strace)';
if (noStrace && process.env.CI) throw new Error(`${noStrace}: .ci/run installs it`);

interface Call {
  t: number;
  /** Seconds the call took (-T), so its end is t + took. */
  took: number;
  name: string;
  line: string;
}

/**
 * Parses strace -f -ttt -T -y output. A call another thread interrupted comes in two lines,
 * "<unfinished ...>" at its start and "<... name resumed>" at its end: they are joined by pid.
 */
function parseTrace(text: string): Call[] {
  const calls: Call[] = [];
  const open = new Map<string, { t: number; line: string }>();
  for (const line of text.split('\n')) {
    const head = /^\s*(?:\[pid\s+)?(\d+)\]?\s+(\d+\.\d+) (.*)$/.exec(line);
    if (!head) continue;
    const [, pid, time, rest] = head as unknown as [string, string, string, string];
    const t = Number(time);
    const whole = /^(\w+)\(.*<(\d+\.\d+)>$/.exec(rest);
    if (whole) {
      calls.push({ t, took: Number(whole[2]), name: whole[1]!, line: rest });
      continue;
    }
    const started = /^(\w+)\(.*<unfinished \.\.\.>$/.exec(rest);
    if (started) {
      open.set(pid, { t, line: rest });
      continue;
    }
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(rest);
    const first = open.get(pid);
    if (resumed && first) {
      open.delete(pid);
      calls.push({ t: first.t, took: t - first.t, name: resumed[1]!, line: first.line + resumed[2] });
    }
  }
  return calls;
}

const isWalSync = (c: Call) => (c.name === 'fsync' || c.name === 'fdatasync') && /pg_wal\//.test(c.line) && / = 0 /.test(c.line);
// The answer is the first write of "HTTP/1.1 201" on a socket.
const isAnswer = (c: Call) => (c.name === 'write' || c.name === 'writev') && c.line.includes('HTTP/1.1 201');

async function postReports(url: string): Promise<void> {
  for (let i = 0; i < REPORTS; i++) {
    const res = await fetch(`${url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ what: `Durability check ${i}: crowd at the akimat`, where: 'Almaty' }),
    });
    assert.equal(res.status, 201);
    await res.arrayBuffer();
  }
}

/** Each answer is preceded by a WAL sync that ended after the previous answer went out. */
function assertSyncedBeforeEachAnswer(calls: Call[]): void {
  const answers = calls.filter(isAnswer).sort((a, b) => a.t - b.t);
  const syncs = calls.filter(isWalSync).map((c) => c.t + c.took);
  assert.equal(answers.length, REPORTS, `every 201 is in the trace (found ${answers.length})`);
  let previous = 0;
  for (const [i, answer] of answers.entries()) {
    const synced = syncs.some((end) => end > previous && end <= answer.t);
    assert.ok(synced, `report ${i}: no fsync of the WAL finished between the previous answer and this 201`);
    previous = answer.t;
  }
}

async function traced(args: string[], run: () => Promise<void>): Promise<Call[]> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-strace-'));
  const file = join(dir, 'trace');
  const strace = spawn('strace', ['-f', '-ttt', '-T', '-y', '-s', '40', '-e', 'trace=fsync,fdatasync,write,writev', '-o', file, ...args], {
    stdio: 'ignore',
  });
  try {
    await run();
  } finally {
    strace.kill('SIGINT');
    await new Promise((r) => strace.once('exit', r));
  }
  const text = await readFile(file, 'utf8');
  await rm(dir, { recursive: true, force: true });
  return parseTrace(text);
}

describe('a report is on disk before its 201', { skip: noStrace }, () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'caravan-durable-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('on the embedded store: PGlite syncs its WAL before every answer', async () => {
    const dir = join(dataDir, 'pglite-store');
    const trace = join(dataDir, 'serve.trace');
    const server = await startServe({
      dataDir: dir,
      prefix: ['strace', '-f', '-ttt', '-T', '-y', '-s', '40', '-e', 'trace=fsync,fdatasync,write,writev', '-o', trace],
    });
    try {
      await postReports(server.url);
    } finally {
      await server.stop('SIGINT');
    }
    assertSyncedBeforeEachAnswer(parseTrace(await readFile(trace, 'utf8')));
  });

  // The server leg runs where the suite has a server (the CI run with DATABASE_URL).
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl)
    it('on a PostgreSQL server: the server syncs its WAL before every answer', async () => {
      const base = serverUrl;
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      const [{ pid }] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows as [{ pid: number }];
      const settings = (
        await client.query<{ name: string; setting: string }>(
          "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit')",
        )
      ).rows;
      // The postmaster is the parent of our backend; trace it and its children (walwriter too).
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
      await client.end();
      assert.deepEqual(Object.fromEntries(settings.map((s) => [s.name, s.setting])), { fsync: 'on', synchronous_commit: 'on' });
      assert.ok(status, 'the PostgreSQL server runs on this machine (CI starts one), so strace can follow it');
      const postmaster = Number(/PPid:\s+(\d+)/.exec(status)![1]);
      const children: number[] = [];
      for (const name of await readdir('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        const s = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
        if (new RegExp(`PPid:\\s+${postmaster}\\n`).test(s)) children.push(Number(name));
      }
      const schema = await serverSchema(base);
      const dir = join(dataDir, 'server-store');
      try {
        const calls = await traced(['-p', String(postmaster), ...children.flatMap((p) => ['-p', String(p)])], async () => {
          await new Promise((r) => setTimeout(r, 500));
          const server = await startServe({
            dataDir: dir,
            env: { DATABASE_URL: schema.url },
            prefix: ['strace', '-f', '-ttt', '-T', '-y', '-s', '40', '-e', 'trace=write,writev', '-o', join(dataDir, 'node.trace')],
          });
          try {
            await postReports(server.url);
          } finally {
            await server.stop('SIGINT');
          }
        });
        const answers = parseTrace(await readFile(join(dataDir, 'node.trace'), 'utf8'));
        assertSyncedBeforeEachAnswer([...calls, ...answers]);
      } finally {
        await schema.drop();
      }
    });
});
