/**
 * The public reading site: the chronology, event permalinks with their published history, and
 * the map. Handlers parse the request, ask the store, and hand PublicEvents to publish/.
 */
import type { Hono } from 'hono';
import { ValidationError } from '../../core/errors.ts';
import { type EventFilter, parseEventFilter } from '../../core/filter.ts';
import type { PublicEvent } from '../../core/public-event.ts';
import { CHRONOLOGY_PAGE_SIZE, ChronologyPage } from '../../publish/chronology.tsx';
import { EventPage, GonePage, type PublishedVersion } from '../../publish/event-page.tsx';
import { common } from '../../publish/i18n.ts';
import { MapPage } from '../../publish/map.tsx';
import { OUTSIDE_LIST_MAX, layOutMap, mapView, singlePositions } from '../../publish/map-marks.ts';
import { type PublicationRow, getPublishedEvent, listPublications, publishedAt, queryPublished } from '../../store/events.ts';
import { publishedPoints } from '../../store/published.ts';
import { countLatestCosignatures } from '../../store/witness.ts';
import type { AppContext } from '../../app/context.ts';
import { type Ctx, type Env, currentPath, intParam } from '../common.ts';

/** Page numbers beyond this are typing mistakes, not a chronicle's size. */
const MAX_PAGE = 100_000;

function filterOf(c: Ctx): EventFilter {
  return parseEventFilter(c.req.query());
}

function pageOf(c: Ctx): number {
  const raw = c.req.query('page');
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) {
    throw new ValidationError([{ field: 'page', message: `must be a whole number from 1 to ${MAX_PAGE}` }]);
  }
  return Number(raw);
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** The history as readers may see it: dates, revisions, public reasons; nothing about editors. */
function publicHistory(rows: readonly PublicationRow[]): PublishedVersion[] {
  return rows.map((r) => ({
    revision: r.revision,
    action: r.action,
    at: iso(r.at),
    reason: r.action === 'publish' ? r.reason : null,
  }));
}

export function registerPublicRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/', async (c) => {
    const filter = filterOf(c);
    const page = pageOf(c);
    const { events, total } = await queryPublished(ctx.db, filter, {
      limit: CHRONOLOGY_PAGE_SIZE,
      offset: (page - 1) * CHRONOLOGY_PAGE_SIZE,
    });
    const witnessedBy = await countLatestCosignatures(ctx.db);
    return c.html(<ChronologyPage lang={c.get('lang')} path={currentPath(c)} filter={filter} events={events} total={total} page={page} witnessedBy={witnessedBy} />);
  });

  /**
   * A withdrawn event answers 410 Gone with the date, not 404: a citation to it should say
   * the editors took it down rather than look like a typo, and no content is shown.
   */
  async function showEvent(c: Ctx, id: number, revision?: number) {
    const lang = c.get('lang');
    const [current, rows] = await Promise.all([getPublishedEvent(ctx.db, id), listPublications(ctx.db, id)]);
    if (!current) {
      const lastWithdrawal = rows.filter((r) => r.action === 'unpublish').at(-1);
      if (lastWithdrawal) return c.html(<GonePage lang={lang} path={currentPath(c)} id={id} at={iso(lastWithdrawal.at)} />, 410);
      return c.notFound();
    }
    let ev: PublicEvent = current;
    if (revision !== undefined) {
      if (revision === current.revision) return c.redirect(`/events/${id}`, 302);
      const row = rows.filter((r) => r.action === 'publish' && r.revision === revision && r.record).at(-1);
      if (!row?.record) return c.notFound();
      ev = row.record;
    }
    return c.html(
      <EventPage
        lang={lang}
        path={currentPath(c)}
        ev={ev}
        history={publicHistory(rows)}
        permalink={`${ctx.config.origin}/events/${id}`}
        siteTitle={common(lang, 'siteTitle')}
        currentRevision={current.revision}
      />,
    );
  }

  app.get('/events/:id', (c) => showEvent(c, intParam(c.req.param('id'), 'id')));
  app.get('/events/:id/v/:revision', (c) =>
    showEvent(c, intParam(c.req.param('id'), 'id'), intParam(c.req.param('revision'), 'revision')),
  );

  /**
   * The map reads counted points and then only the events it names (single marks, the first
   * events abroad): a handful of queries whatever the number of events.
   */
  app.get('/map', async (c) => {
    const filter = filterOf(c);
    const lang = c.get('lang');
    const layout = layOutMap(await publishedPoints(ctx.db, filter));
    const singles = singlePositions(layout);
    const [single, outside] = await Promise.all([
      publishedAt(ctx.db, filter, singles, singles.length),
      publishedAt(ctx.db, filter, layout.outside.map((p) => [p.lon, p.lat] as const), OUTSIDE_LIST_MAX),
    ]);
    return c.html(<MapPage lang={lang} path={currentPath(c)} filter={filter} view={mapView(layout, single, outside, filter, lang)} />);
  });
}
