/**
 * Media attached to reports, for editors only: these routes are registered inside the editor
 * workspace, so its session gate stands in front of every one. Reports are private, and so
 * are their photos and videos, stripped or not; nothing here is reachable without a session.
 * Serving stripped copies of media that editors attach to a published event is left for the
 * issue that adds attaching them.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import { NotFoundError } from '../../core/errors.ts';
import { getMedia } from '../../store/media.ts';
import type { AppContext } from '../../app/context.ts';
import { type Ctx, type Env, intParam } from '../common.ts';

/** Path under /editor of a media file's stripped copy. */
export const mediaPath = (id: number) => `/editor/media/${id}`;
export const originalPath = (id: number) => `/editor/media/${id}/original`;

export function registerMediaRoutes(editor: Hono<Env>, ctx: AppContext): void {
  const mediaId = (c: Ctx) => intParam(c.req.param('id'), 'media id');

  editor.get('/media/:id', async (c) => {
    const m = await getMedia(ctx.db, mediaId(c));
    return sendFile(ctx, m.stored_path, {
      'Content-Type': m.mime,
      'Content-Disposition': `inline; filename="report-${m.report_id}-media-${m.id}${extname(m.stored_path)}"`,
    });
  });

  // The original still carries its EXIF and GPS: a download, never shown inline, never cached.
  editor.get('/media/:id/original', async (c) => {
    const m = await getMedia(ctx.db, mediaId(c));
    if (m.evidence_path === null) throw new NotFoundError(`an original of media file #${m.id} (the reporter did not ask to keep it)`);
    return sendFile(ctx, m.evidence_path, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="report-${m.report_id}-media-${m.id}-original${extname(m.evidence_path)}"`,
    });
  });
}

async function sendFile(ctx: AppContext, stored: string, headers: Record<string, string>): Promise<Response> {
  const root = resolve(ctx.config.dataDir);
  const path = resolve(join(root, stored));
  // Paths come from our own rows, but a file outside the data folder is never served.
  const inside = relative(root, path);
  if (inside.startsWith('..') || isAbsolute(inside)) throw new NotFoundError('the media file');
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new NotFoundError('the media file');
  }
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: { ...headers, 'Content-Length': String(size), 'Cache-Control': 'no-store' } });
}
