/**
 * A log source reads what another server or a carried folder holds only up to the size a log's
 * path can rightly have, so a hostile origin cannot fill a mirror's memory with one answer.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_CHECKPOINT_BYTES, maxLogPathBytes } from './download.ts';
import { SourceUnavailableError, folderSource, httpSource } from './sources.ts';

/** A body that never ends, counting what was read of it. */
function endless(): { body: ReadableStream<Uint8Array>; sent: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 << 10);
  return {
    body: new ReadableStream({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    }),
    sent: () => sent,
  };
}

describe('a log source over HTTP', () => {
  it('stops reading an answer past what its path can hold, and says so', async () => {
    const stream = endless();
    let calls = 0;
    const source = httpSource('http://origin.test/log/', {
      attempts: 3,
      retryDelayMs: 1,
      fetch: async () => {
        calls++;
        return new Response(stream.body);
      },
    });
    await assert.rejects(
      source.read('tile/0/000'),
      (err) => err instanceof SourceUnavailableError && /is larger than 8192 bytes/.test(err.message),
    );
    assert.equal(calls, 1, 'an oversized answer is not asked for again');
    assert.ok(stream.sent() < 1 << 20, `read ${stream.sent()} bytes of an endless body`);
  });

  it('refuses at once what declares itself too large', async () => {
    const stream = endless();
    const source = httpSource('http://origin.test/log/', {
      fetch: async () => new Response(stream.body, { headers: { 'content-length': String(MAX_CHECKPOINT_BYTES + 1) } }),
    });
    await assert.rejects(source.read('checkpoint'), /checkpoint is larger than/);
    assert.ok(stream.sent() <= 2 * (64 << 10), 'the body was barely touched');
  });

  it('still reads a full entry bundle, the largest thing a log holds', async () => {
    const full = new Uint8Array(maxLogPathBytes('tile/entries/000'));
    const source = httpSource('http://origin.test/log/', { fetch: async () => new Response(full) });
    assert.equal((await source.read('tile/entries/000'))?.length, full.length);
  });
});

describe('a log source in a folder', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caravan-sources-'));
    await mkdir(join(dir, 'tile', '0'), { recursive: true });
    await writeFile(join(dir, 'checkpoint'), 'example.org/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n');
    await writeFile(join(dir, 'tile', '0', '000'), new Uint8Array(8192 + 1));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('refuses a file larger than its path can hold, before reading it', async () => {
    const source = await folderSource(dir);
    assert.match(new TextDecoder().decode(await source.read('checkpoint')), /^example\.org\/log\n/);
    await assert.rejects(
      source.read('tile/0/000'),
      (err) => err instanceof SourceUnavailableError && /is larger than 8192 bytes/.test(err.message),
    );
    assert.equal(await source.read('tile/0/001'), undefined, 'a missing file is absent, not an error');
  });
});
