/**
 * Published media by hash: `/media/<sha256>` on the chronicle and `/mirrors/<origin>/media/<sha256>`
 * on a mirror. A file is served only once something published names it (the chronicle) or a
 * verified entry names it and its bytes matched (the mirror), so the address is the content:
 * cached for a year as immutable, never sniffed, and shown inline only as the image or video
 * type the record declares.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import { isPublicMediaType, isSha256Hex } from '../../core/event-media.ts';
import { unstorableReason } from '../../core/storable-text.ts';
import { getMirrorMedia } from '../../store/mirror-media.ts';
import type { AppContext } from '../../app/context.ts';
import type { Ctx, Env } from '../common.ts';
import { findPublishedMediaFile } from '../../app/reading/public-media.ts';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
};

/** Headers for a content-addressed file. A type outside our list is offered as a download, never rendered. */
export function mediaHeaders(file: { sha256: string; mime: string; size: number }): Record<string, string> {
  const inline = isPublicMediaType(file.mime);
  const name = `${file.sha256}.${EXTENSIONS[file.mime] ?? 'bin'}`;
  return {
    'Content-Type': inline ? file.mime : 'application/octet-stream',
    'Content-Length': String(file.size),
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${name}"`,
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: `"${file.sha256}"`,
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The file, or 304 when the client holds it already: the address names the content, so the ETag is the hash. */
function send(
  c: Ctx,
  file: { sha256: string; mime: string; size: number } | undefined,
  body: () => BodyInit,
): Response | Promise<Response> {
  if (!file) return c.notFound();
  const headers = mediaHeaders(file);
  if (c.req.header('if-none-match') === headers.ETag) {
    return new Response(null, { status: 304, headers: { ETag: headers.ETag!, 'Cache-Control': headers['Cache-Control']! } });
  }
  return new Response(c.req.method === 'HEAD' ? null : body(), { headers });
}

export function registerPublicMediaRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/media/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    if (!isSha256Hex(sha256)) return c.notFound();
    const file = await findPublishedMediaFile(ctx, sha256);
    // Streamed: a published video may be tens of megabytes.
    return send(c, file && { sha256, mime: file.mime, size: file.size }, () => Readable.toWeb(createReadStream(file!.path)) as ReadableStream<Uint8Array>);
  });

  app.get('/mirrors/:origin/media/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    const origin = c.req.param('origin');
    // A NUL in the origin names no mirror (checkpoint origins hold none).
    if (!isSha256Hex(sha256) || unstorableReason(origin) !== undefined) return c.notFound();
    const file = await getMirrorMedia(ctx.db, origin, sha256);
    return send(c, file && { sha256, mime: file.mime, size: file.data.byteLength }, () => file!.data as Uint8Array<ArrayBuffer>);
  });
}
