/**
 * The first admin account without a second terminal: while no account exists, `serve` prints a
 * one-time address holding a random token kept only in memory. Whoever opens it on the server's
 * machine first creates the first admin; after that the address is dead.
 */
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '../../core/errors.ts';
import type { UserRow } from '../../store/users.ts';
import { countUsers, lockUsersTable } from '../../store/users.ts';
import { createUserAccount } from './accounts.ts';
import type { AppContext } from '../context.ts';

export const SETUP_PATH = '/editor/setup';

/** Makes the one-time token when the store has no account yet; undefined when it has one. */
export async function openFirstAccountSetup(ctx: AppContext): Promise<string | undefined> {
  if ((await countUsers(ctx.db)) > 0) return undefined;
  ctx.setupToken = Buffer.from(ctx.randomBytes(24)).toString('base64url');
  return ctx.setupToken;
}

export function isSetupToken(ctx: AppContext, token: string): boolean {
  const expected = ctx.setupToken;
  if (!expected || token.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(token), Buffer.from(expected));
}

const USED = 'this setup address has been used: an account exists. Log in, or ask an admin for an account.';

/**
 * Creates the first admin if the token is right and still no account exists. The table lock
 * makes two browsers racing on one address end with one account, on both stores.
 */
export async function createFirstAdmin(ctx: AppContext, token: string, username: string, password: string): Promise<UserRow> {
  if (!isSetupToken(ctx, token)) throw new ForbiddenError(USED);
  const user = await ctx.db.transaction(async (tx) => {
    await lockUsersTable(tx);
    if ((await countUsers(tx)) > 0) throw new ForbiddenError(USED);
    return createUserAccount({ db: tx }, { username, password, role: 'admin' });
  });
  ctx.setupToken = undefined;
  return user;
}
