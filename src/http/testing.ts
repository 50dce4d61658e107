/**
 * Helpers for HTTP tests: an app over a fresh database, accounts for each role, and a way to
 * log in and post forms with the session's CSRF token, the way a browser would.
 */
import type { Hono } from 'hono';
import type { Db } from '../store/db.ts';
import { openTestDb } from '../store/testing.ts';
import { insertUser, type Role } from '../store/users.ts';
import { createApp } from './app.tsx';
import { loadConfig } from '../app/config.ts';
import { type AppContext, contextFor } from '../app/context.ts';
import type { Env } from './common.ts';
import { hashPassword } from '../app/accounts/password.ts';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  app: Hono<Env>;
  ctx: AppContext;
  db: Db;
  close(): Promise<void>;
}

let cachedHash: string | undefined;

export async function openTestApp(overrides: Partial<AppContext> = {}): Promise<TestApp> {
  const db = await openTestDb();
  const config = loadConfig({ CARAVAN_DATA: '/nonexistent-test-data', CARAVAN_ORIGIN: 'http://localhost' });
  const ctx = contextFor(config, db, overrides);
  // A throttled login waits seconds; tests that probe routes must not (login-throttle.test.tsx records the waits).
  ctx.limits.sleep = async () => {};
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  await insertUser(db, 'admin', cachedHash, 'admin');
  await insertUser(db, 'editor', cachedHash, 'editor');
  await insertUser(db, 'editor2', cachedHash, 'editor');
  return { app: createApp(ctx), ctx, db, close: () => db.close() };
}

export interface Browser {
  /** Cookie header value for the session. */
  cookie: string;
  csrf: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Posts a form (with the CSRF token added) the way a browser does. */
  post(path: string, form: Record<string, string | string[]>): Promise<Response>;
}

const BASE = 'http://localhost';

/** An anonymous visitor: no cookie, no token. */
export function anonymous(t: TestApp): Browser {
  return {
    cookie: '',
    csrf: '',
    get: async (path, init) => t.app.request(BASE + path, init),
    post: async (path, form) => t.app.request(BASE + path, { method: 'POST', body: formBody(form), headers: formHeaders('') }),
  };
}

function formBody(form: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return body;
}

function formHeaders(cookie: string): Record<string, string> {
  return { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, host: 'localhost', ...(cookie ? { cookie } : {}) };
}

/** Logs in through the real login form and reads the CSRF token from the editor home page. */
export async function loginAs(t: TestApp, username: 'admin' | 'editor' | 'editor2' | string, role?: Role): Promise<Browser> {
  void role;
  const res = await t.app.request(`${BASE}/editor/login`, {
    method: 'POST',
    body: new URLSearchParams({ username, password: TEST_PASSWORD }),
    headers: formHeaders(''),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const m = /(caravan_session=[^;]+)/.exec(setCookie);
  if (res.status !== 303 || !m) throw new Error(`login as ${username} failed: ${res.status}`);
  const cookie = m[1]!;
  const home = await t.app.request(`${BASE}/editor`, { headers: { cookie } });
  const html = await home.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error('no CSRF token on the editor home page');
  return {
    cookie,
    csrf,
    get: async (path, init) => t.app.request(BASE + path, { ...init, headers: { cookie, ...(init?.headers as Record<string, string>) } }),
    post: async (path, form) =>
      t.app.request(BASE + path, { method: 'POST', body: formBody({ _csrf: csrf, ...form }), headers: formHeaders(cookie) }),
  };
}
