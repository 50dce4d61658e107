/**
 * "No IP address is stored or logged", checked after a flood: a real `caravan serve` on a real
 * data folder behind a (pretend) reverse proxy is flooded with reports, uploads and password
 * guesses from two addresses; then the data folder's every byte, every table's rows as text,
 * and everything the process wrote to stdout and stderr are searched for those addresses.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { Db } from '../src/store/db.ts';
import { openDb } from '../src/store/open.ts';
import { loadConfig } from '../src/app/config.ts';
import { openTestApp } from '../src/http/testing.ts';
import { createApp } from '../src/http/app.tsx';

const ROOT = new URL('..', import.meta.url).pathname;
const DATABASE_URL = process.env.DATABASE_URL;
const FLOODER = '198.51.100.77';
const FLOODER6 = '2001:db8:4a::77';
const NEEDLES = [FLOODER, FLOODER6, '2001:0db8:004a', '198.051.100.077'];

let dataDir: string;
let schema: string | undefined;
let child: ChildProcess | undefined;
let output = '';

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'caravan-no-address-'));
  if (DATABASE_URL) schema = `test_noaddr_${randomBytes(4).toString('hex')}`;
});

after(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (schema) {
    const db = await openDb({ databaseUrl: DATABASE_URL! });
    await db.query(`drop schema if exists ${schema} cascade`);
    await db.close();
  }
  await rm(dataDir, { recursive: true, force: true });
});

async function openStore(): Promise<Db> {
  return DATABASE_URL ? openDb({ databaseUrl: DATABASE_URL, schema: schema! }) : openDb({ dataDir: join(dataDir, 'pglite') });
}

async function startServer(): Promise<string> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    PORT: '0',
    HOST: '127.0.0.1',
    CARAVAN_DATA: dataDir,
    CARAVAN_TRUST_PROXY: 'true',
    CARAVAN_LIMIT_CLIENT_REPORTS: '10',
    CARAVAN_LIMIT_CLIENT_MB: '1',
  };
  if (DATABASE_URL) {
    await (await openStore()).close();
    const url = new URL(DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
  }
  child = spawn(process.execPath, [join(ROOT, 'bin/caravan.js'), 'serve', '--no-demo'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited early:\n${output}`);
    const port = /Caravan is serving http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
    if (port) return `http://127.0.0.1:${port}`;
    if (Date.now() > deadline) throw new Error(`serve did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(): Promise<void> {
  const c = child!;
  const exited = new Promise<number | null>((resolve) => c.once('exit', (code) => resolve(code)));
  c.kill('SIGTERM');
  assert.equal(await exited, 0, output);
}

/** Every file under a folder, with its path. */
async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Posts the report form with a "photo" of `bytes` in chunks without Content-Length; the status,
 * even when the server answers before the end.
 */
function chunkedPost(url: string, address: string, bytes: number): Promise<number> {
  const boundary = 'caravan-test-boundary';
  return new Promise((resolve, reject) => {
    const type = `multipart/form-data; boundary=${boundary}`;
    const req = request(url, { method: 'POST', headers: { 'content-type': type, 'x-forwarded-for': `10.9.9.9, ${address}` } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="what"\r\n\r\nA photo of the square, taken at noon\r\n`);
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="media"; filename="square.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`);
    const more = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', more);
      }
      req.end(`\r\n--${boundary}--\r\n`);
    };
    more();
  });
}

const report = (i: number) => ({
  what: `Report number ${i} about the square, many people there`,
  when: 'today 12:00',
  where: 'Almaty',
  howKnown: 'saw',
});

