/**
 * A relay and an origin as two real `caravan serve` processes. Between them sits a small proxy
 * this test controls, standing for the network: it refuses connections while the origin is
 * down, and can let a request through but lose the origin's answer on the way back.
 *
 * Each process keeps its store in its own data folder (PGlite), or in its own schema when
 * DATABASE_URL names a PostgreSQL server; the test reads the stores after the processes exit.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../src/store/db.ts';
import { openDb } from '../src/store/open.ts';
import { receiptCodeForDeviceKey } from '../src/app/intake/accept.ts';

const ROOT = join(import.meta.dirname, '..');
/** Starting a process opens (or creates) its store: a minute or more on a loaded machine. */
const STEP = { timeout: 400_000 };
const DATABASE_URL = process.env.DATABASE_URL;

/** Waits for a condition the processes bring about; generous, because CI machines are slow. */
async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Node {
  name: string;
  dataDir: string;
  schema?: string;
  child?: ChildProcess;
  url?: string;
  output: string;
}

function newNode(name: string, base: string): Node {
  const node: Node = { name, dataDir: join(base, name), output: '' };
  if (DATABASE_URL) node.schema = `test_relay_${name}_${randomBytes(4).toString('hex')}`;
  return node;
}

/** The environment of a `caravan` process working on this node's store. */
function envOf(node: Node, env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const dbEnv: Record<string, string> = {};
  if (DATABASE_URL && node.schema) {
    const url = new URL(DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${node.schema}`);
    dbEnv.DATABASE_URL = url.toString();
  }
  return { ...inherited, PORT: '0', HOST: '127.0.0.1', CARAVAN_DATA: node.dataDir, ...dbEnv, ...env };
}

/** `caravan serve` on a free port; resolves once it listens. */
async function start(node: Node, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/caravan.js'), 'serve', '--no-demo'], {
    cwd: ROOT,
    env: envOf(node, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  node.child = child;
  node.output = '';
  child.stdout!.on('data', (b: Buffer) => (node.output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (node.output += b.toString()));
  const port = await until(
    `${node.name} to listen`,
    () => {
      if (child.exitCode !== null) throw new Error(`${node.name} exited early:\n${node.output}`);
      return /Caravan is serving http:\/\/127\.0\.0\.1:(\d+)/.exec(node.output)?.[1];
    },
    300_000,
  );
  node.url = `http://127.0.0.1:${port}`;
  return node.url;
}

/** SIGTERM, as a service manager stops it; the process must finish cleanly. */
async function stop(node: Node): Promise<void> {
  const child = node.child;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const code = await exited;
  assert.equal(code, 0, `${node.name} stopped with ${code}:\n${node.output}`);
}

async function openStore(node: Node): Promise<Db> {
  if (DATABASE_URL) return openDb({ databaseUrl: DATABASE_URL, schema: node.schema! });
  return openDb({ dataDir: join(node.dataDir, 'pglite') });
}

type ProxyMode = 'down' | 'lose-answer' | 'pass';

/** The network between relay and origin, with counts of what it did. */
class Link {
  mode: ProxyMode = 'down';
  target: string | undefined;
  readonly counts: Record<ProxyMode, number> = { down: 0, 'lose-answer': 0, pass: 0 };
  private server: Server = createServer((req, res) => void this.handle(req, res));

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const mode = this.mode;
    this.counts[mode]++;
    if (mode === 'down' || !this.target) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const name of ['content-type', 'idempotency-key', 'x-caravan-relay']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    let answer: Response;
    let body: Buffer;
    try {
      answer = await fetch(this.target + req.url, { method: req.method, headers, body: Buffer.concat(chunks) });
      body = Buffer.from(await answer.arrayBuffer());
    } catch {
      req.socket.destroy();
      return;
    }
    if (mode === 'lose-answer') {
      // The origin stored the report and answered; the answer never reaches the relay.
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(body);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function sendToRelay(relayUrl: string, originHost: string, report: object, key: string) {
  const res = await fetch(`${relayUrl}/api/v1/relay/${originHost}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(report),
  });
  return { status: res.status, body: (await res.json()) as { receiptCode: string; relayedTo: string; statusUrl: string } };
}

describe('a relay and an origin as two processes', () => {
  let base: string;
  let link: Link;
  let linkUrl: string;
  let relay: Node;
  let origin: Node;
  const reportKey = `device:${randomBytes(16).toString('base64url')}`;
  const laterKey = `device:${randomBytes(16).toString('base64url')}`;
  let receiptCode: string;

  before(async () => {
    base = await mkdtemp(join(tmpdir(), 'caravan-relay-'));
    link = new Link();
    linkUrl = await link.listen();
    relay = newNode('relay', base);
    origin = newNode('origin', base);
    // The processes find their schema through search_path; it has to exist first.
    for (const node of [relay, origin]) if (node.schema) await (await openStore(node)).close();
  });

  after(async () => {
    for (const node of [relay, origin]) if (node?.child && node.child.exitCode === null) node.child.kill('SIGKILL');
    await link?.close();
    if (DATABASE_URL) {
      const db = await openDb({ databaseUrl: DATABASE_URL });
      for (const node of [relay, origin]) if (node?.schema) await db.query(`drop schema if exists ${node.schema} cascade`);
      await db.close();
    }
    if (base) await rm(base, { recursive: true, force: true });
  });

  const relayEnv = () => ({
    CARAVAN_RELAY_FOR: linkUrl,
    CARAVAN_RELAY_INTERVAL: '0.1',
    CARAVAN_RELAY_MAX_DELAY: '0.5',
  });

  // One story in steps that run in order; each step is its own test so a slow machine gets the
  // runner's timeout for each process start rather than for the whole story.
  let relayUrl: string;
  let originUrl: string;
  const report = { what: 'Shots heard near the akimat on Republic Square', when: '5 January, evening', howKnown: 'heard' };
  const originHost = () => new URL(linkUrl).host;

  it('holds a report sent while the origin is down and gives the reporter its receipt code', STEP, async () => {
    relayUrl = await start(relay, relayEnv());
    const sent = await sendToRelay(relayUrl, originHost(), report, reportKey);
    assert.equal(sent.status, 202);
    receiptCode = sent.body.receiptCode;
    assert.equal(receiptCode, receiptCodeForDeviceKey(reportKey));
    assert.deepEqual(sent.body, { receiptCode, relayedTo: linkUrl, statusUrl: `${linkUrl}/report/status` });
    const again = await sendToRelay(relayUrl, originHost(), report, reportKey);
    assert.deepEqual(again, sent, 'the same report sent again gets the same answer');
    await until('three failed attempts', () => link.counts.down >= 3);
  });

  it('goes on trying after a restart in the middle of backing off', STEP, async () => {
    await stop(relay);
    const triedBefore = link.counts.down;
    relayUrl = await start(relay, relayEnv());
    await until('attempts after the restart', () => link.counts.down > triedBefore);
  });

  it('delivers it when the origin comes up, though the first answers are lost', STEP, async () => {
    originUrl = await start(origin, { CARAVAN_ORIGIN: linkUrl });
    link.target = originUrl;
    link.mode = 'lose-answer';
    await until('three lost answers', () => link.counts['lose-answer'] >= 3);
    link.mode = 'pass';
    await until('a confirmation to reach the relay', () => link.counts.pass >= 1);

    // A second report, held while the link is down again: once the relay tries it, it has
    // recorded the outcome of every earlier attempt (passes run one after another).
    link.mode = 'down';
    const downBefore = link.counts.down;
    assert.equal((await sendToRelay(relayUrl, originHost(), { what: 'Later report' }, laterKey)).status, 202);
    await until('the relay to try the later report', () => link.counts.down > downBefore);

    // The reporter's code works at the origin, in the API and on the page.
    const status = await fetch(`${originUrl}/api/v1/reports/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: receiptCode }),
    });
    assert.equal(status.status, 200);
    assert.equal(((await status.json()) as { state: string }).state, 'new');
    const page = await fetch(`${originUrl}/report/status`, { method: 'POST', body: new URLSearchParams({ code: receiptCode }) });
    assert.equal(page.status, 200);
  });

  it('leaves one report at the origin and no copy of it at the relay', STEP, async () => {
    await stop(relay);
    await stop(origin);

    const originDb = await openStore(origin);
    try {
      const rows = await originDb.query<{ receipt_code: string; channel: string; what: string }>(
        'select receipt_code, channel, what from reports',
      );
      assert.deepEqual(rows, [{ receipt_code: receiptCode, channel: 'relay', what: report.what }], 'the origin holds the report once');
    } finally {
      await originDb.close();
    }
    const relayDb = await openStore(relay);
    try {
      const held = await relayDb.query<{ idempotency_key: string }>('select idempotency_key from relay_outbox');
      assert.deepEqual(
        held,
        [{ idempotency_key: laterKey }],
        "the relay's copy of the delivered report is gone; the undelivered one stays",
      );
    } finally {
      await relayDb.close();
    }
  });
});
