/**
 * `caravan keys witness`: off until "new" makes a private key file, which is never replaced;
 * "show" prints the type 0x04 verifier key cosignatures verify against.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cosignCheckpoint, verifyCosignature } from '../../log/cosignature.ts';
import { verifierKeyParts } from '../../log/note.ts';
import { loadWitnessKey } from '../../app/keys/witness-key.ts';
import { main } from '../main.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caravan-witness-key-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const env = () => ({ CARAVAN_DATA: dir, CARAVAN_ORIGIN: 'https://mirror.example.org' });

async function caravan(t: { mock: { method: typeof import('node:test').mock.method } }, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  t.mock.method(console, 'log', (...a: unknown[]) => void out.push(a.join(' ')));
  t.mock.method(console, 'error', (...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(argv, env());
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('caravan keys witness', () => {
  it('says witnessing is off before a key is made', async (t) => {
    const r = await caravan(t, 'keys', 'witness');
    assert.equal(r.code, 1);
    assert.match(r.err, /witnessing is off/);
    assert.equal(await loadWitnessKey(dir), undefined);
  });

  it('makes an owner-only key named after the public host, and never replaces it', async (t) => {
    const made = await caravan(t, 'keys', 'witness', 'new');
    assert.equal(made.code, 0, made.err);
    const vkey = /verifier key: (\S+)/.exec(made.out)?.[1];
    assert.ok(vkey);
    assert.match(vkey, /^mirror\.example\.org\/witness\+[0-9a-f]{8}\+/);
    assert.equal(verifierKeyParts(vkey).type, 0x04);
    assert.equal((await stat(join(dir, 'keys', 'witness.key'))).mode & 0o777, 0o600);

    const again = await caravan(t, 'keys', 'witness', 'new');
    assert.equal(again.code, 1);
    assert.match(again.err, /never replaced/);

    const shown = await caravan(t, 'keys', 'witness', 'show');
    assert.match(shown.out, new RegExp(`verifier key: ${vkey.replace(/[+/]/g, '\\$&')}`));
    assert.match(shown.out, /submission prefix: https:\/\/mirror\.example\.org\/witness/);

    const key = (await loadWitnessKey(dir))!;
    const body = 'chronicle.example/kz\n1\nrKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=\n';
    assert.deepEqual(verifyCosignature(body, cosignCheckpoint(body, key.signer, 5), vkey), { timestamp: 5 });
  });
});
