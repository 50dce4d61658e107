/**
 * The mirror over a bad link: two network namespaces of our own joined by a veth pair, the
 * origin's side shaped with netem (64 kbit/s, 300 ms delay, 10% loss by default), the origin in
 * one namespace and `caravan mirror add` plus `caravan verify` in the other, as real processes.
 * Needs Linux, root (CAP_NET_ADMIN), iproute2 and a kernel with the netem qdisc
 * (CONFIG_NET_SCH_NETEM, module sch_netem). Outside CI it skips, saying which is missing;
 * in CI it fails instead.
 * CARAVAN_NETEM_QDISC replaces the qdisc spec, e.g. "tbf rate 64kbit burst 4kb latency 2s" on
 * a kernel without netem, to exercise the rest of the path.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, type OriginProcess, startOrigin } from './fixtures/origin-process.ts';

const NS_ORIGIN = `cvo${process.pid}`;
const NS_MIRROR = `cvm${process.pid}`;
const VETH_ORIGIN = `cvo${process.pid}`.slice(0, 15);
const VETH_MIRROR = `cvm${process.pid}`.slice(0, 15);
const ORIGIN_IP = '10.77.0.1';
const MIRROR_IP = '10.77.0.2';
const QDISC = (process.env.CARAVAN_NETEM_QDISC ?? 'netem rate 64kbit delay 300ms loss 10%').split(/\s+/);
/** Set when the kernel lacks netem and the link is made from tbf and nftables instead. */
let fallback: string | undefined;

