/**
 * `caravan keys log`: the key file it makes is private and never replaced, and the verifier
 * key it prints checks the checkpoints the server then signs with that file.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseCheckpoint } from '../../log/checkpoint.ts';
import { openNote, parseVerifierKey } from '../../log/note.ts';
import { createApp } from '../../http/app.tsx';
import { loadConfig } from '../../app/config.ts';
import { contextFor } from '../../app/context.ts';
import { loadLogSigner } from '../../app/keys/log-key.ts';
import { openTestDb } from '../../store/testing.ts';
import { main } from '../main.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caravan-keys-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const env = () => ({ CARAVAN_DATA: dir, CARAVAN_ORIGIN: 'https://chronicle.example.org/kz' });

/** Runs the CLI in this process and returns its exit code and what it printed. */
async function caravan(t: { mock: { method: typeof import('node:test').mock.method } }, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  t.mock.method(console, 'log', (...a: unknown[]) => void out.push(a.join(' ')));
  t.mock.method(console, 'error', (...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(argv, env());
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('caravan keys log', () => {
  it('says there is no key before one is made', async (t) => {
    const r = await caravan(t, 'keys', 'log', 'show');
    assert.equal(r.code, 1);
    assert.match(r.err, /no log key .*"caravan keys log init"/);
  });

  it('makes a key file only its owner can read, and never replaces it', async (t) => {
    const made = await caravan(t, 'keys', 'log', 'init');
    assert.equal(made.code, 0, made.err);
    const file = join(dir, 'keys', 'log.key');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const text = await readFile(file, 'utf8');
    assert.match(text, /^PRIVATE\+KEY\+chronicle\.example\.org\/kz\/log\+[0-9a-f]{8}\+/);
    const again = await caravan(t, 'keys', 'log', 'init');
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists; a log key is never replaced/);
    assert.equal(await readFile(file, 'utf8'), text, 'the key is untouched');
    // The server, starting on this data folder, uses the key rather than making another.
    assert.equal((await loadLogSigner(dir, env().CARAVAN_ORIGIN)).verifierKey, /verifier key: (\S+)/.exec(made.out)?.[1]);
  });

  it('prints the origin and the verifier key that checks the server’s checkpoints', async (t) => {
    const shown = await caravan(t, 'keys', 'log', 'show');
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /^origin: chronicle\.example\.org\/kz\/log$/m);
    const verifierKey = /^verifier key: (\S+)$/m.exec(shown.out)?.[1];
    assert.ok(verifierKey, shown.out);
    assert.equal((await caravan(t, 'keys', 'log')).out, shown.out, 'plain "keys log" shows');

    const config = loadConfig(env());
    const db = await openTestDb();
    try {
      const app = createApp(contextFor(config, db, { logSigner: await loadLogSigner(config.dataDir, config.origin) }));
      const note = await (await app.request('https://chronicle.example.org/log/checkpoint')).text();
      const opened = openNote(note, [parseVerifierKey(verifierKey)]);
      assert.equal(opened.verified.length, 1, 'the printed key verifies the checkpoint');
      assert.equal(parseCheckpoint(opened.text).origin, 'chronicle.example.org/kz/log');
    } finally {
      await db.close();
    }
  });
});
