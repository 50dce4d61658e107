/**
 * A chronicle carried by hand: one POSIX tar file (gzip-compressed when its name ends in .gz or
 * .tgz) laid out like a static copy, so `tar xf` gives a folder `caravan verify` accepts:
 *
 *   bundle.json                      what the bundle says about itself; informational only
 *   log/checkpoint                   the signed checkpoint, with any cosignature lines
 *   log/tile/<L>/<N>[.p/<W>]         hash tiles, log/tile/entries/<N>[.p/<W>] entry bundles
 *   media/<sha256 hex>               public media the entries reference
 *
 * Reading refuses anything a careful `tar` user would worry about (paths outside the layout,
 * links, devices, duplicates, oversize members, truncation) before a byte is trusted, and
 * media are spooled to disk while hashed, so a big bundle never sits in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { type Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { type LogEntry, decodeLogEntry } from '../../log/entry.ts';
import { HASH_SIZE, fromUtf8, toBase64 } from '../../log/hash.ts';
import { TILE_WIDTH, bundlesForSize, decodeEntryBundle, entriesPath, parseTilePath } from '../../log/tiles.ts';
import { verifyTiledLog } from '../../log/verify-log.ts';
import type { LogSource } from './sources.ts';
import { CaravanError } from '../../core/errors.ts';

export const BUNDLE_FORMAT = 'caravan-bundle';
export const BUNDLE_VERSION = 1;

/** bundle.json: never trusted for anything verification decides. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** The checkpoint's origin line. */
  origin: string;
  /** The chronicle's public URL, where a mirror can continue online. */
  url: string;
  size: number;
  /** Base64 root hash of the checkpoint. */
  root: string;
  createdAt: string;
  media: Array<{ sha256: string; bytes: number }>;
}

export class BundleError extends CaravanError {
  override name = 'BundleError';
  constructor(message: string) {
    super('bad_bundle', message);
  }
}

export interface BundleLimits {
  /** bundle.json and log/checkpoint (which grows with cosignatures). */
  maxManifestBytes: number;
  maxCheckpointBytes: number;
  /** Everything under log/, held in memory. */
  maxLogBytes: number;
  maxMediaFileBytes: number;
  maxMediaBytes: number;
  /** Members of any kind, folders included. */
  maxMembers: number;
  /**
   * How many times its own size a gzipped bundle may grow when decompressed. Tiles are hashes
   * and media are photos, which hardly compress; a gzip of zeros grows a thousandfold.
   */
  maxGzipRatio: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxManifestBytes: 64 << 20,
  maxCheckpointBytes: 1 << 20,
  maxLogBytes: 2 ** 31,
  // A mirror keeps media in bytea, sent as base64 text: a JavaScript string caps that well below 1 GiB.
  maxMediaFileBytes: 384 << 20,
  maxMediaBytes: 2 ** 40,
  // A log of 500 million entries has about two million tiles and entry bundles.
  maxMembers: 1 << 21,
  maxGzipRatio: 100,
};
/** The ratio is judged only past this much output, so a small bundle is never refused for it. */
const GZIP_RATIO_FROM = 16 << 20;
const MAX_TILE_BYTES = TILE_WIDTH * HASH_SIZE;
const MAX_ENTRY_BUNDLE_BYTES = TILE_WIDTH * (2 + 65_535);
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Whether `file` is written gzip-compressed. */
export const isGzipName = (file: string) => /\.(gz|tgz)$/i.test(file);

/** The public media an entry's record references (`record.media[]`), with the type the record gives. */
export function mediaReferences(entry: LogEntry): Array<{ sha256: string; mime: string }> {
  const media: unknown = (entry.record as { media?: unknown } | undefined)?.media;
  if (!Array.isArray(media)) return [];
  const out: Array<{ sha256: string; mime: string }> = [];
  for (const m of media as unknown[]) {
    const { sha256, mime } = (m ?? {}) as { sha256?: unknown; mime?: unknown };
    if (typeof sha256 === 'string' && SHA256_HEX.test(sha256)) out.push({ sha256, mime: typeof mime === 'string' ? mime : '' });
  }
  return out;
}

