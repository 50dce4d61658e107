/**
 * Read-only copies of the chronicles this one follows, at /mirrors/<origin>/: the same
 * chronology, event pages, map and Atom feed as the original, rendered by the same publish/
 * components from the mirror's verified read model. Every page says it is a mirror, of what,
 * how much was verified and when, and carries any alarm. Nothing here contacts the origin, so
 * the copy keeps serving when the origin is gone.
 */
import type { Hono } from 'hono';
import { unstorableReason } from '../../core/storable-text.ts';
import { ValidationError } from '../../core/errors.ts';
import { type EventFilter, parseEventFilter } from '../../core/filter.ts';
import { CHRONOLOGY_PAGE_SIZE, ChronologyPage } from '../../publish/chronology.tsx';
import { EventPage, GonePage, type PublishedVersion } from '../../publish/event-page.tsx';
import { csvStream } from '../../publish/exports/csv.ts';
import { geojsonStream } from '../../publish/exports/geojson.ts';
import { type FeedInfo, renderAtom } from '../../publish/feeds/atom.ts';
import { renderJsonFeed } from '../../publish/feeds/json-feed.ts';
import { type Lang, common } from '../../publish/i18n.ts';
import { MapPage, mapMarks } from '../../publish/map.tsx';
import { type MirrorAlarm, alarmLine } from '../../publish/mirror-alarm.ts';
import { type MirrorLabel, MirrorBanner, MirrorsPage } from '../../publish/mirror-pages.tsx';
import {
  type MirrorAlarmRow,
  type MirrorRow,
  getMirror,
  getMirrorEvent,
  listMirrorAlarms,
  listMirrorEventEntries,
  listMirrorEvents,
  listMirrors,
  queryMirrorEvents,
  recentMirrorEvents,
  streamMirrorEvents,
} from '../../store/mirrors.ts';
import { countCosignatures } from '../../log/witness.ts';
import { getMirrorWitnessKeys } from '../../store/witness.ts';
import type { AppContext } from '../../app/context.ts';
import { type Ctx, type Env, currentPath, intParam } from '../common.ts';

const MAX_PAGE = 100_000;
const FEED_SIZE = 50;

/** The page's path prefix for a mirror: origins hold ":" and "/", so they are one encoded segment. */
export function mirrorBase(origin: string): string {
  return `/mirrors/${encodeURIComponent(origin)}`;
}

/** The original chronicle's address, from its log's address. */
export function chronicleUrl(m: Pick<MirrorRow, 'log_url'>): string {
  return m.log_url.replace(/\/?log\/?$/, '');
}

/** Reader paths the mirror serves itself; every other link (assets, the host's own pages) is left alone. */
const MIRRORED = /^\/(?:$|\?|events\/|map(?:$|\?)|feed\.(?:atom|json)|events\.(?:csv|geojson))/;

/**
 * Points the shared renderers' links into the mirror. They write root-relative addresses
 * (href="/events/3", action="/"), so the rewrite is exact on attribute values that start with
 * one of the paths the mirror serves.
 */
export function rebaseLinks(html: string, base: string): string {
  return html.replace(/\b(href|action)="(\/[^"]*)"/g, (whole, attr: string, value: string) =>
    MIRRORED.test(value) ? `${attr}="${base}${value}"` : whole,
  );
}

/** A followed chronicle as its pages describe it. */
function labelOf(m: MirrorRow): MirrorLabel {
  return {
    origin: m.origin,
    url: chronicleUrl(m),
    base: mirrorBase(m.origin),
    size: m.size,
    lastCheckAt: m.last_check_at,
    lastSuccessAt: m.last_success_at,
    lastError: m.last_error,
  };
}

/** An alarm as the feeds and data files carry it. */
function alarmOf(a: MirrorAlarmRow): MirrorAlarm {
  return {
    id: a.id,
    kind: a.kind,
    detectedAt: new Date(a.detected_at).toISOString(),
    message: a.message,
    verifiedCheckpoint: a.verified_checkpoint,
    presentedCheckpoint: a.presented_checkpoint,
  };
}

