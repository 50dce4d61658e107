/**
 * The "known device" cookie: set when a browser logs in to an account, it lets that browser past
 * the account's throttling (login-throttle.ts), so someone guessing the account's password
 * elsewhere cannot keep its owner out. It is an HMAC of the account name keyed by the stored
 * password hash: no new secret to keep, and changing the password retires every such cookie.
 * It proves nothing else: the password is still checked.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../../app/context.ts';

const DAYS = 180;

// Only the workspace needs it, so public pages never receive it: __Secure- rather than __Host-,
// which would demand Path=/.
function cookieName(ctx: AppContext): string {
  return ctx.config.secureCookies ? '__Secure-caravan_device' : 'caravan_device';
}

function macOf(username: string, passwordHash: string): Buffer {
  return createHmac('sha256', passwordHash).update(`known-device:${username}`).digest();
}

/** Whether the request carries this account's known-device cookie. */
export function isKnownDevice(c: Context, ctx: AppContext, user: { username: string; password_hash: string } | undefined): boolean {
  const value = getCookie(c, cookieName(ctx));
  if (!user || !value || value.length > 200) return false;
  const dot = value.lastIndexOf('.');
  if (value.slice(0, dot) !== user.username) return false;
  const given = Buffer.from(value.slice(dot + 1), 'base64url');
  const expected = macOf(user.username, user.password_hash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function setKnownDevice(c: Context, ctx: AppContext, user: { username: string; password_hash: string }): void {
  setCookie(c, cookieName(ctx), `${user.username}.${macOf(user.username, user.password_hash).toString('base64url')}`, {
    path: '/editor',
    httpOnly: true,
    sameSite: 'Strict',
    secure: ctx.config.secureCookies,
    maxAge: DAYS * 86400,
  });
}
