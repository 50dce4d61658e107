/**
 * The reader site, written once: the chronology, event permalinks with their published history,
 * the map, the feeds, the data files, the events API and media. `registerReaderRoutes` mounts it
 * over a chronicle to read (app/reading/chronicle.ts): at `/` over this chronicle's own tables,
 * and at `/mirrors/:origin` over a mirrored chronicle's verified copy (mirrors.tsx), whose pages
 * then carry the mirror banner and keep their links inside the mirror. Handlers parse the
 * request, ask the chronicle, and hand PublicEvents to publish/.
 *
 * Data answers are public: any origin may read them (CORS *), caches may keep them a minute,
 * and an ETag keyed on the chronicle's version answers 304 when nothing changed.
 */
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { type FieldProblem, ValidationError } from '../../core/errors.ts';
import { isSha256Hex } from '../../core/event-media.ts';
import { type EventFilter, filterToParams, parseEventFilter } from '../../core/filter.ts';
import { getPlace, placeName } from '../../core/gazetteer/search.ts';
import type { PublicEvent } from '../../core/public-event.ts';
import { CHRONOLOGY_PAGE_SIZE, ChronologyPage } from '../../publish/chronology.tsx';
import { EventPage, GonePage } from '../../publish/event-page.tsx';
import { csvStream } from '../../publish/exports/csv.ts';
import { geojsonStream } from '../../publish/exports/geojson.ts';
import { type FeedInfo, renderAtom } from '../../publish/feeds/atom.ts';
import { type FeedItem, newestItems } from '../../publish/feeds/describe.ts';
import { renderJsonFeed } from '../../publish/feeds/json-feed.ts';
import { type Lang, common, isLang } from '../../publish/i18n.ts';
import { MapPage } from '../../publish/map.tsx';
import { OUTSIDE_LIST_MAX, layOutMap, mapView, singlePositions } from '../../publish/map-marks.ts';
import { type MirrorAlarm, alarmLine } from '../../publish/mirror-alarm.ts';
import type { ChronicleToRead, PublicVersion } from '../../app/reading/chronicle.ts';
import type { AppContext } from '../../app/context.ts';
import { type Ctx, type Env, currentPath, intParam } from '../common.ts';
import { mediaHeaders } from './media-headers.ts';

/** Page numbers beyond this are typing mistakes, not a chronicle's size. */
const MAX_PAGE = 100_000;
const FEED_SIZE = 50;
const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 50;

/** What the reader routes serve from, and how a mirror's answers differ from the chronicle's own. */
export interface ReaderSite {
  read: ChronicleToRead;
  /** The path every link starts with: '' for this chronicle, '/mirrors/<encoded origin>' for a mirror. */
  base: string;
  /** The chronicle's own public address: permalinks and feed and GeoJSON ids point there. */
  url: string;
  /** Set on a mirror: whose copy it is, its alarms, and its banner around every page. */
  mirror?: {
    origin: string;
    size: number;
    alarms: readonly MirrorAlarm[];
    /** Labels a rendered page as a mirror and keeps its links inside it. */
    decorate(html: string, lang: Lang): Promise<string>;
  };
}

/** The data paths: CORS-open and cacheable. Report submission is deliberately not here. */
const DATA_PATHS = ['/feed.atom', '/feed.json', '/events.geojson', '/events.csv', '/api/v1/events', '/api/v1/events/*'];

function pageOf(c: Ctx): number {
  const raw = c.req.query('page');
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) {
    throw new ValidationError([{ field: 'page', message: `must be a whole number from 1 to ${MAX_PAGE}` }]);
  }
  return Number(raw);
}

/** The filter from the query string, with page parameters' problems reported together with it. */
function parseQuery(c: Ctx, extra?: (p: FieldProblem[]) => void): EventFilter {
  const problems: FieldProblem[] = [];
  let filter: EventFilter = {};
  try {
    filter = parseEventFilter(c.req.query());
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    problems.push(...err.problems);
  }
  extra?.(problems);
  if (problems.length > 0) throw new ValidationError(problems);
  return filter;
}

