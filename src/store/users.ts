import { ConflictError } from '../core/errors.ts';
import type { Queryable } from './db.ts';

export type Role = 'admin' | 'editor';

export interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: Role;
  created_at: Date;
  disabled_at: Date | null;
}

export async function insertUser(q: Queryable, username: string, passwordHash: string, role: Role): Promise<UserRow> {
  const rows = await q.query<UserRow>(
    `insert into users (username, password_hash, role) values ($1, $2, $3) on conflict (username) do nothing returning *`,
    [username, passwordHash, role],
  );
  if (!rows[0]) throw new ConflictError(`user ${username} already exists`);
  return rows[0];
}

export async function setPassword(q: Queryable, username: string, passwordHash: string): Promise<boolean> {
  const rows = await q.query('update users set password_hash = $2 where username = $1 returning id', [username, passwordHash]);
  return rows.length > 0;
}

/** Replaces an account's password hash and ends its sessions, but for the one kept (the changer's own). */
export async function replacePassword(q: Queryable, userId: number, passwordHash: string, keepSession?: string): Promise<boolean> {
  const rows = await q.query('update users set password_hash = $2 where id = $1 returning id', [userId, passwordHash]);
  await q.query('delete from sessions where user_id = $1 and token_hash is distinct from $2', [userId, keepSession ?? null]);
  return rows.length > 0;
}

export async function findUserByName(q: Queryable, username: string): Promise<UserRow | undefined> {
  const rows = await q.query<UserRow>('select * from users where username = $1', [username]);
  return rows[0];
}

export async function listUsers(q: Queryable): Promise<UserRow[]> {
  return q.query<UserRow>('select * from users order by username');
}

export async function countUsers(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>('select count(*)::int as n from users');
  return row?.n ?? 0;
}

export async function getUser(q: Queryable, id: number): Promise<UserRow | undefined> {
  const rows = await q.query<UserRow>('select * from users where id = $1', [id]);
  return rows[0];
}

/** Disables an account and ends its sessions; the row stays so revisions keep their editor. */
export async function disableUser(q: Queryable, id: number, at: Date): Promise<boolean> {
  const rows = await q.query('update users set disabled_at = coalesce(disabled_at, $2) where id = $1 returning id', [id, at]);
  await q.query('delete from sessions where user_id = $1', [id]);
  return rows.length > 0;
}

export interface SessionRow {
  user_id: number;
  username: string;
  role: Role;
  csrf_token: string;
  expires_at: Date;
}

export async function insertSession(q: Queryable, tokenHash: string, userId: number, csrfToken: string, expiresAt: Date) {
  await q.query('insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, $4)', [
    tokenHash,
    userId,
    csrfToken,
    expiresAt,
  ]);
}

/** The live session for a token hash; expired sessions and disabled users find nothing. */
export async function findSession(q: Queryable, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  const rows = await q.query<SessionRow>(
    `select s.user_id, u.username, u.role, s.csrf_token, s.expires_at from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > $2 and u.disabled_at is null`,
    [tokenHash, now],
  );
  return rows[0];
}

export async function deleteSession(q: Queryable, tokenHash: string) {
  await q.query('delete from sessions where token_hash = $1', [tokenHash]);
}

export async function deleteExpiredSessions(q: Queryable, now: Date) {
  await q.query('delete from sessions where expires_at <= $1', [now]);
}

/** Holds off every other writer of accounts until the transaction ends (the first admin is made once). */
export async function lockUsersTable(tx: Queryable): Promise<void> {
  await tx.query('lock table users in share row exclusive mode');
}