function run(argv: string[]): { ok: boolean; output: string } {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

/** Builds the two namespaces and the shaped link; returns why it cannot, or undefined. */
function setUpLink(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (!run(['ip', '-V']).ok) return 'iproute2 (the ip command) is not installed';
  if (!run(['tc', '-V']).ok) return 'iproute2 (the tc command) is not installed';
  const add = run(['ip', 'netns', 'add', NS_ORIGIN]);
  if (!add.ok) return `cannot create a network namespace (needs root with CAP_NET_ADMIN): ${add.output}`;
  const steps = [
    ['ip', 'netns', 'add', NS_MIRROR],
    ['ip', 'link', 'add', VETH_ORIGIN, 'type', 'veth', 'peer', 'name', VETH_MIRROR],
    ['ip', 'link', 'set', VETH_ORIGIN, 'netns', NS_ORIGIN],
    ['ip', 'link', 'set', VETH_MIRROR, 'netns', NS_MIRROR],
    ['ip', '-n', NS_ORIGIN, 'addr', 'add', `${ORIGIN_IP}/24`, 'dev', VETH_ORIGIN],
    ['ip', '-n', NS_MIRROR, 'addr', 'add', `${MIRROR_IP}/24`, 'dev', VETH_MIRROR],
    ['ip', '-n', NS_ORIGIN, 'link', 'set', VETH_ORIGIN, 'up'],
    ['ip', '-n', NS_MIRROR, 'link', 'set', VETH_MIRROR, 'up'],
    ['ip', '-n', NS_ORIGIN, 'link', 'set', 'lo', 'up'],
    ['ip', '-n', NS_MIRROR, 'link', 'set', 'lo', 'up'],
  ];
  for (const step of steps) {
    const r = run(step);
    if (!r.ok) return `${step.join(' ')} failed: ${r.output}`;
  }
  // Shape both directions: requests and answers both cross the bad link.
  for (const [ns, dev] of [
    [NS_ORIGIN, VETH_ORIGIN],
    [NS_MIRROR, VETH_MIRROR],
  ] as const) {
    const r = run(['ip', 'netns', 'exec', ns, 'tc', 'qdisc', 'add', 'dev', dev, 'root', ...QDISC]);
    if (r.ok) continue;
    if (process.env.CARAVAN_NETEM_QDISC || !/unknown/i.test(r.output)) {
      return `tc qdisc add dev ${dev} root ${QDISC.join(' ')} failed: ${r.output}`;
    }
    // This kernel has no netem (CONFIG_NET_SCH_NETEM off, no modules). The same link is then
    // made from parts it does have: tbf for 64 kbit/s and nftables dropping 10% of packets at
    // random. Only the fixed 300 ms delay cannot be made without netem.
    fallback = 'no netem in this kernel: 64 kbit/s by tbf and 10% random loss by nftables, without the 300 ms delay';
    const tbf = run([
      'ip',
      'netns',
      'exec',
      ns,
      'tc',
      'qdisc',
      'add',
      'dev',
      dev,
      'root',
      'tbf',
      'rate',
      '64kbit',
      'burst',
      '4kb',
      'latency',
      '2s',
    ]);
    if (!tbf.ok) return `tc qdisc add dev ${dev} root tbf failed: ${tbf.output}`;
    const nft = [
      ['nft', 'add', 'table', 'inet', 'lossy'],
      ['nft', 'add', 'chain', 'inet', 'lossy', 'in', '{ type filter hook input priority 0; }'],
      ['nft', 'add', 'rule', 'inet', 'lossy', 'in', 'iifname', dev, 'numgen', 'random', 'mod', '10', '0', 'drop'],
    ];
    for (const step of nft) {
      const n = run(['ip', 'netns', 'exec', ns, ...step]);
      if (!n.ok) return `${step.join(' ')} failed (install nftables): ${n.output}`;
    }
  }
  return undefined;
}

function tearDownLink(): void {
  // Deleting a namespace deletes the veth end inside it, and with it the pair.
  run(['ip', 'netns', 'del', NS_ORIGIN]);
  run(['ip', 'netns', 'del', NS_MIRROR]);
}

const skipReason = setUpLink();
if (skipReason) tearDownLink();
if (skipReason && process.env.CI === 'true') {
  throw new Error(`mirror over netem cannot run in CI: ${skipReason}`);
}

describe('a mirror syncing over a slow, lossy link', { skip: skipReason ?? false }, () => {
  let tmp: string;
  let origin: OriginProcess | undefined;

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-netem-'));
  });

  after(async () => {
    await origin?.kill();
    tearDownLink();
    await rm(tmp, { recursive: true, force: true });
  });

  it('completes and verifies', { timeout: 15 * 60_000 }, async (t) => {
    if (fallback) t.diagnostic(fallback);
    origin = await startOrigin({
      dataDir: join(tmp, 'origin'),
      origin: 'http://netem-origin.test',
      host: ORIGIN_IP,
      prefix: ['ip', 'netns', 'exec', NS_ORIGIN],
    });
    assert.match(await origin.send('publish 30 slow'), /^published 30 /);
    const url = `http://${ORIGIN_IP}:${origin.port}`;
    const env: Record<string, string | undefined> = {
      ...process.env,
      CARAVAN_DATA: join(tmp, 'mirror'),
      CARAVAN_STATE: join(tmp, 'state'),
    };
    delete env.DATABASE_URL;
    const inMirrorNs = (args: string[]) =>
      spawnSync('ip', ['netns', 'exec', NS_MIRROR, process.execPath, 'bin/caravan.js', ...args], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 10 * 60_000,
      });

    const add = inMirrorNs(['mirror', 'add', url]);
    assert.equal(add.status, 0, `${add.stdout}${add.stderr}`);
    assert.match(add.stdout, /netem-origin\.test\/log: verified and stored entries 0 to 29; size 30/);
    const verify = inMirrorNs(['verify', url]);
    assert.equal(verify.status, 0, `${verify.stdout}${verify.stderr}`);
    assert.match(verify.stdout, /^verified netem-origin\.test\/log: 30 entries/);
    const status = inMirrorNs(['mirror', 'status']);
    assert.equal(status.status, 0, status.stderr);
    assert.match(status.stdout, /netem-origin\.test\/log {2}verified size 30/);
  });
});