test('after a flood, the flooders’ addresses are nowhere: not in the data folder, the database or the logs', async () => {
  const base = await startServer();
  const post = (path: string, body: BodyInit, type: string, address: string, extra: Record<string, string> = {}) =>
    fetch(base + path, {
      method: 'POST',
      body,
      headers: { 'content-type': type, 'x-forwarded-for': `10.9.9.9, ${address}`, ...extra },
      duplex: 'half',
    } as RequestInit);

  const api: number[] = [];
  for (let i = 0; i < 15; i++) api.push((await post('/api/v1/reports', JSON.stringify(report(i)), 'application/json', FLOODER)).status);
  assert.deepEqual(api, [...Array(10).fill(201), ...Array(5).fill(429)]);

  const form: number[] = [];
  for (let i = 0; i < 12; i++)
    form.push(
      (await post('/report', new URLSearchParams({ ...report(i), lang: 'ru' }), 'application/x-www-form-urlencoded', FLOODER6)).status,
    );
  assert.deepEqual(form, [...Array(10).fill(201), ...Array(2).fill(429)], 'the proxy’s last X-Forwarded-For entry names the client');

  // A photo upload without Content-Length that outgrows the client's byte budget mid-stream.
  const upload = await chunkedPost(`${base}/report`, '203.0.113.9', 24 * 64 * 1024);
  assert.equal(upload, 429, `a stream of 1.5 MiB is stopped once it passes 1 MiB (${upload})`);

  const logins: number[] = [];
  for (let i = 0; i < 6; i++) {
    logins.push(
      (
        await post(
          '/editor/login',
          new URLSearchParams({ username: 'alice', password: `guess ${i}` }),
          'application/x-www-form-urlencoded',
          FLOODER,
          { origin: base },
        )
      ).status,
    );
  }
  assert.deepEqual(logins, Array(6).fill(401));
  await post(
    '/api/v1/sms/smssync',
    new URLSearchParams({ secret: 'x', from: '+7700', message: 'hi' }),
    'application/x-www-form-urlencoded',
    FLOODER,
  );
  await post('/api/v1/reports', '{"what": 5', 'application/json', '203.0.113.10');
  await stopServer();

  assert.match(output, /Caravan is serving/, 'the process’s output was captured');
  for (const needle of NEEDLES) assert.ok(!output.includes(needle), `the logs name ${needle}:\n${output}`);

  let files = 0;
  for await (const path of filesUnder(dataDir)) {
    files++;
    const bytes = await readFile(path);
    for (const needle of NEEDLES) assert.equal(bytes.indexOf(needle), -1, `${path} holds ${needle}`);
  }
  const incoming = await readdir(join(dataDir, 'incoming'), { recursive: true, withFileTypes: true }).catch(() => []);
  assert.deepEqual(
    incoming.filter((e) => e.isFile()).map((e) => e.name),
    [],
    'the refused upload left nothing behind',
  );
  if (!DATABASE_URL) assert.ok(files > 20, `the embedded store is in the data folder (${files} files)`);

  const db = await openStore();
  try {
    const tables = await db.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    assert.ok(tables.some((t) => t.name === 'reports'));
    let rows = 0;
    let control = false;
    for (const { name } of tables) {
      for (const row of await db.query<{ text: string }>(`select t::text as text from "${name}" t`)) {
        rows++;
        control ||= row.text.includes('Report number 3 about the square');
        for (const needle of NEEDLES) assert.ok(!row.text.includes(needle), `table ${name} holds ${needle}`);
      }
    }
    const stored = await db.query<{ n: number }>('select count(*)::int as n from reports');
    assert.equal(stored[0]!.n, 20, 'the admitted reports were stored');
    const hits = await db.query<{ limit_name: string; refusals: number }>(
      'select limit_name, sum(refusals)::int as refusals from limit_hits group by 1 order by 1',
    );
    assert.deepEqual(
      hits,
      [
        { limit_name: 'client_bytes', refusals: 1 },
        { limit_name: 'client_reports', refusals: 7 },
      ],
      'refusals are counted, and written before the server stops',
    );
    assert.ok(rows > 20 && control, 'the dump holds the rows as text (a report found by its words)');
  } finally {
    await db.close();
  }
});

test('behind no proxy, a client is told apart by its socket address and X-Forwarded-For is ignored', async () => {
  const config = loadConfig({ CARAVAN_DATA: '/nonexistent-test-data', CARAVAN_ORIGIN: 'http://localhost' });
  config.intakeBudget = { ...config.intakeBudget, clientReports: 2 };
  const t = await openTestApp({ config });
  const server = serve({ fetch: createApp(t.ctx).fetch, port: 0, hostname: '127.0.0.1' });
  try {
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/reports`;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(url, {
        method: 'POST',
        body: JSON.stringify(report(i)),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [201, 201, 429]);
  } finally {
    await new Promise((r) => server.close(r));
    await t.close();
  }
});
