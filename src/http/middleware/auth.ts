/**
 * Editor sessions and CSRF protection. The session cookie holds a random token; the database
 * holds only its SHA-256, with a per-session CSRF token that every editor form posts back.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ForbiddenError } from '../../core/errors.ts';
import { type Role, type UserRow, deleteSession, findSession, findUserByName, insertSession } from '../../store/users.ts';
import type { AppContext } from '../../app/context.ts';
import type { Env, Session } from '../common.ts';
import { verifyPassword } from '../../app/accounts/password.ts';

export const SESSION_HOURS = 12;

export function sessionCookieName(ctx: AppContext): string {
  // The __Host- prefix pins the cookie to this host and path, but browsers accept it only over https.
  return ctx.config.secureCookies ? '__Host-caravan_session' : 'caravan_session';
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks a username and password; undefined when either is wrong or the account is disabled. */
export async function authenticate(ctx: AppContext, username: string, password: string): Promise<UserRow | undefined> {
  const user = await findUserByName(ctx.db, username);
  // Hash anyway when the user does not exist, so timing does not reveal which usernames exist.
  const ok = await verifyPassword(password, user?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
  if (!user || !ok || user.disabled_at) return undefined;
  return user;
}

/** Starts a session and returns the cookie value to set. */
export async function startSession(ctx: AppContext, userId: number): Promise<string> {
  const token = Buffer.from(ctx.randomBytes(32)).toString('base64url');
  const csrf = Buffer.from(ctx.randomBytes(24)).toString('base64url');
  const expires = new Date(ctx.now().getTime() + SESSION_HOURS * 3600_000);
  await insertSession(ctx.db, hashToken(token), userId, csrf, expires);
  return token;
}

export function setSessionCookie(c: Parameters<MiddlewareHandler>[0], ctx: AppContext, token: string) {
  setCookie(c, sessionCookieName(ctx), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: ctx.config.secureCookies,
    maxAge: SESSION_HOURS * 3600,
  });
}

export async function endSession(c: Parameters<MiddlewareHandler>[0], ctx: AppContext) {
  const token = getCookie(c, sessionCookieName(ctx));
  if (token) await deleteSession(ctx.db, hashToken(token));
  deleteCookie(c, sessionCookieName(ctx), { path: '/', secure: ctx.config.secureCookies });
}

/** Loads the session, if any, into `c.get('session')`. */
export function loadSession(ctx: AppContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookieName(ctx));
    if (token && token.length < 100) {
      const tokenHash = hashToken(token);
      const row = await findSession(ctx.db, tokenHash, ctx.now());
      if (row) c.set('session', { ...row, tokenHash } satisfies Session);
    }
    await next();
  };
}

/**
 * A request that changes state must come from our own pages: the Origin (when the browser
 * sends one) must be ours, and the form's CSRF token must match the session's.
 */
export function sameOrigin(c: Parameters<MiddlewareHandler>[0]): boolean {
  // Browsers say where a request came from in Sec-Fetch-Site even when a no-referrer policy
  // makes them send "Origin: null" for our own forms.
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = c.req.header('origin');
  if (origin === 'null') return site === 'same-origin';
  if (!origin) return true;
  const host = c.req.header('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function csrfMatches(session: Session, sent: unknown): boolean {
  if (typeof sent !== 'string' || sent.length !== session.csrf_token.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(session.csrf_token));
}

export function hasRole(session: Session | undefined, role: Role): boolean {
  if (!session) return false;
  return role === 'editor' ? session.role === 'editor' || session.role === 'admin' : session.role === 'admin';
}

export function requireRole(session: Session | undefined, role: Role): Session {
  if (!session) throw new ForbiddenError('log in first');
  if (!hasRole(session, role)) throw new ForbiddenError(`this needs the ${role} role`);
  return session;
}
