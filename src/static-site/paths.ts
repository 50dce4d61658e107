/**
 * Where each address of the site lands in a static copy, and the relative link from one copy
 * file to another. A static host (or `file://`) has no query strings and does not turn a folder
 * into its index.html, so every page becomes a named file: "/" → index.html, "/events/12" →
 * events/12.html, "/?lang=ru&page=2" → index.lang-ru.page-2.html. Everything else keeps the
 * server's path: the log its tlog-tiles names (log/checkpoint, log/tile/0/000.p/7) and media
 * theirs (media/<sha256>), which verifiers and mirrors read by name, so a copy on a web host
 * can be followed like the chronicle itself.
 */
import { posix } from 'node:path';

/** The interface language the app answers in when a request names none (no cookie, no Accept-Language). */
export const DEFAULT_LANG = 'en';

/**
 * One spelling per address: query parameters sorted, empty ones and the default language
 * dropped, so "/?lang=en" and "/" are the same file.
 */
export function canonicalAddress(url: URL): string {
  const params = [...url.searchParams.entries()]
    .filter(([k, v]) => v !== '' && !(k === 'lang' && v === DEFAULT_LANG))
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return url.pathname + (query ? `?${query}` : '');
}

/**
 * Characters outside [A-Za-z0-9-] become "_" and two hex digits per UTF-8 byte: names stay
 * portable (no "?", "%", ":" or "."), and distinct values stay distinct files.
 */
function safeName(s: string, keep: RegExp): string {
  let out = '';
  for (const ch of s) {
    if (keep.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += `_${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

const SEGMENT_CHAR = /^[A-Za-z0-9._-]$/;
const VALUE_CHAR = /^[A-Za-z0-9,-]$/;

/**
 * The file (relative to the copy's root, "/"-separated) for a canonical address and the type
 * it was served with.
 */
export function staticFileFor(address: string, contentType: string): string {
  const url = new URL(address, 'http://copy.invalid');
  const segments = url.pathname
    .split('/')
    .slice(1)
    .map((s) => safeName(decodeURIComponent(s), SEGMENT_CHAR));
  if (segments.length === 0 || segments.at(-1) === '') segments.splice(-1, 1, 'index');
  if (segments.some((s) => s === '.' || s === '..')) throw new Error(`${address} cannot be a file in a static copy`);
  const last = segments.pop()!;
  const html = /^text\/html\b/i.test(contentType);
  const dot = last.lastIndexOf('.');
  let stem = last;
  let ext = '';
  if (html) ext = '.html';
  else if (dot > 0) {
    stem = last.slice(0, dot);
    ext = last.slice(dot);
  }
  const query = [...url.searchParams.entries()].map(([k, v]) => `.${safeName(k, VALUE_CHAR)}-${safeName(v, VALUE_CHAR)}`).join('');
  return [...segments, `${stem}${query}${ext}`].join('/');
}

/** The link from one copy file to another, as a relative URL (file names need no escaping). */
export function relativeHref(fromFile: string, toFile: string, fragment = ''): string {
  const rel = posix.relative(posix.dirname(fromFile), toFile);
  return (rel || posix.basename(toFile)) + fragment;
}
