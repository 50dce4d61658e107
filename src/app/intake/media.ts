/**
 * Photos and videos sent with a report: received as a stream, sniffed by their bytes, checked
 * against size and pixel limits, re-encoded (images, by sharp) or remuxed (videos, by ffmpeg)
 * without EXIF, XMP, IPTC, GPS or container tags, hashed, and stored in the report's
 * transaction. The original as received is kept only when the reporter asks for it as
 * evidence, in `<data>/evidence/`, which only editors can fetch.
 *
 * The files are renamed into place inside the transaction: if it rolls back they are removed
 * again; a crash between the rename and the commit leaves a file no row names, never a row
 * without its file.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import type { Queryable } from '../../store/db.ts';
import { insertMedia } from '../../store/media.ts';
import type { AppContext } from '../context.ts';
import { createSlots } from './decode-slots.ts';
import { type AcceptedMedia, sniffMedia } from './media-type.ts';
import { MediaError, type ReceivedFile, displayName, incomingDir, receiveMultipart, removeFiles } from './media-upload.ts';
import { MAX_REPORT_BODY } from '../../core/report.ts';

const MiB = 1024 * 1024;

export const MEDIA_LIMITS = {
  maxFiles: 5,
  imageBytes: 15 * MiB,
  videoBytes: 100 * MiB,
  /** Decoded pixels (all frames): a 20000×20000 PNG of one colour is a few KiB on the wire. */
  maxPixels: 40_000_000,
  /** ffmpeg only copies streams, which takes seconds even for 100 MiB. */
  videoSeconds: 120,
  /**
   * Photos decoded at once across the server; others wait. A decode holds the pixels (3 bytes
   * each: 120 MB at the pixel limit), so this bounds what many uploads at once cost.
   */
  concurrentDecodes: 2,
};

const imageDecodes = createSlots(MEDIA_LIMITS.concurrentDecodes);
let sharpConfigured = false;

/**
 * Runs a sharp decode in one of the server's decode slots, waiting for one if need be. sharp
 * gets one libvips thread per decode (the slots give the parallelism) and no operation cache:
 * each photo is read once, and the cache would keep pixels of past ones in memory.
 */
export function inDecodeSlot<T>(decode: () => Promise<T>): Promise<T> {
  if (!sharpConfigured) {
    sharp.cache(false);
    sharp.concurrency(1);
    sharpConfigured = true;
  }
  return imageDecodes.run(decode);
}

/** The form's checkbox asking to keep the unstripped original. */
export const KEEP_ORIGINAL_FIELD = 'keepOriginal';

interface PreparedMedia {
  sha256: string;
  strippedSha256: string;
  mime: string;
  ext: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  strippedTemp: string;
  /** The original as received, when it is to be kept. */
  originalTemp: string | undefined;
}

/** A received report form whose media are stripped and waiting for the report's transaction. */
export interface ReportUpload {
  /** Text fields, without the keep-original checkbox. */
  fields: Record<string, unknown>;
  media: readonly PreparedMedia[];
  /** Moves the files into place and records them; call inside the report's transaction. */
  attach(tx: Queryable, reportId: number): Promise<void>;
  /** After the commit: the stored files are now the report's. */
  committed(): void;
  /** Removes every temporary file, and the stored ones unless committed. */
  discard(): Promise<void>;
}

