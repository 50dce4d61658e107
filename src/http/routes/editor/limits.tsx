/** The limits page: refusals per period, for every editor (a flood is the desk's business too). */
import type { Hono } from 'hono';
import { LimitsPage } from '../../../publish/editor/limits.tsx';
import type { AppContext } from '../../../app/context.ts';
import { type Env, currentPath } from '../../common.ts';
import { userOf } from './guard.ts';

const DAYS = 7;

export function registerLimitRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/limits', async (c) => {
    const hits = await ctx.limits.hits.recent(DAYS);
    return c.html(
      <LimitsPage
        lang={c.get('lang')}
        path={currentPath(c)}
        user={userOf(c)}
        days={DAYS}
        periodSeconds={ctx.config.limitPeriod}
        budget={ctx.config.intakeBudget}
        hits={hits}
      />,
    );
  });
}