function positiveInt(c: Ctx, name: string, fallback: number, max: number, problems: FieldProblem[]): number {
  const raw = c.req.query(name)?.trim();
  if (!raw) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    problems.push({ field: name, message: `must be a whole number from 1 to ${max}` });
    return fallback;
  }
  return Number(raw);
}

/** Feeds are addressed by URL alone (?lang=ru), not by cookie, so caches and readers see one feed per URL. */
function feedLang(c: Ctx): Lang {
  const asked = c.req.query('lang');
  return isLang(asked) ? asked : 'en';
}

function query(params: Record<string, string>): string {
  const s = new URLSearchParams(params).toString();
  return s ? `?${s}` : '';
}

/**
 * Sets the caching headers and answers true when the client already holds this version. The
 * tag covers the chronicle's version (every change to public data changes it), where it is
 * served, the route and the parameters that shape the answer.
 */
export async function notModified(c: Ctx, origin: string, version: string, key: string): Promise<boolean> {
  const hash = createHash('sha256').update(`${version}\n${origin}\n${key}`).digest('base64url').slice(0, 27);
  const etag = `W/"${hash}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=60');
  const asked = c.req.header('if-none-match');
  if (!asked) return false;
  return asked.trim() === '*' || asked.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.slice(2));
}

/** Data answers of this site are open to any origin and never carry the language cookie pages set. */
export function openDataPaths(app: Hono<Env>, paths: readonly string[]): void {
  const openCors = cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag', 'Content-Disposition'], maxAge: 86400 });
  for (const path of paths) {
    app.use(path, openCors);
    // Shared caches keep these answers for everyone: the language cookie that ?lang= sets for
    // pages must not ride along (and would stop most caches from storing them at all).
    app.use(path, async (c, next) => {
      await next();
      c.res.headers.delete('set-cookie');
    });
  }
}

/**
 * Mounts the reader site under `prefix` ('' or '/mirrors/:origin'); `siteOf` finds what a request
 * reads, or undefined when there is no such chronicle (404).
 */
export function registerReaderRoutes(
  app: Hono<Env>,
  ctx: AppContext,
  prefix: string,
  siteOf: (c: Ctx) => Promise<ReaderSite | undefined>,
): void {
  openDataPaths(
    app,
    DATA_PATHS.map((p) => `${prefix}${p}`),
  );
  const at = (path: string) => `${prefix}${path}`;

  /** Finds the site, or answers 404. */
  function reading(handler: (c: Ctx, site: ReaderSite) => Promise<Response>) {
    return async (c: Ctx) => {
      const site = await siteOf(c);
      return site ? handler(c, site) : c.notFound();
    };
  }

  async function page(c: Ctx, site: ReaderSite, rendered: unknown, status: 200 | 410 = 200): Promise<Response> {
    const html = String(await (rendered as { toString(): string | Promise<string> }).toString());
    return c.html(site.mirror ? await site.mirror.decorate(html, c.get('lang')) : html, status);
  }

  app.get(
    at('/'),
    reading(async (c, site) => {
      const filter = parseEventFilter(c.req.query());
      const n = pageOf(c);
      const [{ events, total }, witnessedBy] = await Promise.all([
        site.read.page(filter, { limit: CHRONOLOGY_PAGE_SIZE, offset: (n - 1) * CHRONOLOGY_PAGE_SIZE }),
        site.read.witnessedBy(),
      ]);
      return page(
        c,
        site,
        <ChronologyPage
          lang={c.get('lang')}
          path={currentPath(c)}
          filter={filter}
          events={events}
          total={total}
          page={n}
          {...(witnessedBy === undefined ? {} : { witnessedBy })}
        />,
      );
    }),
  );

  /**
   * A withdrawn event answers 410 Gone with the date, not 404: a citation to it should say
   * the editors took it down rather than look like a typo, and no content is shown.
   */
  async function showEvent(c: Ctx, site: ReaderSite, id: number, revision?: number): Promise<Response> {
    const lang = c.get('lang');
    const [current, versions] = await Promise.all([site.read.event(id), site.read.history(id)]);
    if (!current) {
      const lastWithdrawal = versions.filter((r) => r.action === 'unpublish').at(-1);
      if (lastWithdrawal)
        return page(c, site, <GonePage lang={lang} path={currentPath(c)} id={id} at={lastWithdrawal.at.toISOString()} />, 410);
      return c.notFound();
    }
    let ev: PublicEvent = current;
    if (revision !== undefined) {
      if (revision === current.revision) return c.redirect(`${site.base}/events/${id}`, 302);
      const row = versions.filter((r) => r.action === 'publish' && r.revision === revision && r.record).at(-1);
      if (!row?.record) return c.notFound();
      ev = row.record;
    }
    return page(
      c,
      site,
      <EventPage
        lang={lang}
        path={currentPath(c)}
        ev={ev}
        history={versions.map((r) => ({ revision: r.revision, action: r.action, at: r.at.toISOString(), reason: r.reason }))}
        permalink={`${site.url}/events/${id}`}
        siteTitle={site.mirror ? `${common(lang, 'siteTitle')} (${site.mirror.origin})` : common(lang, 'siteTitle')}
        currentRevision={current.revision}
        {...(site.base ? { mediaBase: `${site.base}/media/` } : {})}
      />,
    );
  }

  app.get(
    at('/events/:id'),
    reading((c, site) => showEvent(c, site, intParam(c.req.param('id'), 'id'))),
  );
  app.get(
    at('/events/:id/v/:revision'),
    reading((c, site) => showEvent(c, site, intParam(c.req.param('id'), 'id'), intParam(c.req.param('revision'), 'revision'))),
  );

  /**
   * The map reads counted points and then only the events it names (single marks, the first
   * events abroad): a handful of queries whatever the number of events.
   */
  app.get(
    at('/map'),
    reading(async (c, site) => {
      const filter = parseEventFilter(c.req.query());
      const lang = c.get('lang');
      const layout = layOutMap(await site.read.points(filter));
      const singles = singlePositions(layout);
      const [single, outside] = await Promise.all([
        site.read.eventsAt(filter, singles, singles.length),
        site.read.eventsAt(
          filter,
          layout.outside.map((p) => [p.lon, p.lat] as const),
          OUTSIDE_LIST_MAX,
        ),
      ]);
      return page(
        c,
        site,
        <MapPage lang={lang} path={currentPath(c)} filter={filter} view={mapView(layout, single, outside, filter, lang)} />,
      );
    }),
  );

  const dataKey = (c: Ctx, filter: EventFilter) => `${c.req.path}\n${JSON.stringify(filterToParams(filter))}\n${feedLang(c)}`;
  const unchanged = async (c: Ctx, site: ReaderSite, key: string) =>
    notModified(c, `${ctx.config.origin}${site.base}`, await site.read.version(), key);

  /**
   * The latest publications and withdrawals under the filter, and when the chronicle last
   * changed: any publish or unpublish changes what a feed could hold, so that time is the feed's
   * `updated`, and it cannot go back when an entry leaves.
   */
  async function feedItems(site: ReaderSite, filter: EventFilter): Promise<{ items: FeedItem[]; updated: Date }> {
    const events = await site.read.latest(filter, FEED_SIZE);
    // Withdrawals older than the oldest entry of a full feed would not make it in.
    const oldestShown = events.length === FEED_SIZE ? events.at(-1)!.id : undefined;
    const withdrawals = (await site.read.withdrawals(filter, oldestShown, FEED_SIZE)).map((w) => ({
      id: w.id,
      withdrawnAt: w.withdrawnAt.toISOString(),
      firstPublishedAt: w.record.firstPublishedAt,
    }));
    return { items: newestItems(events, withdrawals, FEED_SIZE), updated: (await site.read.lastChange()) ?? ctx.now() };
  }

  function feedInfo(c: Ctx, site: ReaderSite, file: string, filter: EventFilter, updated: Date): FeedInfo {
    const lang = feedLang(c);
    const here = `${ctx.config.origin}${site.base}`;
    const params = { ...filterToParams(filter), ...(lang === 'en' ? {} : { lang }) };
    const parts: string[] = [];
    if (filter.region) {
      const region = getPlace(filter.region);
      parts.push(region ? placeName(region, lang) : filter.region);
    }
    if (filter.eventType) parts.push(filter.eventType);
    if (filter.status) parts.push(filter.status);
    if (filter.from || filter.to) parts.push(`${filter.from ?? '…'} – ${filter.to ?? '…'}`);
    const m = site.mirror;
    const alarmed = (m?.alarms.length ?? 0) > 0;
    return {
      origin: site.url,
      // Feed readers list feeds by title: an alarm shows there before any entry is opened.
      title: [m ? `${m.origin} (mirror${alarmed ? ', ALARM' : ''})` : common(lang, 'siteTitle'), ...parts].join(' — '),
      subtitle: m
        ? `${alarmed ? 'ALARM: this mirror refused what its origin presented. ' : ''}Mirror of ${m.origin}: ${m.size} log entries verified`
        : common(lang, 'tagline'),
      selfUrl: `${here}/${file}${query(params)}`,
      htmlUrl: `${here}/${query(params)}`,
      lang,
      updated: updated.toISOString(),
      ...(m ? { alarms: m.alarms } : {}),
    };
  }

  app.get(
    at('/feed.atom'),
    reading(async (c, site) => {
      const filter = parseQuery(c);
      if (await unchanged(c, site, dataKey(c, filter))) return c.body(null, 304);
      const { items, updated } = await feedItems(site, filter);
      return c.body(renderAtom(feedInfo(c, site, 'feed.atom', filter, updated), items), 200, {
        'Content-Type': 'application/atom+xml; charset=utf-8',
      });
    }),
  );

  app.get(
    at('/feed.json'),
    reading(async (c, site) => {
      const filter = parseQuery(c);
      if (await unchanged(c, site, dataKey(c, filter))) return c.body(null, 304);
      const { items, updated } = await feedItems(site, filter);
      const feed = renderJsonFeed(feedInfo(c, site, 'feed.json', filter, updated), items);
      return c.body(JSON.stringify(feed), 200, { 'Content-Type': 'application/feed+json; charset=utf-8' });
    }),
  );

  /** The data files, named after a mirrored origin so a downloaded copy says whose it is. */
  const fileStem = (site: ReaderSite) => (site.mirror ? `${site.mirror.origin.replace(/[^A-Za-z0-9.-]+/g, '_')}-events` : 'caravan-events');

  app.get(
    at('/events.geojson'),
    reading(async (c, site) => {
      const filter = parseQuery(c);
      if (await unchanged(c, site, dataKey(c, filter))) return c.body(null, 304);
      return c.body(geojsonStream(site.read.all(filter), site.url, site.mirror?.alarms ?? []), 200, {
        'Content-Type': 'application/geo+json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileStem(site)}.geojson"`,
      });
    }),
  );

  app.get(
    at('/events.csv'),
    reading(async (c, site) => {
      const filter = parseQuery(c);
      if (await unchanged(c, site, dataKey(c, filter))) return c.body(null, 304);
      const alarm = site.mirror?.alarms.length ? alarmLine(site.mirror.alarms) : undefined;
      return c.body(csvStream(site.read.all(filter), alarm), 200, {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="${fileStem(site)}.csv"`,
      });
    }),
  );

  app.get(
    at('/api/v1/events'),
    reading(async (c, site) => {
      let n = 1;
      let pageSize = DEFAULT_PAGE_SIZE;
      const filter = parseQuery(c, (problems) => {
        n = positiveInt(c, 'page', 1, 1_000_000, problems);
        pageSize = positiveInt(c, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, problems);
      });
      if (await unchanged(c, site, `${dataKey(c, filter)}\n${n}\n${pageSize}`)) return c.body(null, 304);
      const { events, total } = await site.read.page(filter, { limit: pageSize, offset: (n - 1) * pageSize });
      const body: { events: typeof events; page: number; pageSize: number; total: number; next?: string } = {
        events,
        page: n,
        pageSize,
        total,
      };
      if (n * pageSize < total) {
        body.next = `${ctx.config.origin}${site.base}/api/v1/events${query({ ...filterToParams(filter), page: String(n + 1), pageSize: String(pageSize) })}`;
      }
      return c.json(body);
    }),
  );

  /**
   * The published event, or the JSON answer for one that is not: 410 with the date when the
   * editors withdrew it (as the permalink page does), 404 when it was never public.
   */
  async function publishedOr(
    c: Ctx,
    site: ReaderSite,
    id: number,
  ): Promise<{ event: PublicEvent; versions: PublicVersion[] } | { response: Response }> {
    const [event, versions] = await Promise.all([site.read.event(id), site.read.history(id)]);
    if (event) return { event, versions };
    const withdrawn = versions.filter((r) => r.action === 'unpublish').at(-1);
    if (withdrawn) {
      const when = withdrawn.at.toISOString();
      return {
        response: c.json(
          { error: { code: 'gone', message: `event ${id} was withdrawn by the editors on ${when.slice(0, 10)}`, at: when } },
          410,
        ),
      };
    }
    return { response: c.json({ error: { code: 'not_found', message: `event ${id} not found` } }, 404) };
  }

  app.get(
    at('/api/v1/events/:id'),
    reading(async (c, site) => {
      const id = intParam(c.req.param('id'), 'id');
      if (await unchanged(c, site, `event\n${id}`)) return c.body(null, 304);
      const found = await publishedOr(c, site, id);
      return 'response' in found ? found.response : c.json(found.event);
    }),
  );

  app.get(
    at('/api/v1/events/:id/history'),
    reading(async (c, site) => {
      const id = intParam(c.req.param('id'), 'id');
      if (await unchanged(c, site, `history\n${id}`)) return c.body(null, 304);
      // A withdrawn event takes its history with it: unpublishing is how editors take down what
      // should not be public at all (a retraction keeps the event visible, marked retracted).
      const found = await publishedOr(c, site, id);
      if ('response' in found) return found.response;
      const publications = found.versions.map((r) => ({
        revision: r.revision,
        action: r.action,
        reason: r.reason,
        at: r.at.toISOString(),
        ...(r.action === 'publish' && r.record ? { record: r.record } : {}),
      }));
      return c.json({ id, publications });
    }),
  );

  /**
   * Published media by hash. A file is served only once something published names it (this
   * chronicle) or a verified entry names it and its bytes matched (a mirror), so the address is
   * the content: cached for a year as immutable, never sniffed, and shown inline only as the
   * image or video type the record declares.
   */
  app.get(
    at('/media/:sha256'),
    reading(async (c, site) => {
      const sha256 = c.req.param('sha256');
      if (!isSha256Hex(sha256)) return c.notFound();
      const file = await site.read.media(sha256);
      if (!file) return c.notFound();
      const headers = mediaHeaders(file);
      if (c.req.header('if-none-match') === headers.ETag) {
        return new Response(null, { status: 304, headers: { ETag: headers.ETag!, 'Cache-Control': headers['Cache-Control']! } });
      }
      return new Response(c.req.method === 'HEAD' ? null : file.body(), { headers });
    }),
  );
}
