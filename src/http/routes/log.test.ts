/**
 * The served log, end to end through the HTTP app: what a generic tlog-tiles client fetches
 * verifies against the chronicle's key at every interesting size, and bad or premature tile
 * requests get the answers the spec's clients expect.
 */
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { parseCheckpoint } from '../../log/checkpoint.ts';
import { type LogEntry, encodeLogEntry } from '../../log/entry.ts';
import { fromUtf8 } from '../../log/hash.ts';
import { openNote, parseVerifierKey } from '../../log/note.ts';
import { decodeEntryBundle } from '../../log/tiles.ts';
import { type LogSource, verifyTiledLog } from '../../log/verify-log.ts';
import { appendLogEntries, getLogTreeHead } from '../../store/log.ts';
import { type TestApp, openTestApp } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(() => t?.close());

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`http://localhost${path}`, { headers });

/** What a tlog client sees: files under the /log prefix; 404 means "not there". */
function httpSource(): LogSource {
  return {
    async read(path) {
      const res = await get(`/log/${path}`);
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw new Error(`GET /log/${path}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

/** Grows the log straight through the store to `size` entries of the real entry format. */
async function growTo(size: number): Promise<void> {
  const { size: now } = await getLogTreeHead(t.db);
  const entries = Array.from({ length: size - now }, (_, i): Uint8Array => {
    const entry: LogEntry = {
      v: 1,
      type: 'unpublish',
      event: now + i + 1,
      revision: 1,
      at: new Date(Date.UTC(2022, 0, 6, 0, 0, now + i)).toISOString(),
    };
    return encodeLogEntry(entry);
  });
  if (entries.length > 0) await t.db.transaction((tx) => appendLogEntries(tx, entries));
}

describe('the log over HTTP', () => {
  it('verifies end to end at sizes 0, 1, 255, 256, 257 and 600, each extending the last', async () => {
    const verifierKey = t.ctx.logSigner.verifierKey;
    let previous: { size: number; root: Uint8Array } | undefined;
    for (const size of [0, 1, 255, 256, 257, 600]) {
      await growTo(size);
      const res = await get('/log/checkpoint');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.match(res.headers.get('cache-control') ?? '', /no-cache|max-age=[0-5]\b/);
      const result = await verifyTiledLog(httpSource(), { verifierKey, origin: 'localhost/log', ...(previous ? { previous } : {}) });
      assert.equal(result.checkpoint.size, size, `size ${size}`);
      assert.equal(result.entries, size);
      previous = { size, root: result.checkpoint.root };
    }
  });

  it('signs the checkpoint with the chronicle’s key and origin, once per size', async () => {
    const first = await (await get('/log/checkpoint')).text();
    const opened = openNote(first, [parseVerifierKey(t.ctx.logSigner.verifierKey)]);
    assert.equal(opened.verified.length, 1);
    const cp = parseCheckpoint(opened.text);
    assert.equal(cp.origin, 'localhost/log', "a new log's origin is its tlog-tiles prefix without scheme");
    assert.equal(cp.size, (await getLogTreeHead(t.db)).size);
    assert.equal(await (await get('/log/checkpoint')).text(), first, 'an unchanged log is not signed again');
    await growTo(cp.size + 1);
    const next = parseCheckpoint(
      openNote(await (await get('/log/checkpoint')).text(), [parseVerifierKey(t.ctx.logSigner.verifierKey)]).text,
    );
    assert.equal(next.size, cp.size + 1, 'a checkpoint always covers everything committed before the request');
  });

  it('serves tiles with the spec’s types and caching, and only what the tree holds', async () => {
    await growTo(700);
    const full = await get('/log/tile/0/001');
    assert.equal(full.status, 200);
    assert.equal(full.headers.get('content-type'), 'application/octet-stream');
    assert.equal(full.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal((await full.arrayBuffer()).byteLength, 256 * 32);
    const partial = await get('/log/tile/0/002.p/188');
    assert.equal(partial.status, 200);
    assert.equal(
      partial.headers.get('cache-control'),
      'public, max-age=31536000, immutable',
      'a partial tile of a given width never changes',
    );
    assert.equal((await partial.arrayBuffer()).byteLength, 188 * 32);
    assert.equal((await (await get('/log/tile/1/000.p/2')).arrayBuffer()).byteLength, 64);
    // A client holding an older checkpoint may ask for a narrower prefix of a tile.
    assert.equal((await get('/log/tile/0/002.p/5')).status, 200);

    for (const beyond of [
      '/log/tile/0/002.p/189',
      '/log/tile/0/002',
      '/log/tile/0/003.p/1',
      '/log/tile/1/000',
      '/log/tile/2/000.p/1',
      '/log/tile/entries/x001/000',
    ]) {
      const res = await get(beyond);
      assert.equal(res.status, 404, beyond);
      assert.equal(res.headers.get('cache-control'), 'no-store', `${beyond} must not be cached: it appears as the log grows`);
    }
    for (const bad of [
      '/log/tile/0/1',
      '/log/tile/0/0001',
      '/log/tile/00/000',
      '/log/tile/0/000.p/0',
      '/log/tile/0/000.p/256',
      '/log/tile/0/000.p/007',
      '/log/tile/0/x000/001',
      '/log/tile/64/000',
      '/log/tile/entries/000.p/',
      '/log/tile/x/000',
    ]) {
      const res = await get(bad);
      assert.equal(res.status, 400, bad);
      assert.match(await res.text(), /not a tile path/);
    }
  });

  it('serves entry bundles, gzipped for clients that accept it', async () => {
    const plainRes = await get('/log/tile/entries/000');
    assert.equal(plainRes.status, 200);
    assert.equal(plainRes.headers.get('content-encoding'), null);
    const plainBytes = new Uint8Array(await plainRes.arrayBuffer());
    const entries = decodeEntryBundle(plainBytes, 256);
    assert.deepEqual(JSON.parse(fromUtf8(entries[0]!)), { at: '2022-01-06T00:00:00.000Z', event: 1, revision: 1, type: 'unpublish', v: 1 });
    const zipped = await get('/log/tile/entries/000', { 'accept-encoding': 'gzip, identity' });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.match(zipped.headers.get('vary') ?? '', /accept-encoding/i);
    assert.deepEqual(new Uint8Array(gunzipSync(new Uint8Array(await zipped.arrayBuffer()))), plainBytes);
  });

  it('explains on /log, in both languages, how to check the chronicle', async () => {
    const head = await getLogTreeHead(t.db);
    const en = await (await get('/log')).text();
    assert.ok(en.includes(t.ctx.logSigner.verifierKey), 'the verifier key is printed');
    assert.match(en, /<code>localhost\/log<\/code>/);
    assert.match(en, new RegExp(`id="log-size">${head.size.toLocaleString('en-US')}<`));
    assert.match(en, /caravan verify http:\/\/localhost/);
    assert.match(en, /A correction is a new entry/);
    const ru = await (await get('/log?lang=ru')).text();
    assert.match(ru, /Как проверить хронику/);
    assert.ok(ru.includes(t.ctx.logSigner.verifierKey));
  });
});
