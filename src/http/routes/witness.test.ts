/**
 * The witness endpoint (C2SP tlog-witness add-checkpoint) over HTTP: every status the spec
 * names, bodies that are not requests, and concurrent requests that must not roll back the
 * cosigned size.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatCheckpoint } from '../../log/checkpoint.ts';
import { verifyCosignature } from '../../log/cosignature.ts';
import { utf8 } from '../../log/hash.ts';
import { TreeBuilder, consistencyProof, leafHash, nodeHash } from '../../log/merkle.ts';
import type { HashAt } from '../../log/merkle.ts';
import { generateSignerKey, parseSignerKey, signNote } from '../../log/note.ts';
import { formatAddCheckpointRequest } from '../../log/witness.ts';
import { insertMirror } from '../../store/mirrors.ts';
import { getWitnessedCheckpoint } from '../../store/witness.ts';
import { type TestApp, openTestApp } from '../testing.ts';
import { ephemeralWitnessKey } from '../../app/keys/witness-key.ts';

const ORIGIN = 'origin.test';
const logKey = generateSignerKey(ORIGIN);
const logSigner = parseSignerKey(logKey.signerKey);
const leaves = Array.from({ length: 64 }, (_, i) => leafHash(utf8(`entry ${i}`)));
const hashAt: HashAt = (level, index) => {
  let row = leaves;
  for (let l = 0; l < level; l++)
    row = row.reduce<Uint8Array[]>((acc, h, i) => {
      if (i % 2) acc.push(nodeHash(row[i - 1]!, h));
      return acc;
    }, []);
  return row[index]!;
};
const rootOf = (size: number, hashes = leaves) => {
  const b = new TreeBuilder();
  for (const h of hashes.slice(0, size)) b.append(h);
  return b.root();
};
const bodyOf = (size: number, root = rootOf(size), origin = ORIGIN) => formatCheckpoint({ origin, size, root, extensions: [] });
const noteOf = (size: number, signer = logSigner, root = rootOf(size), origin = ORIGIN) => signNote(bodyOf(size, root, origin), [signer]);
const request = (old: number, size: number, over: { proof?: Uint8Array[]; note?: string } = {}) =>
  formatAddCheckpointRequest({ oldSize: old, proof: over.proof ?? consistencyProof(old, size, hashAt), note: over.note ?? noteOf(size) });

describe('POST /witness/add-checkpoint', () => {
  let t: TestApp;
  let off: TestApp;
  const witness = ephemeralWitnessKey('witness.test/witness');
  const post = (body: string | Uint8Array, app = t) =>
    app.app.request('http://localhost/witness/add-checkpoint', {
      method: 'POST',
      body: body as string | Uint8Array<ArrayBuffer>,
      headers: { 'content-type': 'text/plain' },
    });

  before(async () => {
    t = await openTestApp({ witnessKey: witness });
    off = await openTestApp();
    await insertMirror(t.db, { origin: ORIGIN, logUrl: 'http://origin.test/log/', verifierKey: logKey.verifierKey, now: new Date() });
  });
  after(async () => {
    await t?.close();
    await off?.close();
  });

  it('is off, with a 404 saying so, until the chronicle has a witness key', async () => {
    const res = await post(request(0, 3), off);
    assert.equal(res.status, 404);
    assert.match(await res.text(), /not a witness.*caravan keys witness new/);
    assert.equal((await off.app.request('http://localhost/witness')).status, 404);
  });

  it('describes itself at /witness with its verifier key and the logs it follows', async () => {
    const res = await t.app.request('http://localhost/witness');
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(text.includes(`verifier key: ${witness.verifierKey}`));
    assert.match(text, /add-checkpoint: POST http:\/\/localhost\/witness\/add-checkpoint/);
    assert.match(text, /^ {2}origin\.test$/m);
  });

  it('answers 404 for a log it does not mirror', async () => {
    const other = parseSignerKey(generateSignerKey('elsewhere.test').signerKey);
    const res = await post(request(0, 3, { note: noteOf(3, other, rootOf(3), 'elsewhere.test') }));
    assert.equal(res.status, 404);
    assert.match(await res.text(), /does not follow a log with origin "elsewhere\.test"/);
  });

  it('answers 403 when the checkpoint is not signed by the mirrored log key', async () => {
    const impostor = parseSignerKey(generateSignerKey(ORIGIN).signerKey);
    const res = await post(request(0, 3, { note: noteOf(3, impostor) }));
    assert.equal(res.status, 403);
  });

  it('cosigns a first checkpoint with a cosignature that verifies over the checkpoint body', async () => {
    const res = await post(request(0, 5));
    assert.equal(res.status, 200);
    const lines = (await res.text()).split('\n').filter(Boolean);
    assert.equal(lines.length, 1);
    const { timestamp } = verifyCosignature(bodyOf(5), lines[0]!, witness.verifierKey);
    assert.ok(Math.abs(timestamp - Date.now() / 1000) < 600);
    assert.equal((await getWitnessedCheckpoint(t.db, ORIGIN))?.size, 5);
  });

  it('answers 400 when the old size is larger than the checkpoint', async () => {
    const res = await post(request(5, 3, { proof: [] }));
    assert.equal(res.status, 400);
    assert.match(await res.text(), /old size 5 is larger than the checkpoint size 3/);
  });

  it('answers 409 with its size as text/x.tlog.size when the old size is not the one it cosigned', async () => {
    const res = await post(request(3, 9));
    assert.equal(res.status, 409);
    assert.equal(res.headers.get('content-type'), 'text/x.tlog.size');
    assert.equal(await res.text(), '5\n');
  });

  it('answers 422 when the consistency proof does not verify', async () => {
    const proof = consistencyProof(5, 9, hashAt);
    proof[1] = new Uint8Array(32).fill(7);
    const res = await post(request(5, 9, { proof }));
    assert.equal(res.status, 422);
    assert.match(await res.text(), /consistency proof from 5 to 9 does not verify/);
    assert.equal((await getWitnessedCheckpoint(t.db, ORIGIN))?.size, 5, 'nothing stored');
  });

  it('refuses a fork: same size, another root (409), and a rewritten prefix (422)', async () => {
    const forked = leaves.map((h, i) => (i === 1 ? leafHash(utf8('rewritten')) : h));
    const same = await post(request(5, 5, { proof: [], note: noteOf(5, logSigner, rootOf(5, forked)) }));
    assert.equal(same.status, 409);
    assert.match(await same.text(), /different root/);
    const grown = await post(request(5, 9, { note: noteOf(9, logSigner, rootOf(9, forked)) }));
    assert.equal(grown.status, 422);
  });

  it('cosigns growth with a real proof, and the same checkpoint again', async () => {
    assert.equal((await post(request(5, 9))).status, 200);
    const again = await post(request(9, 9, { proof: [] }));
    assert.equal(again.status, 200);
    const line = (await again.text()).trim();
    assert.doesNotThrow(() => verifyCosignature(bodyOf(9), line, witness.verifierKey));
  });

  it('answers 400 naming the problem for bodies that are not requests, never 500', async () => {
    const good = request(9, 17);
    const cases: Array<[string | Uint8Array, RegExp]> = [
      ['', /old <size>/],
      [`old 09\n\n${noteOf(9)}`, /leading zeros/],
      [good.replace('\n\n', '\n'), /proof line|empty line|bytes/],
      [Uint8Array.of(0x6f, 0x6c, 0x64, 0x20, 0xff, 0x0a), /not UTF-8/],
      [request(9, 9, { proof: [], note: 'origin.test\n9\nnot a note\n' }), /malformed|signature/],
    ];
    for (const [body, pattern] of cases) {
      const res = await post(body);
      assert.equal(res.status, 400, String(body).slice(0, 40));
      assert.match(await res.text(), pattern);
    }
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(random() * good.length);
      const res = await post(good.slice(0, at) + ['\n', 'x', ' ', '0'][i % 4] + good.slice(at + 1));
      assert.ok([200, 400, 403, 404, 409, 422].includes(res.status), `status ${res.status}`);
      await res.body?.cancel();
    }
  });

  it('answers 400 to a NUL anywhere in the note, before any lookup, and logs nothing of the request', async (ctx) => {
    // Before, a NUL in the origin line reached PostgreSQL: 500, and the whole database error,
    // request bytes included, went to the log.
    const logged = ctx.mock.method(console, 'error', () => undefined);
    const good = request(0, 3);
    const note = noteOf(3);
    for (const body of [
      good.replace(`${ORIGIN}\n`, `${ORIGIN}\u0000\n`),
      good.replace(`${ORIGIN}\n`, `\u0000secret-bytes\n`),
      `${good.slice(0, -2)}\u0000\n`,
    ]) {
      const res = await post(body);
      assert.equal(res.status, 400, JSON.stringify(body.slice(0, 60)));
      assert.match(await res.text(), /malformed: note contains a control character/);
    }
    assert.equal(logged.mock.callCount(), 0, String(logged.mock.calls[0]?.arguments));
    assert.equal((await post(request(0, 3, { note }))).status, 409, 'the witness still answers well-formed requests');
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const res = await post(`old 0\n\n${'x'.repeat(70_000)}`);
    assert.equal(res.status, 413);
    assert.match(await res.text(), /larger than 65536 bytes/);
  });

  it('lets exactly one of concurrent requests advance the size, and never back', async () => {
    const before = (await getWitnessedCheckpoint(t.db, ORIGIN))!.size;
    const sizes = [20, 40, 30, 64, 25, 50];
    const answers = await Promise.all(sizes.map((s) => post(request(before, s))));
    const statuses = answers.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1, statuses.join(' '));
    const winner = sizes[statuses.indexOf(200)]!;
    for (const r of answers) if (r.status === 409) assert.equal(await r.text(), `${winner}\n`);
    assert.equal((await getWitnessedCheckpoint(t.db, ORIGIN))?.size, winner);
    // A stale request from the old size afterwards cannot roll it back.
    assert.equal((await post(request(before, 19))).status, 409);
    assert.equal((await getWitnessedCheckpoint(t.db, ORIGIN))?.size, winner);
  });
});
