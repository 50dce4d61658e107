/** The workspace home: counts by state and every open report, a page at a time, oldest or newest first. */
import type { Hono } from 'hono';
import { QUEUE_PAGE_SIZE, QueuePage } from '../../../publish/editor/queue.tsx';
import {
  type QueueFilter,
  type QueueKey,
  countOpenReports,
  countReportsByState,
  listOpenReports,
  queueKeyOf,
  countReportsAfter,
  newestReportId,
  sameIncidentAs,
  sameMediaAs,
  sameTextAs,
} from '../../../store/reports.ts';
import type { AppContext } from '../../../app/context.ts';
import { BadRequestError } from '../../../core/errors.ts';
import { REPORT_LANGS, type ReportLang } from '../../../core/reading/language.ts';
import { REPORT_CHANNELS, type ReportChannel } from '../../../core/report.ts';
import { placesIn, regionsOf } from '../../../core/gazetteer/search.ts';
import { type Ctx, type Env, currentPath, intParam } from '../../common.ts';
import { userOf } from './guard.ts';
import { BULK_ACTIONS, claimsLapsedBefore } from './bulk.tsx';

/** What the bulk form just did, from its redirect (?done=reject&n=12). */
function doneOf(c: Ctx): { action: string; n: number } | undefined {
  const action = c.req.query('done');
  const n = Number(c.req.query('n'));
  if (!action || !(BULK_ACTIONS as readonly string[]).includes(action) || !Number.isInteger(n) || n < 1) return undefined;
  return { action, n };
}

/** The pager names a report by id; its place in the order is that report's received time and id. */
async function keyOf(c: Ctx, ctx: AppContext, name: 'after' | 'before'): Promise<QueueKey | undefined> {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const id = intParam(raw, name);
  const key = await queueKeyOf(ctx.db, id);
  if (!key) throw new BadRequestError(`${name}: there is no report ${id}`, 'invalid_parameter');
  return key;
}

/** ?language=kk&channel=sms&hedged=yes&region=kz-mangystau: the queue narrowed; anything else named is refused, naming it. */
function filterOf(c: Ctx): QueueFilter & { region?: string | undefined } {
  const language = c.req.query('language') || undefined;
  const channel = c.req.query('channel') || undefined;
  if (language !== undefined && !(REPORT_LANGS as readonly string[]).includes(language)) {
    throw new BadRequestError(`language must be one of ${REPORT_LANGS.join(', ')}`, 'invalid_parameter');
  }
  if (channel !== undefined && !(REPORT_CHANNELS as readonly string[]).includes(channel)) {
    throw new BadRequestError(`channel must be one of ${REPORT_CHANNELS.join(', ')}`, 'invalid_parameter');
  }
  const hedged = c.req.query('hedged') || undefined;
  if (hedged !== undefined && hedged !== 'yes' && hedged !== 'no')
    throw new BadRequestError('hedged must be "yes" or "no"', 'invalid_parameter');
  const region = c.req.query('region') || undefined;
  const regions = regionsOf('KAZ');
  if (region !== undefined && !regions.some((r) => r.id === region)) {
    throw new BadRequestError(`region must be one of ${regions.map((r) => r.id).join(', ')}`, 'invalid_parameter');
  }
  return {
    lang: language as ReportLang | undefined,
    channel: channel as ReportChannel | undefined,
    hedged: hedged === undefined ? undefined : hedged === 'yes',
    region,
    placeIds: region === undefined ? undefined : placesIn(region),
  };
}

export function registerQueueRoutes(app: Hono<Env>, ctx: AppContext): void {
  // For the queue's island: how many reports arrived after the newest the page knew; a count only.
  app.get('/queue/news', async (c) => {
    const after = intParam(c.req.query('after') ?? '', 'after');
    return c.json({ newer: await countReportsAfter(ctx.db, after) });
  });

  app.get('/', async (c) => {
    const order = c.req.query('order') ?? 'oldest';
    if (order !== 'oldest' && order !== 'newest') throw new BadRequestError('order must be "oldest" or "newest"', 'invalid_parameter');
    const [after, before] = [await keyOf(c, ctx, 'after'), await keyOf(c, ctx, 'before')];
    if (after && before) throw new BadRequestError('give either after or before, not both', 'invalid_parameter');
    const filter = filterOf(c);
    const [counts, page, open, newest] = await Promise.all([
      countReportsByState(ctx.db),
      listOpenReports(ctx.db, { order, after, before, limit: QUEUE_PAGE_SIZE, filter }),
      countOpenReports(ctx.db, filter),
      newestReportId(ctx.db),
    ]);
    const ids = page.reports.map((r) => r.id);
    const [sameText, sameMedia, sameIncident] = await Promise.all([
      sameTextAs(ctx.db, ids),
      sameMediaAs(ctx.db, ids),
      sameIncidentAs(ctx.db, ids),
    ]);
    return c.html(
      <QueuePage
        lang={c.get('lang')}
        path={currentPath(c)}
        user={userOf(c)}
        counts={counts}
        order={order}
        page={page}
        sameText={sameText}
        sameMedia={sameMedia}
        sameIncident={sameIncident}
        filter={filter}
        open={open}
        done={doneOf(c)}
        newestId={newest}
        claimsLapseBefore={claimsLapsedBefore(ctx)}
      />,
    );
  });
}
