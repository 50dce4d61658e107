/**
 * Editor accounts, shared by `caravan user add` and the admin's users page so both apply the
 * same rules to names, passwords and roles.
 */
import { ConflictError, NotFoundError, Problems } from '../../core/errors.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { type Role, type UserRow, getUser, insertUser, replacePassword } from '../../store/users.ts';
import { hashPassword, passwordProblem } from './password.ts';

export const ROLES: readonly Role[] = ['editor', 'admin'];

/** Lower-case so that "Aigerim" and "aigerim" cannot be two accounts. */
const USERNAME = /^[a-z0-9_.-]{2,40}$/;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface NewAccount {
  username: string;
  password: string;
  role: string;
}

/** Checks, hashes and stores a new account; a ValidationError names every bad field. */
export async function createUserAccount(ctx: { db: Queryable }, account: NewAccount): Promise<UserRow> {
  const p = new Problems();
  const username = account.username.trim();
  if (!USERNAME.test(username)) {
    p.add('username', 'must be 2 to 40 characters: lower-case letters, digits, dot, dash or underscore');
  }
  const weak = await passwordProblem(account.password, username);
  if (weak) p.add('password', weak);
  if (!isRole(account.role)) p.add('role', `must be one of ${ROLES.join(', ')}`);
  p.throwIfAny();
  const hash = await hashPassword(account.password);
  try {
    return await insertUser(ctx.db, username, hash, account.role as Role);
  } catch (err) {
    if (err instanceof ConflictError) {
      const taken = new Problems();
      taken.add('username', 'is already taken');
      taken.throwIfAny();
    }
    throw err;
  }
}

/**
 * Sets a new password on an account and ends the account's sessions but `keepSession` (the
 * changer's own), so whoever knew the old password is logged out everywhere.
 */
export async function changePassword(ctx: { db: Db }, userId: number, password: string, keepSession?: string): Promise<void> {
  const user = await getUser(ctx.db, userId);
  if (!user) throw new NotFoundError(`user ${userId}`);
  const weak = await passwordProblem(password, user.username);
  if (weak) {
    const p = new Problems();
    p.add('password', weak);
    p.throwIfAny();
  }
  const hash = await hashPassword(password);
  await ctx.db.transaction((tx) => replacePassword(tx, userId, hash, keepSession));
}
