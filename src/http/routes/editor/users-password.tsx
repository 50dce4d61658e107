/** Any editor changing their own password; the old one must be given, and is throttled like a login. */
import type { Hono } from 'hono';
import { type FieldProblem, ValidationError } from '../../../core/errors.ts';
import { PasswordPage } from '../../../publish/editor/password.tsx';
import { getUser } from '../../../store/users.ts';
import { changePassword } from '../../../app/accounts/accounts.ts';
import { clientAddress } from '../../../app/limits/client-key.ts';
import type { AppContext } from '../../../app/context.ts';
import { type Ctx, type Env, currentPath } from '../../common.ts';
import { isKnownDevice, setKnownDevice } from '../../middleware/known-device.ts';
import type { LoginAttempt } from '../../../app/limits/login-throttle.ts';
import { verifyPassword } from '../../../app/accounts/password.ts';
import { formOf, sessionOf, userOf } from './guard.ts';

export function registerPasswordRoutes(app: Hono<Env>, ctx: AppContext): void {
  const render = (c: Ctx, extra: { problems?: readonly FieldProblem[]; done?: boolean } = {}, status: 200 | 422 | 429 = 200) =>
    c.html(<PasswordPage lang={c.get('lang')} path={currentPath(c)} user={userOf(c)} {...extra} />, status);

  app.get('/password', (c) => render(c, { done: c.req.query('done') === '1' }));

  app.post('/password', async (c) => {
    const session = sessionOf(c);
    const form = await formOf(c);
    const user = await getUser(ctx.db, session.user_id);
    if (!user) return c.redirect('/editor/login', 303);
    // A stolen session must not become a way around the login's throttling to learn the password.
    const attempt: LoginAttempt = {
      client: clientAddress(c, ctx.config.trustProxy),
      account: user.username,
      knownDevice: isKnownDevice(c, ctx, user),
    };
    const verdict = ctx.limits.login.verdict(attempt);
    if ('refused' in verdict) {
      ctx.limits.hits.record(verdict.refused);
      c.header('Retry-After', String(verdict.retryAfter));
      const minutes = Math.ceil(verdict.retryAfter / 60);
      return render(c, { problems: [{ field: 'current', message: `too many wrong passwords; try again in ${minutes} minutes` }] }, 429);
    }
    if (verdict.delayMs > 0) await ctx.limits.sleep(verdict.delayMs);
    const current = form.get('current');
    if (!(current.length <= 200 && (await verifyPassword(current, user.password_hash)))) {
      ctx.limits.login.failed(attempt);
      return render(c, { problems: [{ field: 'current', message: 'is not your current password' }] }, 422);
    }
    const password = form.get('password');
    if (password !== form.get('repeat'))
      return render(c, { problems: [{ field: 'repeat', message: 'does not match the new password' }] }, 422);
    try {
      await changePassword(ctx, user.id, password, session.tokenHash);
    } catch (err) {
      if (err instanceof ValidationError) return render(c, { problems: err.problems }, 422);
      throw err;
    }
    ctx.limits.login.succeeded(attempt);
    const changed = await getUser(ctx.db, user.id);
    if (changed) setKnownDevice(c, ctx, changed);
    return c.redirect('/editor/password?done=1', 303);
  });
}
