/**
 * What every route shares: the Hono environment type, the interface language of a request, and
 * turning errors into the right status with a message that names the problem.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { BadRequestError, type CaravanError, type ErrorCode, ValidationError } from '../core/errors.ts';
import { type Lang, isLang, langFromAcceptLanguage } from '../publish/i18n.ts';
import type { SessionRow } from '../store/users.ts';

export interface Session extends SessionRow {
  tokenHash: string;
}

export interface Env {
  Variables: {
    lang: Lang;
    session: Session | undefined;
  };
}

export type Ctx = Context<Env>;

/** `?lang=` wins and is remembered in a cookie; then the cookie; then Accept-Language. */
export function chooseLang(c: Context): Lang {
  const asked = c.req.query('lang');
  if (isLang(asked)) {
    setCookie(c, 'lang', asked, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax', httpOnly: true });
    return asked;
  }
  const remembered = getCookie(c, 'lang');
  if (isLang(remembered)) return remembered;
  return langFromAcceptLanguage(c.req.header('accept-language'));
}

/** Path and query of the request, for links back to the same page. */
export function currentPath(c: Context): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/**
 * The one place an error's code becomes an HTTP status. The switch covers every code, so a new
 * one does not compile until it says what it answers.
 */
export function statusOf(err: CaravanError): 400 | 403 | 404 | 409 | 413 | 422 | 502 | 503 {
  const code: ErrorCode = err.code;
  switch (code) {
    case 'invalid_input':
    case 'invalid_media':
      return 422;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'forbidden':
      return 403;
    case 'too_large':
      return 413;
    case 'invalid_parameter':
    case 'bad_request':
    case 'malformed_json':
    case 'malformed_form':
    case 'bad_encoding':
    case 'bad_content_length':
    case 'unsupported_content_type':
    case 'too_many_fields':
    case 'unreadable_body':
    case 'unstorable_text':
    case 'bad_armor':
    case 'bad_log_entry':
    case 'bad_bundle':
    case 'bad_backup':
    case 'mirror':
    case 'malformed':
    case 'bad_signature':
    case 'unknown_key':
    case 'origin_mismatch':
    case 'root_mismatch':
    case 'tile_mismatch':
    case 'entry_mismatch':
    case 'inconsistent':
    case 'missing':
    case 'witnesses':
      return 400;
    // Another server (an origin, a witness) did not answer, or answered wrong bytes.
    case 'unavailable':
    case 'media_hash_mismatch':
      return 502;
    // This machine cannot do it now; the client may try again.
    case 'media_unavailable':
    case 'store_busy':
    case 'store_empty':
    case 'store_unopenable':
    case 'restore_refused':
    case 'static_export':
      return 503;
  }
}

/** JSON body for an error: a stable code, a message, and the fields at fault. */
export function errorJson(err: CaravanError) {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err instanceof ValidationError ? { problems: err.problems } : {}),
    },
  };
}

/** A positive integer from a path or query parameter, or a 404/400 naming it. */
export function intParam(value: string | undefined, name: string): number {
  // Ids and page numbers start at 1, as the OpenAPI document declares (minimum: 1).
  if (value === undefined || !/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new BadRequestError(`${name} must be a positive whole number`, 'invalid_parameter');
  }
  return Number(value);
}

/**
 * A short JSON answer with its length declared, so the compression middleware leaves it alone:
 * gzip makes a receipt of a hundred bytes no smaller and costs a deflate stream per request.
 */
export function shortJson(c: Context, value: unknown, status: 200 | 201): Response {
  const text = JSON.stringify(value);
  c.header('Content-Length', String(Buffer.byteLength(text)));
  c.header('Content-Type', 'application/json');
  return c.body(text, status);
}
