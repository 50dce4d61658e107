/**
 * The workspace's front door: every /editor route but the login needs a session, and every
 * state-changing request must come from our own page (Origin) and carry the session's CSRF
 * token. Checked once here so no handler can forget.
 */
import type { MiddlewareHandler } from 'hono';
import { BadRequestError, ForbiddenError } from '../../../core/errors.ts';
import type { EditorUser } from '../../../publish/editor/shell.tsx';
import { csrfMatches, sameOrigin } from '../../middleware/auth.ts';
import type { Editor } from '../../../app/editing/editing.ts';
import type { Ctx, Env, Session } from '../../common.ts';

const PUBLIC_PATHS = new Set(['/editor/login']);

/** Form fields as strings; files are never expected here and are ignored. */
export interface Form {
  get(name: string): string;
  all(name: string): string[];
}

export async function formOf(c: Ctx): Promise<Form> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  const fields = new Map<string, string[]>();
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody({ all: true });
    } catch {
      throw new BadRequestError('the form could not be read');
    }
    for (const [k, v] of Object.entries(body)) {
      const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
      fields.set(k, values);
    }
  }
  return {
    get: (name) => fields.get(name)?.[0] ?? '',
    all: (name) => fields.get(name) ?? [],
  };
}

/** Where a login may send the editor back to: only a workspace path, never another site. */
export function safeNext(value: string | undefined): string | undefined {
  if (!value || value.length > 300) return undefined;
  if (!/^\/editor(?:[/?][^\s\\]*)?$/.test(value) || value.startsWith('/editor/login')) return undefined;
  return value;
}

const NO_SESSION = 'log in first: you are not logged in or your session has ended';
const CROSS_ORIGIN = 'refused: this request came from another site. Nothing was changed.';
const BAD_TOKEN =
  'refused: the form is missing its security token or the token is out of date (for example after logging in again). Reload the page and try again. Nothing was changed.';

export function gate(): MiddlewareHandler<Env> {
  return async (c, next) => {
    // The first-admin page has no session to check: its one-time token is the credential.
    const isPublic = PUBLIC_PATHS.has(c.req.path) || c.req.path.startsWith('/editor/setup/');
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!isPublic) {
      const session = c.get('session');
      if (!session) {
        if (reading) {
          const url = new URL(c.req.url);
          const next = safeNext(url.pathname + url.search);
          return c.redirect(next && next !== '/editor' ? `/editor/login?next=${encodeURIComponent(next)}` : '/editor/login', 303);
        }
        throw new ForbiddenError(NO_SESSION);
      }
    }
    if (!reading) {
      if (!sameOrigin(c)) throw new ForbiddenError(CROSS_ORIGIN);
      if (!isPublic) {
        const form = await formOf(c);
        if (!csrfMatches(c.get('session')!, form.get('_csrf'))) throw new ForbiddenError(BAD_TOKEN);
      }
    }
    await next();
  };
}

/** Editor pages are private and change with every action: never cache them anywhere. */
export function noStore(): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
}

export function sessionOf(c: Ctx): Session {
  const s = c.get('session');
  if (!s) throw new ForbiddenError(NO_SESSION);
  return s;
}

export function editorOf(c: Ctx): Editor {
  const s = sessionOf(c);
  return { id: s.user_id, role: s.role };
}

export function userOf(c: Ctx): EditorUser {
  const s = sessionOf(c);
  return { username: s.username, role: s.role, csrf: s.csrf_token };
}
