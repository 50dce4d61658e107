import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import { encodeLogEntry } from '../../log/entry.ts';
import { generateSignerKey } from '../../log/note.ts';
import { mapSource, memoryLogFiles } from '../../log/testing.ts';
import { verifyTiledLog } from '../../log/verify-log.ts';
import { type BundleMediaFile, BundleError, openBundle, writeBundle } from './bundle.ts';
import type { LogSource } from './sources.ts';

const ORIGIN = 'chronicle.example';
const { signerKey, verifierKey } = generateSignerKey(ORIGIN);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const PHOTO = new TextEncoder().encode('not really a jpeg, but bytes all the same');
const PHOTO_SHA = sha256(PHOTO);

/** Small but real Caravan entries; the first references PHOTO. */
function entries(count: number, pad = 0): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2022, 0, 6, 0, 0, i)).toISOString();
    const record: Record<string, unknown> = { id: i + 1, revision: 1, status: 'verified', publishedAt: at, summary: 'x'.repeat(pad) };
    if (i === 0) record.media = [{ sha256: PHOTO_SHA, mime: 'image/jpeg', bytes: PHOTO.length }];
    return encodeLogEntry({ v: 1, type: 'publish', event: i + 1, revision: 1, at, record: record as never });
  });
}

const withSource = (files: Map<string, Uint8Array>): LogSource => ({ ...mapSource(files), description: 'memory' });
const media = async (sha: string): Promise<BundleMediaFile | undefined> =>
  sha === PHOTO_SHA ? { bytes: PHOTO.length, open: () => Readable.from([Buffer.from(PHOTO)]) } : undefined;

/** Writes raw tar members, including ones no honest exporter writes. */
async function rawTar(
  file: string,
  members: Array<{ name: string; data?: Uint8Array; type?: 'file' | 'symlink' | 'directory' | 'character-device'; linkname?: string }>,
  end = true,
): Promise<void> {
  const pack = tar.pack();
  const done = pipeline(pack as unknown as Readable, createWriteStream(file));
  for (const m of members) {
    const data = Buffer.from(m.data ?? new Uint8Array());
    await new Promise<void>((resolve, reject) =>
      pack.entry(
        {
          name: m.name,
          type: m.type ?? 'file',
          size: m.type && m.type !== 'file' ? 0 : data.length,
          ...(m.linkname ? { linkname: m.linkname } : {}),
        },
        m.type && m.type !== 'file' ? Buffer.alloc(0) : data,
        (e) => (e ? reject(e) : resolve()),
      ),
    );
  }
  pack.finalize();
  await done;
  if (!end) {
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1024));
  }
}

