/**
 * The headers of a published media file, served by the reader site (reader.tsx) at
 * `/media/<sha256>` and `/mirrors/<origin>/media/<sha256>`.
 */
import { isPublicMediaType } from '../../core/event-media.ts';

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
