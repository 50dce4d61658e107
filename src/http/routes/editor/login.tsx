/** Logging in and out of the editor workspace. */
import type { Hono } from 'hono';
import { unstorableReason } from '../../../core/storable-text.ts';
import { LoginPage } from '../../../publish/editor/login.tsx';
import { deleteSession, findUserByName } from '../../../store/users.ts';
import { authenticate, endSession, setSessionCookie, startSession } from '../../middleware/auth.ts';
import { clientAddress } from '../../../app/limits/client-key.ts';
import type { AppContext } from '../../../app/context.ts';
import { isKnownDevice, setKnownDevice } from '../../middleware/known-device.ts';
import type { LoginAttempt } from '../../../app/limits/login-throttle.ts';
import { type Env, currentPath } from '../../common.ts';
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
    const page = (error: 'failed' | 'missing' | 'login_client' | 'login_account', retryAfter?: number) => (
      <LoginPage
        lang={c.get('lang')}
        path={currentPath(c)}
        username={username.slice(0, 40)}
        error={error}
        next={next}
        retryAfter={retryAfter}
      />
    );
    if (!username || !password) return c.html(page('missing'), 422);
    // Over-long input, or a name holding a NUL, cannot be an account: no lookup, no hash spent on it.
    const fits = username.length <= 40 && password.length <= 200 && unstorableReason(username) === undefined;
    const attempt: LoginAttempt = {
      client: clientAddress(c, ctx.config.trustProxy),
      account: username.slice(0, 40),
      knownDevice: fits && isKnownDevice(c, ctx, await findUserByName(ctx.db, username)),
    };
    const verdict = ctx.limits.login.verdict(attempt);
    if ('refused' in verdict) {
      ctx.limits.hits.record(verdict.refused);
      c.header('Retry-After', String(verdict.retryAfter));
      return c.html(page(verdict.refused, verdict.retryAfter), 429);
    }
    if (verdict.delayMs > 0) await ctx.limits.sleep(verdict.delayMs);
    const user = fits ? await authenticate(ctx, username, password) : undefined;
    if (!user) {
      ctx.limits.login.failed(attempt);
      return c.html(page('failed'), 401);
    }
    ctx.limits.login.succeeded(attempt);
    // Logging in again replaces the old session instead of leaving it valid beside the new one.
    const previous = c.get('session');
    if (previous) await deleteSession(ctx.db, previous.tokenHash);
    const token = await startSession(ctx, user.id);
    setSessionCookie(c, ctx, token);
    setKnownDevice(c, ctx, user);
    return c.redirect(next ?? '/editor', 303);
  });

  app.post('/logout', async (c) => {
    await endSession(c, ctx);
    return c.redirect('/editor/login?out=1', 303);
  });
}