describe('bundles', () => {
  let tmp: string;
  let plain: string;
  let bytes: Buffer;
  const files = memoryLogFiles(entries(300), signerKey, ORIGIN);
  const refused = async (file: string, pattern: RegExp) => {
    await assert.rejects(openBundle(file, { spoolMedia: true, spoolDir: tmp }), (err: unknown) => {
      assert.ok(err instanceof BundleError, String(err));
      assert.match(err.message, pattern);
      return true;
    });
  };

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-bundle-unit-'));
    plain = join(tmp, 'chronicle.tar');
    const written = await writeBundle(plain, {
      source: withSource(files),
      verifierKey,
      url: 'https://chronicle.example/',
      media,
      now: new Date('2026-01-02T03:04:05Z'),
    });
    assert.deepEqual({ size: written.size, media: written.media, missing: written.missingMedia }, { size: 300, media: 1, missing: [] });
    bytes = await readFile(plain);
    assert.equal(written.bytes, bytes.length);
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('round-trips the log and its media, bundle.json first, and leaves no temporary files', async () => {
    const opened = await openBundle(plain, { spoolMedia: true, spoolDir: tmp });
    try {
      assert.equal(opened.manifest.origin, ORIGIN);
      assert.equal(opened.manifest.size, 300);
      assert.deepEqual(opened.manifest.media, [{ sha256: PHOTO_SHA, bytes: PHOTO.length }]);
      const verified = await verifyTiledLog(opened.source, { verifierKey });
      assert.equal(verified.entries, 300);
      const photo = opened.media.get(PHOTO_SHA);
      assert.deepEqual(await readFile(photo!.path!), Buffer.from(PHOTO));
    } finally {
      await opened.close();
    }
    assert.deepEqual((await readdir(tmp)).sort(), ['chronicle.tar'], 'spooled media and the temporary bundle are gone');
    assert.equal(bytes.subarray(0, 11).toString(), 'bundle.json');
  });

  it('writes gzip when the name says so, and reads it back', async () => {
    const file = join(tmp, 'chronicle.tgz');
    await writeBundle(file, { source: withSource(files), verifierKey, url: 'https://chronicle.example/', media, now: new Date() });
    const head = await readFile(file);
    assert.deepEqual([head[0], head[1]], [0x1f, 0x8b]);
    const opened = await openBundle(file);
    assert.equal((await verifyTiledLog(opened.source, { verifierKey })).entries, 300);
    await rm(file);
  });

  it('never writes a bundle of a log that does not verify', async () => {
    const bad = new Map(files);
    bad.set('tile/0/000', new Uint8Array(8192));
    const file = join(tmp, 'bad.tar');
    await assert.rejects(
      writeBundle(file, { source: withSource(bad), verifierKey, url: 'https://chronicle.example/', media, now: new Date() }),
      /tile\/0\/000/,
    );
    assert.equal(await stat(file).catch(() => undefined), undefined);
  });

  it('refuses a bundle cut short anywhere', async () => {
    const cut = async (at: number, pattern: RegExp) => {
      const file = join(tmp, `cut-${at}.tar`);
      await writeFile(file, bytes.subarray(0, at));
      await refused(file, pattern);
      await rm(file);
    };
    await cut(100, /truncated: the archive ends in the middle of a member or header \(before the first member\)/);
    await cut(512 + 10, /truncated: .*middle of a member or header \(in bundle\.json\)/);
    await cut(bytes.length - 2048 - 100, /truncated: .*middle of a member or header \(after log\/tile/);
    await cut(bytes.length - 1024, /end-of-archive blocks are missing \(after media\//);
    await cut(bytes.length - 512, /end-of-archive blocks are missing/);
    const gz = gzipSync(bytes);
    const file = join(tmp, 'cut.tgz');
    await writeFile(file, gz.subarray(0, gz.length - 50));
    await refused(file, /gzip: .*corrupted or truncated|truncated/);
    await writeFile(file, Buffer.concat([gz.subarray(0, 20), Buffer.from('garbage'), gz.subarray(27)]));
    await refused(file, /gzip: /);
  });

  it('refuses a corrupted header and an altered media file, naming them', async () => {
    const flipped = Buffer.from(bytes);
    const header = bytes.indexOf('log/checkpoint\0');
    assert.equal(header % 512, 0);
    flipped[header + 5]! ^= 1;
    const file = join(tmp, 'flipped.tar');
    await writeFile(file, flipped);
    await refused(file, /a tar header is corrupted \(checksum error\) \(after bundle\.json\)/);

    const altered = Buffer.from(bytes);
    const at = altered.indexOf(Buffer.from(PHOTO));
    altered[at + 3]! ^= 1;
    await writeFile(file, altered);
    await refused(file, new RegExp(`media/${PHOTO_SHA}: its SHA-256 is [0-9a-f]{64}, not its name`));
  });

  it('refuses members a careless tar would write outside the bundle, or that are not plain files', async () => {
    const cp = files.get('checkpoint')!;
    const manifest = new TextEncoder().encode(
      JSON.stringify({ format: 'caravan-bundle', version: 1, origin: ORIGIN, url: 'https://chronicle.example/' }),
    );
    const cases: Array<[Parameters<typeof rawTar>[1], RegExp]> = [
      [[{ name: '../escape', data: cp }], /climbs out of the bundle/],
      [[{ name: '/etc/passwd', data: cp }], /absolute path/],
      [[{ name: 'log/checkpoint', type: 'symlink', linkname: '/etc/passwd' }], /log\/checkpoint is a symlink, not a regular file/],
      [[{ name: 'log/tile/0/000', type: 'character-device' }], /is a character-device/],
      [
        [
          { name: 'log/checkpoint', data: cp },
          { name: 'log/checkpoint', data: cp },
        ],
        /log\/checkpoint appears twice/,
      ],
      [[{ name: 'log/extra.sh', data: cp }], /log\/extra\.sh is not part of a bundle's layout/],
      [[{ name: 'log/tile/0/0', data: cp }], /log\/tile\/0\/0 is not a canonical tlog-tiles path/],
      [[{ name: 'log/tile/0/000', data: new Uint8Array(8193) }], /log\/tile\/0\/000 is 8193 bytes, more than a hash tile may be \(8192\)/],
      [[{ name: 'etc/', type: 'directory' }], /folder "etc\/" is not part of a bundle's layout/],
      [[{ name: 'log/checkpoint', data: cp }], /bundle\.json is missing/],
      [[{ name: 'bundle.json', data: manifest }], /log\/checkpoint is missing/],
      [[{ name: 'bundle.json', data: new TextEncoder().encode('{"format":"zip"}') }], /bundle\.json: not a Caravan bundle/],
    ];
    for (const [i, [members, pattern]] of cases.entries()) {
      const file = join(tmp, `raw-${i}.tar`);
      await rawTar(file, members);
      await refused(file, pattern);
    }
    const file = join(tmp, 'raw-noend.tar');
    await rawTar(
      file,
      [
        { name: 'bundle.json', data: manifest },
        { name: 'log/checkpoint', data: cp },
      ],
      false,
    );
    await refused(file, /end-of-archive blocks are missing \(after log\/checkpoint\)/);
    // What `tar cf - -C <unpacked bundle> .` writes is accepted: "./" names and the layout's folders.
    const ok = join(tmp, 'raw-dot.tar');
    await rawTar(ok, [
      { name: './', type: 'directory' },
      { name: './bundle.json', data: manifest },
      { name: './log/', type: 'directory' },
      { name: './log/checkpoint', data: cp },
    ]);
    const opened = await openBundle(ok);
    assert.ok(await opened.source.read('checkpoint'));
  });

  it('refuses a decompression bomb and an archive of too many members or bytes, saying why', async () => {
    // 64 MiB of zeros in 64 KiB of gzip: inflated to the end, 4 MB of it would be 4 GB.
    const bomb = join(tmp, 'zeros.tar.gz');
    await writeFile(bomb, gzipSync(Buffer.alloc(64 << 20), { level: 9 }));
    await refused(
      bomb,
      /zeros\.tar\.gz: gzip: \d+ compressed bytes decompress to more than \d+ \(over 100 times their size\): refused as a decompression bomb/,
    );
    // The same behind a real first member.
    const cp = files.get('checkpoint')!;
    const head = join(tmp, 'head.tar');
    await rawTar(head, [{ name: 'log/checkpoint', data: cp }], false);
    const disguised = join(tmp, 'disguised.tar.gz');
    await writeFile(disguised, gzipSync(Buffer.concat([await readFile(head), Buffer.alloc(64 << 20)]), { level: 9 }));
    await refused(disguised, /refused as a decompression bomb/);

    const many = join(tmp, 'many.tar');
    await rawTar(many, [
      { name: './', type: 'directory' },
      { name: './log/', type: 'directory' },
      { name: 'log/checkpoint', data: cp },
    ]);
    await assert.rejects(
      openBundle(many, { limits: { maxMembers: 2 } }),
      /many\.tar: the archive has more than 2 members, more than a bundle may/,
    );
    await assert.rejects(
      openBundle(plain, {
        limits: { maxManifestBytes: 1024, maxCheckpointBytes: 1024, maxLogBytes: 1024, maxMediaBytes: 0, maxMembers: 10 },
      }),
      /chronicle\.tar: the archive holds more than \d+ bytes, more than a bundle may/,
    );
  });

  it('carries 100,000 entries', async () => {
    const many = entries(100_000);
    const big = memoryLogFiles(many, signerKey, ORIGIN);
    const file = join(tmp, 'big.tar.gz');
    const started = Date.now();
    const written = await writeBundle(file, {
      source: withSource(big),
      verifierKey,
      url: 'https://chronicle.example/',
      media,
      now: new Date(),
    });
    const wrote = Date.now() - started;
    const opened = await openBundle(file, { spoolMedia: true, spoolDir: tmp });
    assert.equal((await verifyTiledLog(opened.source, { verifierKey })).entries, 100_000);
    await opened.close();
    const entryBytes = many.reduce((n, e) => n + e.length, 0);
    const tarBytes = (
      await new Promise<Buffer>((resolve, reject) =>
        execFile('gzip', ['-dc', file], { encoding: 'buffer', maxBuffer: 1 << 30 }, (e, out) => (e ? reject(e) : resolve(out))),
      )
    ).length;
    assert.ok(tarBytes < written.bytes * 100, `a real bundle is far from the bomb ratio (${(tarBytes / written.bytes).toFixed(1)}:1)`);
    console.log(
      `# 100,000 entries (${entryBytes} bytes): bundle ${written.bytes} bytes gzipped (${(tarBytes / written.bytes).toFixed(1)}:1), written in ${wrote} ms, read and verified in ${Date.now() - started - wrote} ms`,
    );
  });
});