/** Reads a multipart report form with its media, or throws MediaError/TooLargeError/BadRequestError. */
export async function receiveReportUpload(ctx: AppContext, req: Request): Promise<ReportUpload> {
  const incoming = incomingDir(ctx.config.dataDir);
  const received = await receiveMultipart(req, incoming, {
    maxFiles: MEDIA_LIMITS.maxFiles,
    maxFileBytes: MEDIA_LIMITS.videoBytes,
    maxTextBytes: MAX_REPORT_BODY,
    maxFields: 50,
  });
  const temps = received.files.map((f) => f.path);
  // A client that sends "no file chosen" without a filename makes it an empty text field.
  const { [KEEP_ORIGINAL_FIELD]: keep, media: noFile, ...fields } = received.fields;
  if (noFile !== undefined && noFile !== '') fields.media = noFile;
  const keepOriginal = keep !== undefined && keep !== '';
  const media: PreparedMedia[] = [];
  try {
    const seen = new Set<string>();
    for (const file of received.files) {
      // The same photo chosen twice is one piece of evidence.
      if (seen.has(file.sha256)) continue;
      seen.add(file.sha256);
      const prepared = await prepareFile(file, incoming, keepOriginal);
      temps.push(prepared.strippedTemp);
      media.push(prepared);
    }
  } catch (err) {
    await removeFiles(temps);
    throw err;
  }
  const stored: string[] = [];
  const placed: { m: PreparedMedia; storedPath: string; evidencePath: string | null }[] = [];
  let done = false;
  return {
    fields,
    media,
    async attach(tx, reportId) {
      if (media.length === 0) return;
      // Group commit may run this twice (store/group-commit.ts): the files move once, and the
      // rows go into whichever transaction commits.
      if (placed.length === 0) {
        const dirs = { media: join(ctx.config.dataDir, 'media'), evidence: join(ctx.config.dataDir, 'evidence') };
        await mkdir(dirs.media, { recursive: true, mode: 0o700 });
        if (keepOriginal) await mkdir(dirs.evidence, { recursive: true, mode: 0o700 });
        for (const m of media) {
          const name = randomBytes(16).toString('hex');
          const storedPath = join(dirs.media, `${name}.${m.ext}`);
          await rename(m.strippedTemp, storedPath);
          stored.push(storedPath);
          let evidencePath: string | null = null;
          if (m.originalTemp) {
            evidencePath = join(dirs.evidence, `${name}.${m.ext}`);
            await rename(m.originalTemp, evidencePath);
            stored.push(evidencePath);
          }
          placed.push({ m, storedPath, evidencePath });
        }
      }
      for (const { m, storedPath, evidencePath } of placed) {
        await insertMedia(tx, {
          report_id: reportId,
          sha256: m.sha256,
          stripped_sha256: m.strippedSha256,
          mime: m.mime,
          bytes: m.bytes,
          width: m.width,
          height: m.height,
          duration_ms: m.durationMs,
          stored_path: relative(ctx.config.dataDir, storedPath),
          evidence_path: evidencePath === null ? null : relative(ctx.config.dataDir, evidencePath),
        });
      }
    },
    committed() {
      done = true;
    },
    async discard() {
      await removeFiles(done ? temps : [...temps, ...stored]);
    },
  };
}

async function prepareFile(file: ReceivedFile, dir: string, keepOriginal: boolean): Promise<PreparedMedia> {
  const sniffed = sniffMedia(file.head);
  if ('refused' in sniffed) {
    throw new MediaError(422, `${displayName(file.name)} is not an image or video we accept (${sniffed.refused})`);
  }
  const type = sniffed.accepted;
  const limit = type.kind === 'image' ? MEDIA_LIMITS.imageBytes : MEDIA_LIMITS.videoBytes;
  if (file.bytes > limit) {
    throw new MediaError(
      413,
      `${displayName(file.name)} is larger than ${limit / MiB} MiB, the limit for ${type.kind === 'image' ? 'photos' : 'videos'}`,
    );
  }
  const out = join(dir, `${randomBytes(16).toString('hex')}.${type.ext}`);
  const facts = type.kind === 'image' ? await stripImage(file, type, out) : await stripVideo(file, type, out);
  const { size } = await stat(out);
  return {
    sha256: file.sha256,
    strippedSha256: await sha256OfFile(out),
    mime: type.mime,
    ext: type.ext,
    bytes: size,
    ...facts,
    strippedTemp: out,
    originalTemp: keepOriginal ? file.path : undefined,
  };
}

type Facts = Pick<PreparedMedia, 'width' | 'height' | 'durationMs'>;

