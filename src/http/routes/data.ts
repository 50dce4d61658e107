/**
 * Data out: feeds, exports, the events API and its OpenAPI description, and the /data page
 * that explains them. All GET, all public: any origin may read them (CORS *), caches may keep
 * them a minute, and an ETag keyed on the chronicle's last publication answers 304 when
 * nothing changed.
 */
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { ValidationError, type FieldProblem } from '../../core/errors.ts';
import { type EventFilter, filterToParams, parseEventFilter } from '../../core/filter.ts';
import { getPlace, placeName } from '../../core/gazetteer/search.ts';
import { DataPage } from '../../publish/data-page.tsx';
import { csvStream } from '../../publish/exports/csv.ts';
import { geojsonStream } from '../../publish/exports/geojson.ts';
import { type FeedInfo, renderAtom } from '../../publish/feeds/atom.ts';
import { type FeedItem, newestItems } from '../../publish/feeds/describe.ts';
import { renderJsonFeed } from '../../publish/feeds/json-feed.ts';
import { type Lang, common, isLang } from '../../publish/i18n.ts';
import { openApiDocument } from '../../publish/openapi.ts';
import { getPublishedEvent, latestPublication, latestPublished, listPublications, queryPublished, streamPublished } from '../../store/events.ts';
import { publicationIdOf, recentWithdrawals } from '../../store/withdrawals.ts';
import type { AppContext } from '../../app/context.ts';
import { type Ctx, type Env, currentPath, intParam } from '../common.ts';

const FEED_SIZE = 50;
const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 50;

/** Paths of public GET data: CORS-open and cacheable. Report submission is deliberately not here. */
const PUBLIC_DATA_PATHS = ['/feed.atom', '/feed.json', '/events.geojson', '/events.csv', '/openapi.json', '/api/v1/events', '/api/v1/events/*'];

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
 * tag covers the last publication (every change to public data adds one), the route and the
 * parameters that shape the answer.
 */
