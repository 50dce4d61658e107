/** The desk's accuracy page, for admins: what editors kept of the suggestions (store/suggestion-outcomes.ts). */
import type { Hono } from 'hono';
import { AccuracyPage } from '../../../publish/editor/accuracy.tsx';
import { countOutcomes, latestCorrections } from '../../../store/suggestion-outcomes.ts';
import type { AppContext } from '../../../app/context.ts';
import { type Env, currentPath } from '../../common.ts';
import { requireRole } from '../../middleware/auth.ts';
import { sessionOf, userOf } from './guard.ts';

export function registerAccuracyRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/accuracy', async (c) => {
    requireRole(sessionOf(c), 'admin');
    const [counts, latest] = await Promise.all([countOutcomes(ctx.db), latestCorrections(ctx.db, 50)]);
    return c.html(<AccuracyPage lang={c.get('lang')} path={currentPath(c)} user={userOf(c)} counts={counts} latest={latest} />);
  });
}
