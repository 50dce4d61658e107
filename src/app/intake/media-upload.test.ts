import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MediaError, incomingDir, receiveMultipart, removeLeftUploads } from './media-upload.ts';
import { TooLargeError } from '../../core/errors.ts';

const BOUNDARY = '----caravanTestBoundary7MA4YWxk';
const LIMITS = { maxFiles: 2, maxFileBytes: 4096, maxTextBytes: 1024, maxFields: 10 };

type Part = { name: string; value: string } | { name: string; filename: string; data: Buffer };

function body(parts: Part[], { preamble = '', end = true } = {}): Buffer {
  const chunks: Buffer[] = [Buffer.from(preamble)];
  for (const p of parts) {
    const disposition = 'filename' in p ? `form-data; name="${p.name}"; filename="${p.filename}"` : `form-data; name="${p.name}"`;
    const type = 'filename' in p ? '\r\nContent-Type: application/octet-stream' : '';
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push('filename' in p ? p.data : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  if (end) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** A request whose body arrives `size` bytes at a time, as a slow link delivers it. */
function request(bytes: Buffer, size = bytes.length): Request {
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + size));
      at += size;
    },
  });
  return new Request('http://localhost/report', {
    method: 'POST',
    body: stream,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    duplex: 'half',
  } as RequestInit);
}

describe('receiveMultipart', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caravan-upload-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  // Bytes that look like a delimiter's start, so a parser that drops a partial match loses data.
  const photo = Buffer.concat([Buffer.from('\r\n--'), Buffer.from(BOUNDARY.slice(0, 20)), Buffer.alloc(1500, 7), Buffer.from('\r\n-')]);

  it('reads fields and streams files to disk, whatever the chunk size', async () => {
    for (const size of [1, 7, 64, 100_000]) {
      const parts: Part[] = [
        { name: 'what', value: 'Crowd at the akimat, «тысячи»' },
        { name: 'media', filename: 'a.jpg', data: photo },
        { name: 'lang', value: 'ru' },
      ];
      const got = await receiveMultipart(request(body(parts, { preamble: 'ignored preamble\r\n' }), size), dir, LIMITS);
      assert.deepEqual(got.fields, { what: 'Crowd at the akimat, «тысячи»', lang: 'ru' });
      assert.equal(got.files.length, 1);
      const file = got.files[0]!;
      assert.deepEqual(await readFile(file.path), photo, `chunk size ${size}`);
      assert.equal(file.bytes, photo.length);
      assert.equal(file.sha256, createHash('sha256').update(photo).digest('hex'));
      assert.deepEqual(file.head, photo.subarray(0, 64));
      await rm(file.path);
    }
  });

  it('skips the empty part a browser sends when no file was chosen', async () => {
    const got = await receiveMultipart(
      request(
        body([
          { name: 'what', value: 'x' },
          { name: 'media', filename: '', data: Buffer.alloc(0) },
        ]),
      ),
      dir,
      LIMITS,
    );
    assert.equal(got.files.length, 0);
    assert.deepEqual(got.fields, { what: 'x' });
  });

  async function refused(bytes: Buffer, size?: number): Promise<unknown> {
    const before = await readdir(dir);
    const err = await receiveMultipart(request(bytes, size), dir, LIMITS).then(
      () => assert.fail('should be refused'),
      (e: unknown) => e,
    );
    assert.deepEqual(await readdir(dir), before, 'no file is left behind');
    return err;
  }

  it('refuses a file over the limit as it arrives, and removes what was written', async () => {
    const err = await refused(body([{ name: 'media', filename: 'big.mp4', data: Buffer.alloc(5000) }]), 512);
    assert.ok(err instanceof MediaError);
    assert.equal(err.status, 413);
    assert.match(err.message, /“big\.mp4” is larger than/);
  });

  it('refuses more files than allowed', async () => {
    const file = (n: number): Part => ({ name: 'media', filename: `${n}.jpg`, data: Buffer.from([n]) });
    const err = await refused(body([file(1), file(2), file(3)]));
    assert.ok(err instanceof MediaError);
    assert.equal(err.status, 422);
    assert.match(err.message, /too many files: at most 2/);
  });

  it('refuses too much text, a truncated body and files under another name', async () => {
    assert.ok((await refused(body([{ name: 'what', value: 'x'.repeat(2000) }]))) instanceof TooLargeError);
    const cut = body([{ name: 'media', filename: 'a.jpg', data: photo }], { end: false });
    assert.match(String(await refused(cut.subarray(0, cut.length - 10))), /ended before its last part/);
    assert.match(
      String(await refused(body([{ name: 'what', filename: 'x.txt', data: Buffer.from('hi') }]))),
      /files are accepted only as media/,
    );
    assert.match(String(await refused(body([{ name: 'media', filename: 'empty.jpg', data: Buffer.alloc(0) }]))), /“empty\.jpg” is empty/);
  });
});

describe('removeLeftUploads', () => {
  it('removes at once what a stopped process left, not what a live one is receiving', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'caravan-incoming-'));
    try {
      const mine = incomingDir(dataDir);
      await mkdir(mine, { recursive: true });
      await writeFile(join(mine, 'arriving'), 'arriving now');
      // A dead process's folder (pid 2^22 is above Linux's pid_max) and a loose file of an older
      // layout, both written a moment ago: no age spares them.
      await mkdir(join(dataDir, 'incoming', '4194304-12345'));
      await writeFile(join(dataDir, 'incoming', '4194304-12345', 'original'), 'original with GPS');
      await writeFile(join(dataDir, 'incoming', 'loose'), 'original with GPS');
      assert.equal(await removeLeftUploads(dataDir), 2);
      assert.deepEqual(await readdir(join(dataDir, 'incoming')), [basename(mine)]);
      assert.deepEqual(await readdir(mine), ['arriving']);
      assert.equal(await removeLeftUploads(join(dataDir, 'missing')), 0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
