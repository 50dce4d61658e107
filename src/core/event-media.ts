/**
 * Photos and videos an event revision publishes: metadata-stripped copies of its reports'
 * media, named by the SHA-256 of the stripped bytes. The log's entries carry only these
 * facts, never the bytes, so an entry stays small whatever is attached.
 */
import type { Problems } from './errors.ts';

export interface EventMedia {
  /** SHA-256 (lowercase hex) of the stripped copy: what is served and what a reader checks. */
  sha256: string;
  mime: string;
  bytes: number;
  width?: number;
  height?: number;
  durationMs?: number;
  caption?: string;
}

export const MEDIA_CAPTION_MAX = 300;
export const EVENT_MEDIA_MAX = 20;

/** The types the server's stripping produces; anything else is never served inline. */
export const PUBLIC_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/webm',
  'video/quicktime',
] as const;

export const isPublicMediaType = (mime: unknown): mime is (typeof PUBLIC_MEDIA_TYPES)[number] =>
  (PUBLIC_MEDIA_TYPES as readonly unknown[]).includes(mime);

export const isSha256Hex = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 2 ** 53 - 1;

/** Checks the `media` list of an event document; an empty list is returned as undefined. */
export function validateEventMedia(p: Problems, v: unknown): EventMedia[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    p.add('media', 'must be a list');
    return undefined;
  }
  if (v.length > EVENT_MEDIA_MAX) p.add('media', `must have at most ${EVENT_MEDIA_MAX} files`);
  const out: EventMedia[] = [];
  const seen = new Set<string>();
  v.slice(0, EVENT_MEDIA_MAX).forEach((m, i) => {
    const f = `media[${i}]`;
    if (!isObject(m)) {
      p.add(f, 'must be an object with sha256, mime and bytes');
      return;
    }
    if (!isSha256Hex(m.sha256)) {
      p.add(`${f}.sha256`, 'must be a SHA-256 in lowercase hex');
      return;
    }
    if (seen.has(m.sha256)) {
      p.add(`${f}.sha256`, `media ${m.sha256.slice(0, 12)}… is attached twice`);
      return;
    }
    seen.add(m.sha256);
    if (!isPublicMediaType(m.mime)) p.add(`${f}.mime`, `must be one of ${PUBLIC_MEDIA_TYPES.join(', ')}`);
    if (!isCount(m.bytes, 0)) p.add(`${f}.bytes`, 'must be a whole number of bytes');
    const item: EventMedia = { sha256: m.sha256, mime: String(m.mime), bytes: Number(m.bytes) };
    for (const k of ['width', 'height', 'durationMs'] as const) {
      if (m[k] === undefined || m[k] === null) continue;
      if (!isCount(m[k], k === 'durationMs' ? 0 : 1)) p.add(`${f}.${k}`, 'must be a positive whole number');
      else item[k] = m[k];
    }
    if (m.caption !== undefined && m.caption !== null && m.caption !== '') {
      if (typeof m.caption !== 'string') p.add(`${f}.caption`, 'must be text');
      else {
        const caption = m.caption.trim();
        if (caption.length > MEDIA_CAPTION_MAX) p.add(`${f}.caption`, `must be at most ${MEDIA_CAPTION_MAX} characters`);
        if (caption) item.caption = caption;
      }
    }
    out.push(item);
  });
  return out.length > 0 ? out : undefined;
}
