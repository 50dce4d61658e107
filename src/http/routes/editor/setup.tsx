/** GET and POST /editor/setup/<token>: the first admin account (see `first-account.ts`). */
import type { Hono } from 'hono';
import { ValidationError } from '../../../core/errors.ts';
import { SetupPage } from '../../../publish/editor/setup.tsx';
import { setSessionCookie, startSession } from '../../middleware/auth.ts';
import type { AppContext } from '../../../app/context.ts';
import { SETUP_PATH, createFirstAdmin, isSetupToken } from '../../../app/accounts/first-account.ts';
import { type Env, currentPath } from '../../common.ts';
import { formOf } from './guard.ts';

export function registerSetupRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/setup/:token', (c) => {
    // A wrong or used token looks like any unknown address: it must not help anyone guess.
    if (!isSetupToken(ctx, c.req.param('token'))) return c.notFound();
    return c.html(<SetupPage lang={c.get('lang')} path={currentPath(c)} action={`${SETUP_PATH}/${c.req.param('token')}`} />);
  });

  app.post('/setup/:token', async (c) => {
    const token = c.req.param('token');
    if (!isSetupToken(ctx, token)) return c.notFound();
    const form = await formOf(c);
    const username = form.get('username').trim().toLowerCase();
    try {
      const user = await createFirstAdmin(ctx, token, username, form.get('password'));
      setSessionCookie(c, ctx, await startSession(ctx, user.id));
      return c.redirect('/editor', 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const page = (
        <SetupPage
          lang={c.get('lang')}
          path={currentPath(c)}
          action={`${SETUP_PATH}/${token}`}
          username={username.slice(0, 40)}
          problems={err.problems}
        />
      );
      return c.html(page, 422);
    }
  });
}
