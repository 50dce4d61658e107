/**
 * Reading a multipart/form-data report with its photos and videos as it streams in. Hono's
 * parseBody and undici's formData() hold the whole body in memory; with five videos of up to
 * 100 MiB that is half a gigabyte per request. Here text fields are kept (within the report's
 * 64 KiB), each file goes straight to a temporary file while it is hashed, and every limit is
 * enforced on the bytes as they arrive, before more are read.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BadRequestError, CaravanError, TooLargeError } from '../../core/errors.ts';
import { foldersLeftBehind, processFolder } from '../../store/lock.ts';

export interface UploadLimits {
  maxFiles: number;
  /** Largest single file; the per-type limits are checked once the type is known. */
  maxFileBytes: number;
  /** All text fields together. */
  maxTextBytes: number;
  maxFields: number;
}

export interface ReceivedFile {
  /** The sender's file name, for messages only: it is never stored (names can identify). */
  name: string;
  path: string;
  bytes: number;
  sha256: string;
  head: Buffer;
}

export interface ReceivedUpload {
  fields: Record<string, unknown>;
  files: ReceivedFile[];
}

/** A refused photo or video: the status and a message naming the file and the problem. */
export class MediaError extends CaravanError {
  override name = 'MediaError';
  readonly status: 413 | 422 | 503;
  constructor(status: 413 | 422 | 503, message: string) {
    super(status === 413 ? 'too_large' : status === 503 ? 'media_unavailable' : 'invalid_media', message);
    this.status = status;
  }
}

const HEAD_BYTES = 64;
const MAX_HEADER_BYTES = 8 * 1024;
const CRLF2 = Buffer.from('\r\n\r\n');

/** A file name fit to quote in a message. */
export function displayName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f"]/g, '').slice(0, 80);
  return clean ? `“${clean}”` : 'a file without a name';
}

function boundaryOf(contentType: string): string {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  const b = m?.[1] ?? m?.[2];
  if (!b) throw new BadRequestError('multipart/form-data needs a boundary', 'malformed_form');
  return b;
}

interface PartHeaders {
  name: string;
  filename: string | undefined;
}

function parsePartHeaders(raw: string): PartHeaders {
  const disposition = raw.split('\r\n').find((l) => /^content-disposition\s*:/i.test(l));
  if (!disposition) throw new BadRequestError('a form part has no Content-Disposition', 'malformed_form');
  const param = (key: string) => {
    const m =
      new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition) ??
      new RegExp(`;\\s*${key}=([^;\\s]+)`, 'i').exec(disposition);
    return m?.[1]?.replace(/\\(.)/g, '$1');
  };
  const name = param('name');
  if (name === undefined) throw new BadRequestError('a form part has no name', 'malformed_form');
  return { name, filename: param('filename') };
}

/**
 * Reads the body into text fields and temporary files under `dir`. Throws TooLargeError,
 * MediaError or BadRequestError; on any error every file written so far is removed.
 */