/** Every entry of a log of `size` entries, from a source that holds its bundles. */
export async function* logEntries(source: LogSource, size: number): AsyncGenerator<{ idx: number; data: Uint8Array }> {
  for (const { index, width } of bundlesForSize(size)) {
    const bytes =
      (await source.read(entriesPath(index, width))) ?? (width < TILE_WIDTH ? await source.read(entriesPath(index)) : undefined);
    if (!bytes) throw new BundleError(`${entriesPath(index, width)} is missing`);
    const entries = decodeEntryBundle(bytes).slice(0, width);
    for (const [i, data] of entries.entries()) yield { idx: index * TILE_WIDTH + i, data };
  }
}

/** A public media file to put in a bundle. */
export interface BundleMediaFile {
  bytes: number;
  open(): Readable;
}
export type ReadBundleMedia = (sha256: string) => Promise<BundleMediaFile | undefined>;

export interface WriteBundleOptions {
  /** The log: "checkpoint", "tile/…". */
  source: LogSource;
  verifierKey: string;
  /** The chronicle's public URL. */
  url: string;
  media: ReadBundleMedia;
  now: Date;
}

export interface WrittenBundle {
  file: string;
  origin: string;
  size: number;
  root: string;
  media: number;
  /** Referenced by an entry but not available here. */
  missingMedia: string[];
  bytes: number;
}

/**
 * Verifies the log as the source serves it and writes it with its media to `file`: through a
 * temporary file in the same folder, fsynced and renamed, so a crash never leaves half a
 * bundle under the final name.
 */
