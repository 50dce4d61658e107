/**
 * The whole public site as static files: the chronology and every page it leads to, in every
 * language, the map, the data page, feeds and data files, the stylesheet, media, and the log
 * (checkpoint, every tile and entry bundle of its size). The exporter drives the real app in
 * process (`createApp(ctx).request`), so the copy is byte for byte what the server answers,
 * then relabels pages as a static copy and makes every link relative (`static-paths.ts`).
 *
 * It crawls: from the log's files (which no page links) and the event ids in the log's entries,
 * plus the site's front pages, it follows every same-site href and src. A page rendered in a
 * language other than the default links to the same language's pages, as the server's
 * language cookie would have made them.
 */
import type { Hono } from 'hono';
import { parseCheckpoint } from '../log/checkpoint.ts';
import { decodeLogEntry } from '../log/entry.ts';
import { fromUtf8 } from '../log/hash.ts';
import { splitNote } from '../log/note.ts';
import { bundlesForSize, decodeEntryBundle, entriesPath, tilePath, tilesForSize } from '../log/tiles.ts';
import { createApp } from '../http/app.tsx';
import type { AppContext } from '../app/context.ts';
import type { Env } from '../http/common.ts';
import { type StaticCopyLabel, isServerOnly, labelStaticPage, rewriteCssLinks, rewriteHtmlLinks, rootRelativeLinks } from './html.ts';
import { DEFAULT_LANG, canonicalAddress, relativeHref, staticFileFor } from './paths.ts';
import { CaravanError } from '../core/errors.ts';

/** Receives each file of the copy once: its "/"-separated path under the copy's root and its bytes. */
export type StaticFileSink = (file: string, bytes: Uint8Array) => Promise<void>;

export interface StaticSiteSummary {
  files: number;
  bytes: number;
  /** HTML pages, all languages. */
  pages: number;
  /** Distinct events the log has ever recorded. */
  events: number;
  logEntries: number;
  /** Same-site addresses the copy could not hold, linked to the live site instead. */
  liveOnly: string[];
}

export class StaticExportError extends CaravanError {
  override name = 'StaticExportError';
  constructor(message: string) {
    super('static_export', message);
  }
}

/** Front pages; everything else is reached from them, from the log, or from each other. */
const FRONT = ['/', '/map', '/data', '/log', '/feed.atom', '/feed.json', '/events.csv', '/events.geojson'];
/**
 * Files of the log that verifiers fetch by name and no page need link: copied when the app
 * serves them (the witnesses' keys, on a chronicle that asks witnesses).
 */
const LOG_EXTRAS = ['/log/witnesses'];

/** A fixed stand-in origin for resolving links; links naming a real host are left alone. */
const SITE = 'http://site.invalid';
const MAX_REDIRECTS = 5;

interface Resource {
  address: string;
  file: string;
  type: string;
  body: Uint8Array | undefined;
  html: boolean;
}

const isHtml = (type: string) => /^text\/html\b/i.test(type);
const isCss = (type: string) => /^text\/css\b/i.test(type);

function langOf(address: string): string {
  return new URL(address, SITE).searchParams.get('lang') ?? DEFAULT_LANG;
}