async function stripImage(file: ReceivedFile, type: Extract<AcceptedMedia, { kind: 'image' }>, out: string): Promise<Facts> {
  const unreadable = () =>
    new MediaError(422, `${displayName(file.name)} could not be read as a ${type.format.toUpperCase()} image; it may be damaged`);
  // The header alone gives the dimensions, so a decompression bomb is refused before decoding.
  let meta: Metadata;
  try {
    meta = await sharp(file.path, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  const width = meta.width ?? 0;
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  const frames = meta.pages ?? 1;
  if (width * frameHeight * frames > MEDIA_LIMITS.maxPixels) {
    const size = `${width}×${frameHeight}${frames > 1 ? ` × ${frames} frames` : ''}`;
    throw new MediaError(
      422,
      `${displayName(file.name)} is too large an image: ${size} pixels (we accept up to ${MEDIA_LIMITS.maxPixels / 1e6} megapixels)`,
    );
  }
  const animated = frames > 1;
  try {
    // Orientation is applied to the pixels first, since the EXIF tag that carried it goes.
    // Without keepMetadata/withMetadata sharp writes no EXIF, XMP, IPTC or ICC profile.
    let pipeline = sharp(file.path, { limitInputPixels: MEDIA_LIMITS.maxPixels, animated }).autoOrient();
    if (type.format === 'jpeg') pipeline = pipeline.jpeg({ quality: 90 });
    else if (type.format === 'png') pipeline = pipeline.png();
    else if (type.format === 'webp') pipeline = pipeline.webp({ quality: 90 });
    else pipeline = pipeline.gif();
    const info = await inDecodeSlot(() => pipeline.toFile(out));
    return { width: info.width, height: animated ? frameHeight : info.height, durationMs: null };
  } catch {
    await removeFiles([out]);
    throw unreadable();
  }
}

let ffmpegPresent: Promise<boolean> | undefined;

/** Whether ffmpeg and ffprobe can be run; asked once per process. */
export function hasFfmpeg(): Promise<boolean> {
  ffmpegPresent ??= Promise.all(
    ['ffmpeg', 'ffprobe'].map((cmd) =>
      run(cmd, ['-version'], 10).then(
        () => true,
        () => false,
      ),
    ),
  ).then((r) => r.every(Boolean));
  return ffmpegPresent;
}

function run(cmd: string, args: string[], seconds: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: seconds * 1000, maxBuffer: 4 * MiB, killSignal: 'SIGKILL' }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });
}

interface Probe {
  streams?: Array<{ codec_type?: string; width?: number; height?: number }>;
  format?: { duration?: string };
}

async function stripVideo(file: ReceivedFile, type: Extract<AcceptedMedia, { kind: 'video' }>, out: string): Promise<Facts> {
  if (!(await hasFfmpeg())) {
    throw new MediaError(
      503,
      `${displayName(file.name)}: this server cannot take videos right now, because it has no way to remove their metadata (location, device). Send the report without the video, or with photos only.`,
    );
  }
  const unreadable = () =>
    new MediaError(422, `${displayName(file.name)} could not be read as a ${type.container.toUpperCase()} video; it may be damaged`);
  // The demuxer is named rather than guessed, and only local files may be opened: a playlist
  // or reference inside a crafted file must not make ffmpeg read anything else.
  const input = ['-protocol_whitelist', 'file', '-f', type.container === 'webm' ? 'matroska' : 'mov'];
  let probe: Probe;
  try {
    probe = JSON.parse(
      await run('ffprobe', ['-v', 'error', ...input, '-print_format', 'json', '-show_format', '-show_streams', file.path], 30),
    ) as Probe;
  } catch {
    throw unreadable();
  }
  const video = probe.streams?.find((s) => s.codec_type === 'video');
  if (!video) throw unreadable();
  // Only video and audio streams are copied: data streams carry GPS tracks on some cameras,
  // and subtitles or attachments can carry anything. Container and stream tags, chapters
  // and encoder strings are dropped.
  const args = [
    '-nostdin',
    '-v',
    'error',
    ...input,
    '-i',
    file.path,
    '-map',
    '0:v',
    '-map',
    '0:a?',
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
    '-c',
    'copy',
    '-fflags',
    '+bitexact',
    '-flags:v',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    '-f',
    type.container === 'webm' ? 'webm' : type.container,
    '-y',
    out,
  ];
  try {
    await run('ffmpeg', args, MEDIA_LIMITS.videoSeconds);
  } catch {
    await removeFiles([out]);
    throw unreadable();
  }
  const seconds = Number(probe.format?.duration);
  return {
    width: video.width ?? null,
    height: video.height ?? null,
    durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : null,
  };
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