export async function writeBundle(file: string, o: WriteBundleOptions): Promise<WrittenBundle> {
  const read = new Map<string, Uint8Array>();
  const recording: LogSource = {
    description: o.source.description,
    async read(path) {
      const bytes = read.get(path) ?? (await o.source.read(path));
      if (bytes) read.set(path, bytes);
      return bytes;
    },
  };
  const verified = await verifyTiledLog(recording, { verifierKey: o.verifierKey });
  const { checkpoint } = verified;
  const referenced = new Set<string>();
  for await (const { data } of logEntries(recording, checkpoint.size))
    for (const { sha256 } of mediaReferences(decodeLogEntry(data))) referenced.add(sha256);
  const media: Array<{ sha256: string; file: BundleMediaFile }> = [];
  const missingMedia: string[] = [];
  for (const sha256 of referenced) {
    const found = await o.media(sha256);
    if (found) media.push({ sha256, file: found });
    else missingMedia.push(sha256);
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    origin: checkpoint.origin,
    url: o.url,
    size: checkpoint.size,
    root: toBase64(checkpoint.root),
    createdAt: o.now.toISOString(),
    media: media.map((m) => ({ sha256: m.sha256, bytes: m.file.bytes })),
  };

  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const pack = tar.pack();
  const written = pipeline([
    pack as unknown as Readable,
    ...(isGzipName(file) ? [createGzip()] : []),
    createWriteStream(tmp, { flags: 'wx', mode: 0o644 }),
  ]);
  written.catch(() => {});
  const header = (name: string, size: number) => ({ name, size, mode: 0o644, mtime: o.now, type: 'file' as const });
  const add = (name: string, bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) =>
      pack.entry(header(name, bytes.length), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), (e) => (e ? reject(e) : resolve())),
    );
  try {
    await add('bundle.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
    // verifyTiledLog read the checkpoint first, then the bundles, then the tiles: keep that order.
    for (const [path, bytes] of read) await add(`log/${path}`, bytes);
    for (const m of media) {
      let entry!: Writable;
      // tar-stream's streams are streamx streams, which Node's pipeline accepts.
      const done = new Promise<void>((resolve, reject) => {
        entry = pack.entry(header(`media/${m.sha256}`, m.file.bytes), (e) => (e ? reject(e) : resolve())) as unknown as Writable;
      });
      await Promise.all([pipeline(m.file.open(), entry), done]);
    }
    pack.finalize();
    await written;
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    pack.destroy(err instanceof Error ? err : new Error(String(err)));
    await written.catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
  return {
    file,
    origin: checkpoint.origin,
    size: checkpoint.size,
    root: manifest.root,
    media: media.length,
    missingMedia,
    bytes: (await stat(file)).size,
  };
}

/** A media file read out of a bundle: its SHA-256 equals its name (checked while reading). */
export interface BundledMedia {
  bytes: number;
  /** The spooled copy, when the bundle was opened with `spoolMedia`. */
  path?: string;
}

export interface OpenedBundle {
  file: string;
  manifest: BundleManifest;
  /** The log inside: "checkpoint", "tile/…". */
  source: LogSource;
  media: ReadonlyMap<string, BundledMedia>;
  /** Removes the spooled media. */
  close(): Promise<void>;
}

export interface OpenBundleOptions {
  /** Keep media in a temporary folder (import); otherwise they are only hashed (verify). */
  spoolMedia?: boolean;
  /** Where the temporary folder goes; defaults to the OS temporary folder. */
  spoolDir?: string;
  limits?: Partial<BundleLimits>;
}

/**
 * Counts the bytes of the tar stream and keeps its last two blocks: the end-of-archive marker.
 * It also refuses a stream that decompresses to more than the limits let a bundle hold, or
 * (for gzip) to more than `maxRatio` times the compressed bytes read so far: a decompression
 * bomb is stopped within its first megabytes instead of being inflated for minutes.
 */
class TarTail extends Transform {
  total = 0;
  tail = Buffer.alloc(0);
  constructor(
    private readonly maxBytes: number,
    private readonly compressed?: { bytesRead(): number; maxRatio: number },
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.total += chunk.length;
    if (this.total > this.maxBytes) {
      cb(new BundleError(`the archive holds more than ${this.maxBytes} bytes, more than a bundle may`));
      return;
    }
    const c = this.compressed;
    if (c && this.total > GZIP_RATIO_FROM && this.total > c.bytesRead() * c.maxRatio) {
      cb(
        new BundleError(
          `gzip: ${c.bytesRead()} compressed bytes decompress to more than ${this.total} (over ${c.maxRatio} times their size): refused as a decompression bomb; a real bundle compresses far less`,
        ),
      );
      return;
    }
    this.tail = Buffer.concat([this.tail, chunk.subarray(-1024)]).subarray(-1024);
    cb(null, chunk);
  }
  hasEndBlocks(): boolean {
    return this.total % 512 === 0 && this.tail.length === 1024 && this.tail.every((b) => b === 0);
  }
}

/** Member names as the layout allows them; a leading "./" (from `tar cf - -C dir .`) is accepted. */
function memberName(raw: string): string {
  const name = raw.startsWith('./') ? raw.slice(2) : raw;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw new BundleError(`member ${JSON.stringify(raw)} has an absolute path`);
  if (name.split('/').includes('..')) throw new BundleError(`member ${JSON.stringify(raw)} climbs out of the bundle ("..")`);
  if (/[\\\0]/.test(name)) throw new BundleError(`member ${JSON.stringify(raw)} has a backslash or NUL in its name`);
  return name;
}

const isLayoutFolder = (name: string) =>
  ['', '.', 'log', 'media', 'log/tile'].includes(name) || /^log\/tile\/(entries|\d{1,2})(\/x\d{3})*(\/\d{3}\.p)?$/.test(name);

function describeReadError(err: unknown, reading: string, lastMember: string): string {
  const e = err as NodeJS.ErrnoException;
  const message = e instanceof Error ? e.message : String(err);
  const after = reading ? ` (in ${reading})` : lastMember ? ` (after ${lastMember})` : ' (before the first member)';
  if (typeof e?.code === 'string' && e.code.startsWith('Z_')) return `gzip: ${message}: the file is corrupted or truncated${after}`;
  if (/unexpected end of (data|file)/i.test(message)) return `truncated: the archive ends in the middle of a member or header${after}`;
  if (/invalid tar header|header exceeds/i.test(message)) return `a tar header is corrupted (checksum error)${after}`;
  if (/size mismatch/i.test(message)) return `a member is truncated${after}`;
  return `${message}${after}`;
}

function parseManifest(bytes: Uint8Array): BundleManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(bytes));
  } catch {
    throw new BundleError('bundle.json is not UTF-8 JSON');
  }
  const m = parsed as Partial<BundleManifest> | null;
  if (typeof m !== 'object' || m === null || m.format !== BUNDLE_FORMAT)
    throw new BundleError(`bundle.json: not a Caravan bundle (format is not "${BUNDLE_FORMAT}")`);
  if (m.version !== BUNDLE_VERSION)
    throw new BundleError(`bundle.json: format version ${String(m.version)} is not the version ${BUNDLE_VERSION} this Caravan reads`);
  if (typeof m.origin !== 'string' || typeof m.url !== 'string') throw new BundleError('bundle.json: origin and url must be strings');
  return m as BundleManifest;
}