function pageOf(c: Ctx): number {
  const raw = c.req.query('page');
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) {
    throw new ValidationError([{ field: 'page', message: `must be a whole number from 1 to ${MAX_PAGE}` }]);
  }
  return Number(raw);
}

export function registerMirrorRoutes(app: Hono<Env>, ctx: AppContext): void {
  async function mirrorOf(c: Ctx): Promise<{ m: MirrorRow; alarms: MirrorAlarmRow[] } | undefined> {
    const origin = c.req.param('origin') ?? '';
    // Origins are checkpoint lines, which hold no NUL: such a path names no mirror.
    if (unstorableReason(origin) !== undefined) return undefined;
    const m = await getMirror(ctx.db, origin);
    if (!m) return undefined;
    return { m, alarms: await listMirrorAlarms(ctx.db, m.origin) };
  }

  /** Renders a publish/ page, then labels it as a mirror and keeps its links inside. */
  async function mirrored(c: Ctx, found: { m: MirrorRow; alarms: MirrorAlarmRow[] }, page: unknown, status: 200 | 410 = 200) {
    const html = String(await (page as { toString(): string | Promise<string> }).toString());
    const base = mirrorBase(found.m.origin);
    // Counted against the keys the origin lists: a line from any other key vouches for nothing.
    const witnessKeys = await getMirrorWitnessKeys(ctx.db, found.m.origin);
    const witnessed = { count: countCosignatures(found.m.checkpoint ?? '', witnessKeys), listed: witnessKeys.length };
    const banner = String(await (<MirrorBanner m={labelOf(found.m)} alarms={found.alarms.map(alarmOf)} witnessed={witnessed} lang={c.get('lang')} />).toString());
    const labelled = rebaseLinks(html, base).replace('<main id="main">', `<main id="main">${banner}`);
    return c.html(labelled, status);
  }

  app.get('/mirrors', async (c) => {
    const lang: Lang = c.get('lang');
    const [mirrors, alarms] = await Promise.all([listMirrors(ctx.db), listMirrorAlarms(ctx.db)]);
    return c.html(<MirrorsPage lang={lang} path={currentPath(c)} mirrors={mirrors.map(labelOf)} alarms={alarms.map((a) => ({ ...alarmOf(a), origin: a.origin }))} />);
  });

  app.get('/mirrors/:origin', (c) => c.redirect(`${mirrorBase(c.req.param('origin'))}/`, 301));

  app.get('/mirrors/:origin/', async (c) => {
    const found = await mirrorOf(c);
    if (!found) return c.notFound();
    const filter: EventFilter = parseEventFilter(c.req.query());
    const page = pageOf(c);
    const { events, total } = await queryMirrorEvents(ctx.db, found.m.origin, filter, { limit: CHRONOLOGY_PAGE_SIZE, offset: (page - 1) * CHRONOLOGY_PAGE_SIZE });
    return mirrored(c, found, <ChronologyPage lang={c.get('lang')} path={currentPath(c)} filter={filter} events={events} total={total} page={page} />);
  });

  async function showEvent(c: Ctx, revision?: number) {
    const found = await mirrorOf(c);
    if (!found) return c.notFound();
    const lang = c.get('lang');
    const id = intParam(c.req.param('id'), 'id');
    const [current, rows] = await Promise.all([getMirrorEvent(ctx.db, found.m.origin, id), listMirrorEventEntries(ctx.db, found.m.origin, id)]);
    if (!current) {
      const withdrawn = rows.filter((r) => r.type === 'unpublish').at(-1);
      if (withdrawn) return mirrored(c, found, <GonePage lang={lang} path={currentPath(c)} id={id} at={new Date(withdrawn.at).toISOString()} />, 410);
      return c.notFound();
    }
    let ev = current;
    if (revision !== undefined && revision !== current.revision) {
      const row = rows.filter((r) => r.type === 'publish' && r.revision === revision && r.record).at(-1);
      if (!row?.record) return c.notFound();
      ev = row.record;
    }
    const history: PublishedVersion[] = rows.map((r) => ({
      revision: r.revision,
      action: r.type,
      at: new Date(r.at).toISOString(),
      reason: r.type === 'publish' ? r.note : null,
    }));
    return mirrored(
      c,
      found,
      <EventPage
        lang={lang}
        path={currentPath(c)}
        ev={ev}
        history={history}
        permalink={`${chronicleUrl(found.m)}/events/${id}`}
        siteTitle={`${common(lang, 'siteTitle')} (${found.m.origin})`}
        currentRevision={current.revision}
        mediaBase={`${mirrorBase(found.m.origin)}/media/`}
      />,
    );
  }

  app.get('/mirrors/:origin/events/:id', (c) => showEvent(c));
  app.get('/mirrors/:origin/events/:id/v/:revision', (c) => showEvent(c, intParam(c.req.param('revision'), 'revision')));

  app.get('/mirrors/:origin/map', async (c) => {
    const found = await mirrorOf(c);
    if (!found) return c.notFound();
    const filter = parseEventFilter(c.req.query());
    const events = await listMirrorEvents(ctx.db, found.m.origin, filter);
    return mirrored(c, found, <MapPage lang={c.get('lang')} path={currentPath(c)} filter={filter} view={mapMarks(events, filter, c.get('lang'))} />);
  });

  /** Feed metadata for a mirror: ids and permalinks stay the original chronicle's, a mirror is the same record. */
  function mirrorFeedInfo(c: Ctx, found: { m: MirrorRow; alarms: MirrorAlarmRow[] }, file: string): FeedInfo {
    const { m } = found;
    const base = `${ctx.config.origin}${mirrorBase(m.origin)}`;
    const alarmed = found.alarms.length > 0;
    return {
      origin: chronicleUrl(m),
      // Feed readers list feeds by title: an alarm shows there before any entry is opened.
      title: `${m.origin} (mirror${alarmed ? ', ALARM' : ''})`,
      subtitle: `${alarmed ? 'ALARM: this mirror refused what its origin presented. ' : ''}Mirror of ${m.origin}: ${m.size} log entries verified`,
      selfUrl: `${base}/${file}`,
      htmlUrl: `${base}/`,
      lang: c.get('lang'),
      updated: new Date(m.last_success_at ?? m.added_at).toISOString(),
      alarms: found.alarms.map(alarmOf),
    };
  }

  app.get('/mirrors/:origin/feed.atom', async (c) => {
    const found = await mirrorOf(c);
    if (!found) return c.notFound();
    const events = await recentMirrorEvents(ctx.db, found.m.origin, FEED_SIZE);
    const xml = renderAtom(mirrorFeedInfo(c, found, 'feed.atom'), events);
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/mirrors/:origin/feed.json', async (c) => {
    const found = await mirrorOf(c);
    if (!found) return c.notFound();
    const events = await recentMirrorEvents(ctx.db, found.m.origin, FEED_SIZE);
    const feed = renderJsonFeed(mirrorFeedInfo(c, found, 'feed.json'), events);
    return c.body(JSON.stringify(feed), 200, { 'Content-Type': 'application/feed+json; charset=utf-8' });
  });

  /** The data files, named after the mirrored origin so a downloaded copy says whose it is. */
  const fileStem = (origin: string) => `${origin.replace(/[^A-Za-z0-9.-]+/g, '_')}-events`;

  app.get('/mirrors/:origin/events.csv', async (c) => {
    const found = await mirrorOf(c);
    if (!found) return c.notFound();
    const filter = parseEventFilter(c.req.query());
    const alarm = found.alarms.length > 0 ? alarmLine(found.alarms.map(alarmOf)) : undefined;
    return c.body(csvStream(streamMirrorEvents(ctx.db, found.m.origin, filter), alarm), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${fileStem(found.m.origin)}.csv"`,
    });
  });

  app.get('/mirrors/:origin/events.geojson', async (c) => {
    const found = await mirrorOf(c);
    if (!found) return c.notFound();
    const filter = parseEventFilter(c.req.query());
    return c.body(geojsonStream(streamMirrorEvents(ctx.db, found.m.origin, filter), chronicleUrl(found.m), found.alarms.map(alarmOf)), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileStem(found.m.origin)}.geojson"`,
    });
  });
}
