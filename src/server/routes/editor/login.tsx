/** Logging in and out of the editor workspace. */
import type { Hono } from 'hono';
import { unstorableReason } from '../../../core/storable-text.ts';
import { LoginPage } from '../../../publish/editor/login.tsx';
import { deleteSession } from '../../../store/users.ts';
import { authenticate, endSession, setSessionCookie, startSession } from '../../auth.ts';
import type { AppContext } from '../../context.ts';
import { type Env, currentPath } from '../../http.ts';
import { formOf, safeNext } from './guard.ts';

export function registerLoginRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/login', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('session')) return c.redirect(next ?? '/editor', 303);
    return c.html(<LoginPage lang={c.get('lang')} path={currentPath(c)} next={next} loggedOut={c.req.query('out') === '1'} />);
  });

  app.post('/login', async (c) => {
    const form = await formOf(c);
    const username = form.get('username').trim().toLowerCase();
    const password = form.get('password');
    const next = safeNext(form.get('next'));
    const page = (error: 'failed' | 'missing') => (
      <LoginPage lang={c.get('lang')} path={currentPath(c)} username={username.slice(0, 40)} error={error} next={next} />
    );
    if (!username || !password) return c.html(page('missing'), 422);
    // Over-long input, or a name holding a NUL, cannot be an account; refuse it before spending a hash on it.
    const couldBeAccount = username.length <= 40 && password.length <= 200 && unstorableReason(username) === undefined;
    const user = couldBeAccount ? await authenticate(ctx, username, password) : undefined;
    if (!user) return c.html(page('failed'), 401);
    // Logging in again replaces the old session instead of leaving it valid beside the new one.
    const previous = c.get('session');
    if (previous) await deleteSession(ctx.db, previous.tokenHash);
    const token = await startSession(ctx, user.id);
    setSessionCookie(c, ctx, token);
    return c.redirect(next ?? '/editor', 303);
  });

  app.post('/logout', async (c) => {
    await endSession(c, ctx);
    return c.redirect('/editor/login?out=1', 303);
  });
}