/**
 * Reads and checks a bundle's structure: every member's name, type and size, the tar's end
 * blocks, and each media file's SHA-256 against its name. The log inside is not verified here;
 * that is `verifyTiledLog` on the returned source.
 */
export async function openBundle(file: string, options: OpenBundleOptions = {}): Promise<OpenedBundle> {
  const limits = { ...DEFAULT_BUNDLE_LIMITS, ...options.limits };
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new BundleError(`${file} is not a file`);
  const head = Buffer.alloc(2);
  const fh = await open(file, 'r');
  try {
    await fh.read(head, 0, 2, 0);
  } finally {
    await fh.close();
  }
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const spool = options.spoolMedia ? await mkdtemp(join(options.spoolDir ?? tmpdir(), 'caravan-bundle-')) : undefined;
  const close = async () => {
    if (spool) await rm(spool, { recursive: true, force: true });
  };

  const log = new Map<string, Uint8Array>();
  const media = new Map<string, BundledMedia>();
  const seen = new Set<string>();
  let manifest: BundleManifest | undefined;
  let logBytes = 0;
  let mediaBytes = 0;
  let lastMember = '';
  let reading = '';
  const input = createReadStream(file);
  // Every member costs a 512-byte header and its data rounded up to 512 bytes; the end blocks
  // and padding to a 10 KiB tar record come last.
  const maxTarBytes =
    limits.maxManifestBytes + limits.maxCheckpointBytes + limits.maxLogBytes + limits.maxMediaBytes + limits.maxMembers * 1024 + 10_240;
  const tail = new TarTail(maxTarBytes, gzipped ? { bytesRead: () => input.bytesRead, maxRatio: limits.maxGzipRatio } : undefined);
  const extract = tar.extract();
  const feeding = pipeline([input, ...(gzipped ? [createGunzip()] : []), tail, extract as unknown as Writable]);
  let members = 0;
  feeding.catch(() => {});
  try {
    try {
      for await (const entry of extract) {
        const { header } = entry;
        if (++members > limits.maxMembers)
          throw new BundleError(`the archive has more than ${limits.maxMembers} members, more than a bundle may`);
        const name = memberName(header.name);
        const size = header.size ?? 0;
        reading = name;
        if (header.type === 'directory') {
          if (!isLayoutFolder(name.replace(/\/$/, '')))
            throw new BundleError(`folder ${JSON.stringify(header.name)} is not part of a bundle's layout`);
          entry.resume();
          reading = '';
          continue;
        }
        if (header.type !== 'file') throw new BundleError(`${name} is a ${header.type ?? 'special member'}, not a regular file`);
        if (seen.has(name)) throw new BundleError(`${name} appears twice`);
        seen.add(name);
        const collect = async (max: number, what: string): Promise<Uint8Array> => {
          if (size > max) throw new BundleError(`${name} is ${size} bytes, more than a ${what} may be (${max})`);
          const chunks: Buffer[] = [];
          for await (const chunk of entry) chunks.push(chunk as Buffer);
          return new Uint8Array(Buffer.concat(chunks));
        };
        if (name === 'bundle.json') manifest = parseManifest(await collect(limits.maxManifestBytes, 'bundle.json'));
        else if (name === 'log/checkpoint') log.set('checkpoint', await collect(limits.maxCheckpointBytes, 'checkpoint'));
        else if (name.startsWith('log/tile/')) {
          const path = name.slice('log/'.length);
          let kind: 'hash' | 'entries';
          try {
            kind = parseTilePath(path).kind;
          } catch {
            throw new BundleError(`${name} is not a canonical tlog-tiles path`);
          }
          logBytes += size;
          if (logBytes > limits.maxLogBytes) throw new BundleError(`the log in this bundle is larger than ${limits.maxLogBytes} bytes`);
          log.set(
            path,
            await collect(kind === 'hash' ? MAX_TILE_BYTES : MAX_ENTRY_BUNDLE_BYTES, kind === 'hash' ? 'hash tile' : 'entry bundle'),
          );
        } else if (name.startsWith('media/') && SHA256_HEX.test(name.slice('media/'.length))) {
          const sha256 = name.slice('media/'.length);
          if (size > limits.maxMediaFileBytes)
            throw new BundleError(`${name} is ${size} bytes, more than a media file may be (${limits.maxMediaFileBytes})`);
          mediaBytes += size;
          if (mediaBytes > limits.maxMediaBytes)
            throw new BundleError(`the media in this bundle are larger than ${limits.maxMediaBytes} bytes`);
          const hash = createHash('sha256');
          const path = spool ? join(spool, sha256) : undefined;
          if (path) {
            const hashing = new Transform({
              transform(chunk: Buffer, _enc, cb) {
                hash.update(chunk);
                cb(null, chunk);
              },
            });
            await pipeline(entry, hashing, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
          } else for await (const chunk of entry) hash.update(chunk as Buffer);
          const actual = hash.digest('hex');
          if (actual !== sha256) throw new BundleError(`${name}: its SHA-256 is ${actual}, not its name: the file was altered`);
          media.set(sha256, path ? { bytes: size, path } : { bytes: size });
        } else throw new BundleError(`${name} is not part of a bundle's layout (bundle.json, log/…, media/<sha256>)`);
        lastMember = name;
        reading = '';
      }
      await feeding;
    } catch (err) {
      if (err instanceof BundleError) throw err;
      throw new BundleError(describeReadError(err, reading, lastMember));
    }
    if (!tail.hasEndBlocks())
      throw new BundleError(`truncated: the archive's end-of-archive blocks are missing (after ${lastMember || 'the start'})`);
    if (!manifest) throw new BundleError('bundle.json is missing: not a Caravan bundle');
    if (!log.has('checkpoint')) throw new BundleError('log/checkpoint is missing');
  } catch (err) {
    extract.destroy();
    await close();
    throw err instanceof BundleError ? new BundleError(`${file}: ${err.message}`) : err;
  }
  return {
    file,
    manifest,
    media,
    close,
    source: { description: file, read: async (path) => log.get(path) },
  };
}

/** The log in a bundle, for `caravan verify`: structure and media hashes checked, nothing kept on disk. */
export async function bundleSource(file: string): Promise<LogSource> {
  return (await openBundle(file)).source;
}