async function notModified(c: Ctx, ctx: AppContext, key: string): Promise<boolean> {
  const last = await latestPublication(ctx.db);
  const hash = createHash('sha256').update(`${last?.id ?? 0}\n${ctx.config.origin}\n${key}`).digest('base64url').slice(0, 27);
  const etag = `W/"${hash}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=60');
  const asked = c.req.header('if-none-match');
  if (!asked) return false;
  return asked.trim() === '*' || asked.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.slice(2));
}

function feedInfo(c: Ctx, ctx: AppContext, path: string, filter: EventFilter, lang: Lang, updated: Date): FeedInfo {
  const origin = ctx.config.origin;
  const params = filterToParams(filter);
  const parts = [common(lang, 'siteTitle')];
  if (filter.region) {
    const region = getPlace(filter.region);
    parts.push(region ? placeName(region, lang) : filter.region);
  }
  if (filter.eventType) parts.push(filter.eventType);
  if (filter.status) parts.push(filter.status);
  if (filter.from || filter.to) parts.push(`${filter.from ?? '…'} – ${filter.to ?? '…'}`);
  return {
    origin,
    title: parts.join(' — '),
    subtitle: common(lang, 'tagline'),
    selfUrl: `${origin}${path}${query({ ...params, ...(lang === 'en' ? {} : { lang }) })}`,
    htmlUrl: `${origin}/${query({ ...params, ...(lang === 'en' ? {} : { lang }) })}`,
    lang,
    updated: updated.toISOString(),
  };
}

export function registerDataRoutes(app: Hono<Env>, ctx: AppContext): void {
  const origin = ctx.config.origin;
  const openCors = cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag', 'Content-Disposition'], maxAge: 86400 });
  for (const path of PUBLIC_DATA_PATHS) {
    app.use(path, openCors);
    // Shared caches keep these answers for everyone: the language cookie that ?lang= sets for
    // pages must not ride along (and would stop most caches from storing them at all).
    app.use(path, async (c, next) => {
      await next();
      c.res.headers.delete('set-cookie');
    });
  }

  const feedKey = (c: Ctx, filter: EventFilter) => `${c.req.path}\n${JSON.stringify(filterToParams(filter))}\n${feedLang(c)}`;

  /**
   * The latest publications and withdrawals under the filter, and when the chronicle last
   * changed: any publish or unpublish changes what a feed could hold, so that time is the feed's
   * `updated`, and it cannot go back when an entry leaves.
   */
  async function feedItems(filter: EventFilter): Promise<{ items: FeedItem[]; updated: Date }> {
    const events = await latestPublished(ctx.db, filter, FEED_SIZE);
    // Withdrawals older than the oldest entry of a full feed would not make it in.
    const since = events.length === FEED_SIZE ? await publicationIdOf(ctx.db, events.at(-1)!.id) : 0;
    const withdrawals = (await recentWithdrawals(ctx.db, filter, since, FEED_SIZE)).map((w) => ({
      id: w.id,
      withdrawnAt: w.withdrawnAt.toISOString(),
      firstPublishedAt: w.record.firstPublishedAt,
    }));
    const last = await latestPublication(ctx.db);
    return { items: newestItems(events, withdrawals, FEED_SIZE), updated: last?.at ?? ctx.now() };
  }

  app.get('/feed.atom', async (c) => {
    const filter = parseQuery(c);
    if (await notModified(c, ctx, feedKey(c, filter))) return c.body(null, 304);
    const { items, updated } = await feedItems(filter);
    const xml = renderAtom(feedInfo(c, ctx, '/feed.atom', filter, feedLang(c), updated), items);
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/feed.json', async (c) => {
    const filter = parseQuery(c);
    if (await notModified(c, ctx, feedKey(c, filter))) return c.body(null, 304);
    const { items, updated } = await feedItems(filter);
    const feed = renderJsonFeed(feedInfo(c, ctx, '/feed.json', filter, feedLang(c), updated), items);
    return c.body(JSON.stringify(feed), 200, { 'Content-Type': 'application/feed+json; charset=utf-8' });
  });

  app.get('/events.geojson', async (c) => {
    const filter = parseQuery(c);
    if (await notModified(c, ctx, feedKey(c, filter))) return c.body(null, 304);
    return c.body(geojsonStream(streamPublished(ctx.db, filter), origin), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="caravan-events.geojson"',
    });
  });

  app.get('/events.csv', async (c) => {
    const filter = parseQuery(c);
    if (await notModified(c, ctx, feedKey(c, filter))) return c.body(null, 304);
    return c.body(csvStream(streamPublished(ctx.db, filter)), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': 'attachment; filename="caravan-events.csv"',
    });
  });

  app.get('/api/v1/events', async (c) => {
    let page = 1;
    let pageSize = DEFAULT_PAGE_SIZE;
    const filter = parseQuery(c, (problems) => {
      page = positiveInt(c, 'page', 1, 1_000_000, problems);
      pageSize = positiveInt(c, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, problems);
    });
    if (await notModified(c, ctx, `${feedKey(c, filter)}\n${page}\n${pageSize}`)) return c.body(null, 304);
    const { events, total } = await queryPublished(ctx.db, filter, { limit: pageSize, offset: (page - 1) * pageSize });
    const body: { events: typeof events; page: number; pageSize: number; total: number; next?: string } = { events, page, pageSize, total };
    if (page * pageSize < total) {
      body.next = `${origin}/api/v1/events${query({ ...filterToParams(filter), page: String(page + 1), pageSize: String(pageSize) })}`;
    }
    return c.json(body);
  });

  /**
   * The published event, or the JSON answer for one that is not: 410 with the date when the
   * editors withdrew it (as the permalink page does), 404 when it was never public.
   */
  async function publishedOr(c: Ctx, id: number) {
    const [event, rows] = await Promise.all([getPublishedEvent(ctx.db, id), listPublications(ctx.db, id)]);
    if (event) return { event, rows };
    const withdrawn = rows.filter((r) => r.action === 'unpublish').at(-1);
    if (withdrawn) {
      const at = withdrawn.at.toISOString();
      return { response: c.json({ error: { code: 'gone', message: `event ${id} was withdrawn by the editors on ${at.slice(0, 10)}`, at } }, 410) };
    }
    return { response: c.json({ error: { code: 'not_found', message: `event ${id} not found` } }, 404) };
  }

  app.get('/api/v1/events/:id', async (c) => {
    const id = intParam(c.req.param('id'), 'id');
    if (await notModified(c, ctx, `event\n${id}`)) return c.body(null, 304);
    const found = await publishedOr(c, id);
    return found.response ?? c.json(found.event);
  });

  app.get('/api/v1/events/:id/history', async (c) => {
    const id = intParam(c.req.param('id'), 'id');
    if (await notModified(c, ctx, `history\n${id}`)) return c.body(null, 304);
    // A withdrawn event takes its history with it: unpublishing is how editors take down what
    // should not be public at all (a retraction keeps the event visible, marked retracted).
    const found = await publishedOr(c, id);
    if (found.response) return found.response;
    const publications = found.rows.map((r) => ({
      revision: r.revision,
      action: r.action,
      // Why something was withdrawn may name what was wrong with it; the public history says only when.
      reason: r.action === 'publish' ? r.reason : null,
      at: r.at.toISOString(),
      ...(r.action === 'publish' && r.record ? { record: r.record } : {}),
    }));
    return c.json({ id, publications });
  });

  const apiDoc = JSON.stringify(openApiDocument(origin));
  app.get('/openapi.json', async (c) => {
    if (await notModified(c, ctx, apiDoc)) return c.body(null, 304);
    return c.body(apiDoc, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.get('/data', (c) => {
    const lang = c.get('lang');
    let filter: EventFilter = {};
    let problems: readonly FieldProblem[] = [];
    try {
      filter = parseEventFilter(c.req.query());
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      problems = err.problems;
    }
    const values = c.req.query();
    return c.html(DataPage({ lang, path: currentPath(c), origin, filter, values, problems }), problems.length > 0 ? 422 : 200);
  });
}
