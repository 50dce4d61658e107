/** The workspace home: counts by state and the open reports, oldest first. */
import type { Hono } from 'hono';
import { QueuePage } from '../../../publish/editor/queue.tsx';
import { countReportsByState, listReports } from '../../../store/reports.ts';
import type { AppContext } from '../../context.ts';
import { type Env, currentPath } from '../../http.ts';
import { userOf } from './guard.ts';

export function registerQueueRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/', async (c) => {
    const [counts, reports] = await Promise.all([countReportsByState(ctx.db), listReports(ctx.db, { states: ['new', 'claimed'], limit: 200 })]);
    return c.html(<QueuePage lang={c.get('lang')} path={currentPath(c)} user={userOf(c)} counts={counts} reports={reports} />);
  });
}
