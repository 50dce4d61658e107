/** User management, for admins only: list accounts, add one with a role, disable one, reset a password. */
import type { Hono } from 'hono';
import { ConflictError, NotFoundError, ValidationError } from '../../../core/errors.ts';
import { UsersPage } from '../../../publish/editor/users.tsx';
import { disableUser, findUserByName, getUser, listUsers } from '../../../store/users.ts';
import { requireRole } from '../../middleware/auth.ts';
import { changePassword, createUserAccount } from '../../../app/accounts/accounts.ts';
import type { AppContext } from '../../../app/context.ts';
import { type Ctx, type Env, currentPath, intParam } from '../../common.ts';
import { formOf, sessionOf, userOf } from './guard.ts';

export function registerUserRoutes(app: Hono<Env>, ctx: AppContext): void {
  type Extra = Omit<Parameters<typeof UsersPage>[0], 'lang' | 'path' | 'user' | 'users'>;
  async function render(c: Ctx, extra: Extra = {}, status: 200 | 422 = 200) {
    const users = await listUsers(ctx.db);
    return c.html(<UsersPage lang={c.get('lang')} path={currentPath(c)} user={userOf(c)} users={users} {...extra} />, status);
  }

  app.use('/users', async (c, next) => {
    requireRole(sessionOf(c), 'admin');
    await next();
  });
  app.use('/users/*', async (c, next) => {
    requireRole(sessionOf(c), 'admin');
    await next();
  });

  app.get('/users', async (c) => {
    const reset = c.req.query('reset');
    const target = reset ? await findUserByName(ctx.db, reset) : undefined;
    return render(c, target ? { resetDone: target.username } : {});
  });

  app.post('/users', async (c) => {
    const form = await formOf(c);
    const values = { username: form.get('username'), role: form.get('role') };
    try {
      await createUserAccount(ctx, { ...values, password: form.get('password') });
    } catch (err) {
      if (err instanceof ValidationError) return render(c, { problems: err.problems, values }, 422);
      throw err;
    }
    return c.redirect('/editor/users', 303);
  });

  app.post('/users/:id/disable', async (c) => {
    const id = intParam(c.req.param('id'), 'user id');
    const target = await getUser(ctx.db, id);
    if (!target) throw new NotFoundError(`user ${id}`);
    // Locking yourself out would leave the chronicle without whoever was managing it.
    if (target.id === sessionOf(c).user_id) throw new ConflictError('you cannot disable your own account');
    await ctx.db.transaction((tx) => disableUser(tx, id, ctx.now()));
    return c.redirect('/editor/users', 303);
  });

  app.post('/users/:id/password', async (c) => {
    const id = intParam(c.req.param('id'), 'user id');
    const target = await getUser(ctx.db, id);
    if (!target) throw new NotFoundError(`user ${id}`);
    if (target.disabled_at) throw new ConflictError(`${target.username} is disabled; a new password would not let them in`);
    const form = await formOf(c);
    const own = sessionOf(c);
    try {
      // An admin resetting their own password here keeps this session, as on "My password".
      await changePassword(ctx, id, form.get('password'), target.id === own.user_id ? own.tokenHash : undefined);
    } catch (err) {
      if (err instanceof ValidationError) return render(c, { resetProblem: { userId: id, message: err.problems[0]!.message } }, 422);
      throw err;
    }
    return c.redirect(`/editor/users?reset=${encodeURIComponent(target.username)}`, 303);
  });
}
