/**
 * `caravan witness add|list|remove`: the key is checked to be a witness key, read from the
 * witness's /witness page with a loud trust-on-first-use warning when not given, and the
 * registry lists and forgets witnesses by name.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSignerKey } from '../../log/note.ts';
import { loadConfig } from '../../app/config.ts';
import { type TestApp, openTestApp } from '../../http/testing.ts';
import { ephemeralWitnessKey } from '../../app/keys/witness-key.ts';
import { main } from '../main.ts';
import { submissionPrefix, witnessAdd } from './action.ts';

let dir: string;
let witnessApp: TestApp;
const key = ephemeralWitnessKey('mirror.example/witness');
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caravan-witness-cli-'));
  witnessApp = await openTestApp({ witnessKey: key });
});
after(async () => {
  await witnessApp?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = { CARAVAN_DATA: '', CARAVAN_ORIGIN: 'https://chronicle.example.org' };
const config = () => loadConfig({ ...env, CARAVAN_DATA: dir });

function capture(t: { mock: { method: typeof import('node:test').mock.method } }) {
  const out: string[] = [];
  const err: string[] = [];
  t.mock.method(console, 'log', (...a: unknown[]) => void out.push(a.join(' ')));
  t.mock.method(console, 'error', (...a: unknown[]) => void err.push(a.join(' ')));
  return { out: () => out.join('\n'), err: () => err.join('\n') };
}

describe('caravan witness', () => {
  it('reads the submission prefix from a chronicle URL or the prefix itself', () => {
    assert.equal(submissionPrefix('https://m.example'), 'https://m.example/witness');
    assert.equal(submissionPrefix('https://m.example/kz/witness/'), 'https://m.example/kz/witness');
    assert.equal(submissionPrefix('https://m.example/witness/add-checkpoint'), 'https://m.example/witness');
    assert.throws(() => submissionPrefix('ftp://m.example'), /not an http/);
  });

  it('takes a prefix that does not end in /witness as given, as tlog-witness allows any prefix', () => {
    assert.equal(submissionPrefix('https://witness.example.net/tlog/'), 'https://witness.example.net/tlog');
    assert.equal(submissionPrefix('https://witness.example.net/tlog/add-checkpoint'), 'https://witness.example.net/tlog');
    assert.equal(submissionPrefix('https://m.example/kz/witness'), 'https://m.example/kz/witness');
  });

  it("answers --key '' with one line naming the problem, not a stack trace", async (t) => {
    const io = capture(t);
    const code = await main(['witness', 'add', 'https://witness.example.net/tlog', '--key', ''], { ...env, CARAVAN_DATA: dir });
    assert.equal(code, 1);
    assert.equal(io.err().split('\n').length, 1, io.err());
    assert.match(io.err(), /^caravan witness: --key is empty/);
    assert.doesNotMatch(io.err(), /\bat \S+ \(|Error:/);
  });

  it('discovers the key at /witness and warns that it is trusted on first use', async (t) => {
    const io = capture(t);
    const viaApp = async (url: string) => {
      const res = await witnessApp.app.request(url);
      return { status: res.status, text: await res.text() };
    };
    assert.equal(await witnessAdd(config(), 'http://localhost', undefined, viaApp), 0, io.err());
    assert.match(io.out(), /added witness mirror\.example\/witness at http:\/\/localhost\/witness/);
    assert.match(io.err(), /WARNING: the key of mirror\.example\/witness was read from http:\/\/localhost\/witness itself/);
    assert.ok(io.err().includes(key.verifierKey));
  });

  it('lists witnesses, refuses a duplicate and a log key, and removes by name', async (t) => {
    const io = capture(t);
    const run = (...argv: string[]) => main(argv, { ...env, CARAVAN_DATA: dir });
    assert.equal(await run('witness', 'list'), 0);
    assert.match(io.out(), new RegExp(`key: ${key.verifierKey.replace(/[+/]/g, '\\$&')}`));
    assert.match(io.out(), /last cosigned size: 0/);
    assert.equal(await run('witness', 'add', 'https://other.example', '--key', key.verifierKey), 1);
    assert.match(io.err(), /already registered/);
    const logKey = generateSignerKey('chronicle.example.org').verifierKey;
    assert.equal(await run('witness', 'add', 'https://other.example', '--key', logKey), 1);
    assert.match(io.err(), /is not a witness \(cosignature, type 0x04\) key/);
    assert.equal(await run('witness', 'remove', 'mirror.example/witness'), 0);
    assert.equal(await run('witness', 'remove', 'mirror.example/witness'), 1);
    assert.equal(await run('witness', 'list'), 0);
    assert.match(io.out(), /no witnesses/);
  });
});
