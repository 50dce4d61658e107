/**
 * An origin and a mirror acting as its witness, as two real `caravan serve` processes on
 * loopback. The witness operator makes a key and follows the origin; the origin's operator
 * registers the witness (its key discovered from /witness, trusted on first use); the origin's
 * checkpoint ends up cosigned, and `caravan verify --witness <vkey> --min-witnesses 1` passes
 * while demanding two fails.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { signatureLines } from '../src/log/note.ts';
import { countCosignatures } from '../src/log/witness.ts';

const ROOT = join(import.meta.dirname, '..');
/** Starting a process opens (or creates) its store: a minute or more on a loaded machine. */
const STEP = { timeout: 400_000 };

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Node {
  name: string;
  dataDir: string;
  port: number;
  url: string;
  child?: ChildProcess;
  output: string;
}

/** Each process keeps its own embedded store, whatever the suite runs against. */
function envOf(node: Node, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return {
    ...inherited,
    HOST: '127.0.0.1',
    PORT: String(node.port),
    CARAVAN_DATA: node.dataDir,
    CARAVAN_ORIGIN: node.url,
    CARAVAN_MIRROR_INTERVAL: '1',
    ...extra,
  };
}

function caravan(node: Node, args: string[], extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/caravan.js'), ...args], { cwd: ROOT, env: envOf(node, extra), encoding: 'utf8' });
}

async function start(node: Node, args: string[] = []): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/caravan.js'), 'serve', ...args], {
    cwd: ROOT,
    env: envOf(node),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  node.child = child;
  node.output = '';
  child.stdout!.on('data', (b: Buffer) => (node.output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (node.output += b.toString()));
  await until(
    `${node.name} to listen`,
    () => {
      if (child.exitCode !== null) throw new Error(`${node.name} exited early:\n${node.output}`);
      return /Caravan is serving/.test(node.output) || undefined;
    },
    300_000,
  );
}

async function stop(node: Node): Promise<void> {
  const child = node.child;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await exited, 0, `${node.name} did not stop cleanly:\n${node.output}`);
}

describe('an origin cosigned by a mirror acting as its witness, in two processes', () => {
  let tmp: string;
  let origin: Node;
  let witness: Node;
  let witnessKey: string;

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-witness-'));
    const [pa, pw] = [await freePort(), await freePort()];
    origin = { name: 'origin', dataDir: join(tmp, 'origin'), port: pa, url: `http://127.0.0.1:${pa}`, output: '' };
    witness = { name: 'witness', dataDir: join(tmp, 'witness'), port: pw, url: `http://127.0.0.1:${pw}`, output: '' };
  });

  after(async () => {
    for (const node of [origin, witness]) if (node?.child && node.child.exitCode === null) node.child.kill('SIGKILL');
    await rm(tmp, { recursive: true, force: true });
  });

  it('sets up: a witness key, a mirror of the origin, and witnessing served', STEP, async () => {
    const made = caravan(witness, ['keys', 'witness', 'new']);
    assert.equal(made.status, 0, made.stderr);
    witnessKey = /verifier key: (\S+)/.exec(made.stdout)![1]!;

    await start(origin);
    const followed = caravan(witness, ['mirror', 'add', origin.url]);
    assert.equal(followed.status, 0, followed.stderr + followed.stdout);
    await start(witness, ['--no-demo']);
    const about = await (await fetch(`${witness.url}/witness`)).text();
    assert.ok(about.includes(`verifier key: ${witnessKey}`), about);
  });

  it('registers the witness with its key discovered and trusted on first use', STEP, async () => {
    // The origin's embedded store belongs to its process: stop it to run the command.
    await stop(origin);
    const added = caravan(origin, ['witness', 'add', witness.url]);
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stderr, /WARNING: the key of .* trusted on first use/);
    assert.ok(added.stderr.includes(witnessKey));
    const listed = caravan(origin, ['witness', 'list']);
    assert.ok(listed.stdout.includes(`key: ${witnessKey}`), listed.stdout);
    await start(origin);
  });

  it('ends up serving its checkpoint cosigned by the witness', STEP, async () => {
    const note = await until('a cosigned checkpoint', async () => {
      const text = await (await fetch(`${origin.url}/log/checkpoint`)).text();
      return signatureLines(text).length >= 2 ? text : undefined;
    });
    assert.equal(countCosignatures(note, [witnessKey]), 1);
    assert.match(await (await fetch(`${origin.url}/log`)).text(), /witnessed by 1 mirror\./);
  });

  it('passes caravan verify demanding that witness, and fails demanding two', STEP, async () => {
    const state = { CARAVAN_STATE: join(tmp, 'state') };
    const ok = caravan(origin, ['verify', origin.url, '--witness', witnessKey, '--min-witnesses', '1'], state);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^verified 127\.0\.0\.1:\d+\/log: \d+ entries/);
    assert.match(ok.stdout, /cosigned by 1 of the 1 witnesses given$/m);
    const two = caravan(origin, ['verify', origin.url, '--witness', witnessKey, '--min-witnesses', '2'], state);
    assert.equal(two.status, 1, two.stdout);
    assert.match(two.stderr, /1 valid witness cosignature from the 1 witness key given, 2 required/);
  });

  it('stops both cleanly', STEP, async () => {
    await stop(origin);
    await stop(witness);
  });
});