/** Exports the site through `sink`; throws StaticExportError when the copy would be incomplete. */
export async function exportStaticSite(
  ctx: AppContext,
  sink: StaticFileSink,
  madeAt: Date,
  app: Hono<Env> = createApp(ctx),
): Promise<StaticSiteSummary> {
  const label: StaticCopyLabel = { origin: ctx.config.origin, madeAt, verifierKey: ctx.logSigner.verifierKey };
  const resources = new Map<string, Promise<Resource | undefined>>();
  const queue: Resource[] = [];
  const files = new Map<string, string>();
  const liveOnly = new Set<string>();
  const summary: StaticSiteSummary = { files: 0, bytes: 0, pages: 0, events: 0, logEntries: 0, liveOnly: [] };

  /** `chain`: the addresses that redirected here, so a redirect loop ends instead of awaiting itself. */
  async function fetchResource(address: string, chain: readonly string[]): Promise<Resource | undefined> {
    const res = await app.request(address);
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      const location = res.headers.get('location');
      if (!location || chain.length >= MAX_REDIRECTS) return undefined;
      const target = new URL(location, SITE + address);
      if (target.origin !== SITE || isServerOnly(target.pathname)) return undefined;
      const next = canonicalAddress(target);
      if (next === address || chain.includes(next)) return undefined;
      return resolve(next, [...chain, address]);
    }
    const type = res.headers.get('content-type') ?? 'application/octet-stream';
    const html = isHtml(type);
    // A withdrawn event's page (410) says so; a citation to it should find that, not nothing.
    if (res.status !== 200 && !(res.status === 410 && html)) {
      await res.body?.cancel();
      return undefined;
    }
    const file = staticFileFor(address, type);
    const other = files.get(file);
    if (other !== undefined) throw new StaticExportError(`${address} and ${other} would both be written to ${file}`);
    files.set(file, address);
    const resource: Resource = { address, file, type, html, body: new Uint8Array(await res.arrayBuffer()) };
    queue.push(resource);
    return resource;
  }

  function resolve(address: string, chain: readonly string[] = []): Promise<Resource | undefined> {
    let found = resources.get(address);
    if (!found) {
      found = fetchResource(address, chain);
      resources.set(address, found);
    }
    return found;
  }

  /** The link a copy file writes for an address found in it. */
  async function linkFrom(page: Resource, value: string): Promise<string> {
    if (value === '' || /^(?:#|[a-z][a-z0-9+.-]*:|\/\/)/i.test(value)) return value;
    const url = new URL(value, SITE + page.address);
    const fragment = url.hash;
    url.hash = '';
    const live = () => {
      liveOnly.add(url.pathname + url.search);
      return label.origin + url.pathname + url.search + fragment;
    };
    if (isServerOnly(url.pathname)) return live();
    let target = await resolve(canonicalAddress(url));
    const lang = langOf(page.address);
    if (target?.html && lang !== DEFAULT_LANG && !url.searchParams.has('lang')) {
      url.searchParams.set('lang', lang);
      target = await resolve(canonicalAddress(url));
    }
    if (!target) return live();
    return relativeHref(page.file, target.file, fragment);
  }

  async function write(r: Resource): Promise<void> {
    let bytes = r.body!;
    r.body = undefined;
    if (r.html || isCss(r.type)) {
      let text = fromUtf8(bytes);
      if (r.html) text = await rewriteHtmlLinks(labelStaticPage(text, label), (v) => linkFrom(r, v));
      else text = await rewriteCssLinks(text, (v) => linkFrom(r, v));
      const left = rootRelativeLinks(text);
      if (left.length > 0) throw new StaticExportError(`${r.file} still links ${left.slice(0, 3).join(', ')} from the site's root`);
      bytes = new TextEncoder().encode(text);
      if (r.html) summary.pages += 1;
    }
    await sink(r.file, bytes);
    summary.files += 1;
    summary.bytes += bytes.length;
  }

  // Depth first: a body is held only until its links are resolved and it is written, so memory
  // follows the depth of the crawl, not the size of the site.
  async function drain(): Promise<void> {
    for (let next = queue.pop(); next; next = queue.pop()) await write(next);
  }

  const checkpoint = await resolve('/log/checkpoint');
  if (!checkpoint?.body) throw new StaticExportError('the log has no checkpoint to export');
  const { size } = parseCheckpoint(splitNote(fromUtf8(checkpoint.body)).text);
  summary.logEntries = size;
  const roots = [...FRONT];
  for (const t of tilesForSize(size)) roots.push(`/log/${tilePath(t.level, t.index, t.width)}`);
  const eventIds = new Set<number>();
  /** Files the entries name by hash; pages link those still shown, the copy holds all the server serves. */
  const media = new Set<string>();
  for (const { index, width } of bundlesForSize(size)) {
    const bundle = await resolve(`/log/${entriesPath(index, width)}`);
    if (!bundle?.body)
      throw new StaticExportError(`the log does not serve ${entriesPath(index, width)} for its checkpoint of size ${size}`);
    for (const bytes of decodeEntryBundle(bundle.body, width)) {
      const entry = decodeLogEntry(bytes);
      if (!eventIds.has(entry.event)) roots.push(`/events/${entry.event}`);
      eventIds.add(entry.event);
      if (entry.type === 'publish') roots.push(`/events/${entry.event}/v/${entry.revision}`);
      for (const m of (entry.record as { media?: Array<{ sha256?: unknown }> } | undefined)?.media ?? []) {
        if (typeof m.sha256 === 'string') media.add(`/media/${m.sha256}`);
      }
    }
    await drain();
  }
  summary.events = eventIds.size;
  for (const optional of [...LOG_EXTRAS, ...media]) {
    await resolve(optional);
    await drain();
  }
  for (const root of roots) {
    if (!(await resolve(canonicalAddress(new URL(root, SITE)))))
      throw new StaticExportError(`${root} did not answer with something a static copy can hold`);
    await drain();
  }
  summary.liveOnly = [...liveOnly].sort();
  return summary;
}
