import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCheckpoint } from '../../log/checkpoint.ts';
import { generateSignerKey, openNote, parseSignerKey, parseVerifierKey } from '../../log/note.ts';
import { appendLogEntries } from '../../store/log.ts';
import { logOrigin, logOriginOf } from './log-key.ts';
import { openTestApp } from '../../http/testing.ts';

test("a new log's origin is its URL prefix without scheme, as C2SP tlog-tiles recommends", () => {
  assert.equal(logOrigin('https://chronicle.example.org'), 'chronicle.example.org/log');
  assert.equal(logOrigin('https://chronicle.example.org/kz/'), 'chronicle.example.org/kz/log');
});

test('a log keeps the origin it already signed, else the one its key was made with', () => {
  assert.equal(logOriginOf({ name: 'chronicle.example.org/log' }), 'chronicle.example.org/log');
  assert.equal(
    logOriginOf({ name: 'chronicle.example.org/log' }, 'old.example.org\n5\nAAAA\n\n— old.example.org sig\n'),
    'old.example.org',
  );
});

test('an existing log, whose key was named after the bare address, keeps signing that origin', async () => {
  const signer = parseSignerKey(generateSignerKey('localhost').signerKey);
  const t = await openTestApp({ logSigner: signer });
  try {
    await appendLogEntries(t.db, [new TextEncoder().encode('{"v":1}')]);
    const note = await (await t.app.request('http://localhost/log/checkpoint')).text();
    const opened = openNote(note, [parseVerifierKey(signer.verifierKey)]);
    assert.equal(opened.verified.length, 1);
    assert.equal(parseCheckpoint(opened.text).origin, 'localhost');
  } finally {
    await t.close();
  }
});