export async function receiveMultipart(req: Request, dir: string, limits: UploadLimits): Promise<ReceivedUpload> {
  const boundary = boundaryOf(req.headers.get('content-type') ?? '');
  // A leading CRLF makes the first boundary look like every other delimiter.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields = new Map<string, unknown>();
  const files: ReceivedFile[] = [];
  let fieldCount = 0;
  let textBytes = 0;
  let state = 'preamble' as 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';
  // Read through a function: the parsing steps change `state` inside closures.
  const finished = () => state === 'done';
  let buf: Buffer = Buffer.from('\r\n');
  let part: PartHeaders | undefined;
  let text: Buffer[] = [];
  let file: { handle: FileHandle; hash: ReturnType<typeof createHash>; info: ReceivedFile } | undefined;
  const reader = req.body?.getReader();

  const addField = (name: string, value: unknown) => {
    if (++fieldCount > limits.maxFields) throw new BadRequestError(`the form has more than ${limits.maxFields} fields`, 'too_many_fields');
    const prev = fields.get(name);
    fields.set(name, prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]);
  };

  const startPart = async (headers: PartHeaders) => {
    part = headers;
    text = [];
    if (headers.filename === undefined) return;
    if (headers.name !== 'media')
      throw new BadRequestError(`${headers.name.slice(0, 40)}: files are accepted only as media`, 'malformed_form');
    // A browser sends an empty part with an empty name when no file was chosen.
    if (headers.filename === '') return;
    if (files.length >= limits.maxFiles) {
      throw new MediaError(422, `too many files: at most ${limits.maxFiles} photos or videos per report`);
    }
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, randomBytes(16).toString('hex'));
    const handle = await open(path, 'wx', 0o600);
    const info: ReceivedFile = { name: headers.filename, path, bytes: 0, sha256: '', head: Buffer.alloc(0) };
    files.push(info);
    file = { handle, hash: createHash('sha256'), info };
  };

  const partData = async (data: Buffer) => {
    if (data.length === 0 || !part) return;
    if (file) {
      const info = file.info;
      info.bytes += data.length;
      if (info.bytes > limits.maxFileBytes) {
        throw new MediaError(413, `${displayName(info.name)} is larger than ${limits.maxFileBytes / 1024 / 1024} MiB`);
      }
      if (info.head.length < HEAD_BYTES) info.head = Buffer.concat([info.head, data.subarray(0, HEAD_BYTES - info.head.length)]);
      file.hash.update(data);
      await file.handle.write(data);
    } else if (part.filename === undefined) {
      textBytes += data.length;
      if (textBytes > limits.maxTextBytes) throw new TooLargeError(limits.maxTextBytes);
      text.push(data);
    } else {
      throw new BadRequestError('a file part without a file name carries data', 'malformed_form');
    }
  };

  const endPart = async () => {
    if (!part) return;
    if (file) {
      file.info.sha256 = file.hash.digest('hex');
      await file.handle.close();
      if (file.info.bytes === 0) throw new MediaError(422, `${displayName(file.info.name)} is empty`);
      file = undefined;
    } else if (part.filename === undefined) {
      let value: string;
      try {
        value = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(text));
      } catch {
        throw new BadRequestError(`${part.name.slice(0, 40)}: is not valid UTF-8`, 'bad_encoding');
      }
      addField(part.name, value);
    }
    part = undefined;
  };

  /** Consumes as much of `buf` as can be decided; returns when more bytes are needed. */
  const step = async () => {
    for (;;) {
      if (state === 'preamble' || state === 'body') {
        const at = buf.indexOf(delimiter);
        if (at < 0) {
          // Keep a tail that could be the start of a delimiter split across chunks.
          const keep = Math.min(buf.length, delimiter.length - 1);
          if (state === 'body') await partData(buf.subarray(0, buf.length - keep));
          buf = buf.subarray(buf.length - keep);
          return;
        }
        if (state === 'body') {
          await partData(buf.subarray(0, at));
          await endPart();
        }
        buf = buf.subarray(at + delimiter.length);
        state = 'afterDelimiter';
      } else if (state === 'afterDelimiter') {
        if (buf.length < 2) return;
        const next = buf.toString('latin1', 0, 2);
        if (next === '--') {
          state = 'done';
          return;
        }
        if (next !== '\r\n') throw new BadRequestError('the multipart form is malformed', 'malformed_form');
        buf = buf.subarray(2);
        state = 'headers';
      } else if (state === 'headers') {
        const at = buf.indexOf(CRLF2);
        if (at < 0) {
          if (buf.length > MAX_HEADER_BYTES) throw new BadRequestError('a form part has too long a header', 'malformed_form');
          return;
        }
        await startPart(parsePartHeaders(buf.toString('utf8', 0, at)));
        buf = buf.subarray(at + CRLF2.length);
        state = 'body';
      } else {
        return;
      }
    }
  };

  try {
    if (!reader) throw new BadRequestError('the form is empty', 'malformed_form');
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new BadRequestError('the request body could not be read', 'unreadable_body');
      }
      if (chunk.done) break;
      buf = buf.length === 0 ? Buffer.from(chunk.value) : Buffer.concat([buf, chunk.value]);
      await step();
      if (finished()) break;
    }
    if (!finished()) throw new BadRequestError('the form ended before its last part; send it again', 'malformed_form');
    // fromEntries defines own properties, so a field called __proto__ stays a field.
    return { fields: Object.fromEntries(fields), files };
  } catch (err) {
    await reader?.cancel().catch(() => undefined);
    await file?.handle.close().catch(() => undefined);
    await removeFiles(files.map((f) => f.path));
    throw err;
  }
}

export async function removeFiles(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true }).catch(() => undefined)));
}

/** This process's folder under `<data>/incoming/` (lock.ts, processFolder). */
export function incomingDir(dataDir: string): string {
  return processFolder(join(dataDir, 'incoming'));
}

/**
 * Removes what processes that stopped mid-request left in `<data>/incoming/`: originals with
 * their GPS data still in them. Everything goes at once except the folders of live processes.
 */
export async function removeLeftUploads(dataDir: string): Promise<number> {
  let removed = 0;
  for (const path of await foldersLeftBehind(join(dataDir, 'incoming'))) {
    const files = await readdir(path).then(
      (f) => f.length,
      () => 1,
    );
    await rm(path, { recursive: true, force: true });
    removed += files;
  }
  return removed;
}
