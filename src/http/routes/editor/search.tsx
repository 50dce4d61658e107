/** GET /editor/search: reports whose words match, in any script (core/reading/search.ts). */
import type { Hono } from 'hono';
import type { AppContext } from '../../../app/context.ts';
import { ValidationError } from '../../../core/errors.ts';
import { highlight, isEmptySearch, parseSearch, toTsQuery } from '../../../core/reading/search.ts';
import { SEARCH_PAGE_SIZE, SearchPage } from '../../../publish/editor/search.tsx';
import { searchReports } from '../../../store/reports.ts';
import { type Env, currentPath } from '../../common.ts';
import { userOf } from './guard.ts';

/** How much of a long report a result shows. */
const EXCERPT = 400;
const MAX_PAGE = 1000;

export function registerSearchRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/search', async (c) => {
    const raw = (c.req.query('q') ?? '').slice(0, 200);
    const pageParam = c.req.query('page') ?? '1';
    if (!/^\d{1,4}$/.test(pageParam) || Number(pageParam) < 1 || Number(pageParam) > MAX_PAGE) {
      throw new ValidationError([{ field: 'page', message: `must be a whole number from 1 to ${MAX_PAGE}` }]);
    }
    const page = Number(pageParam);
    const query = parseSearch(raw);
    const props = { lang: c.get('lang'), path: currentPath(c), user: userOf(c), query: raw, page };
    if (isEmptySearch(query)) return c.html(<SearchPage {...props} />);
    const found = await searchReports(ctx.db, toTsQuery(query), { limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE });
    const reports = found.reports.map((r) => ({
      id: r.id,
      receivedAt: r.received_at,
      channel: r.channel,
      state: r.state,
      excerpt: highlight(r.what.length > EXCERPT ? `${r.what.slice(0, EXCERPT)}…` : r.what, query),
    }));
    return c.html(<SearchPage {...props} results={{ reports, total: found.total }} />);
  });
}
