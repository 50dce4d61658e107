/**
 * Reading what reporters send. Reporters' routes take bodies from anyone, so the size is capped
 * on the declared length and again on the bytes actually read, text must be valid UTF-8 (a
 * silently replaced character would change what the reporter wrote), and every malformed body
 * becomes a 400 or 413 that names the problem, never a 500.
 */
import { BadRequestError, TooLargeError } from '../../core/errors.ts';
import { MAX_REPORT_BODY } from '../../core/report.ts';

/** A report has a handful of fields; thousands of them are an attack on the parser, not a report. */
const MAX_FIELDS = 50;

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

function charsetOf(header: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header ?? '');
  return m?.[1]?.toLowerCase();
}

/** Reads the whole body, refusing more than `limit` bytes whatever Content-Length claims. */
export async function readCappedBody(req: Request, limit = MAX_REPORT_BODY): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get('content-length');
  if (declared !== null) {
    if (!/^\s*\d{1,15}\s*$/.test(declared)) throw new BadRequestError('Content-Length must be a number of bytes', 'bad_content_length');
    if (Number(declared) > limit) throw new TooLargeError(limit);
    // Node's parser reads no more than the declared length, so the cap holds, and reading the
    // body whole lets @hono/node-server skip building a web stream for it.
    let whole: ArrayBuffer;
    try {
      whole = await req.arrayBuffer();
    } catch {
      throw new BadRequestError('the request body could not be read', 'unreadable_body');
    }
    if (whole.byteLength > limit) throw new TooLargeError(limit);
    return new Uint8Array(whole);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new BadRequestError('the request body could not be read', 'unreadable_body');
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLargeError(limit);
    }
    chunks.push(chunk.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function utf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError(`${what} is not valid UTF-8`, 'bad_encoding');
  }
}

/** Several values under one name stay an array, which validation then rejects by name. */
function collect(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const map = new Map<string, unknown>();
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > MAX_FIELDS) throw new BadRequestError(`the form has more than ${MAX_FIELDS} fields`, 'too_many_fields');
    const prev = map.get(name);
    if (prev === undefined) map.set(name, value);
    else map.set(name, Array.isArray(prev) ? [...prev, value] : [prev, value]);
  }
  // fromEntries defines own properties, so a field called __proto__ stays a field.
  return Object.fromEntries(map);
}

function decodeComponent(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

/**
 * application/x-www-form-urlencoded, strictly: URLSearchParams would turn a percent-encoded
 * invalid UTF-8 sequence into U+FFFD and store it; here it is a 400 naming the field.
 */
export function parseUrlEncoded(bytes: Uint8Array): Record<string, unknown> {
  const text = utf8(bytes, 'the form');
  const entries: Array<[string, string]> = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let name: string;
    try {
      name = decodeComponent(rawName);
    } catch {
      throw new BadRequestError('a form field name is not valid percent-encoded UTF-8', 'bad_encoding');
    }
    try {
      entries.push([name, decodeComponent(rawValue)]);
    } catch {
      throw new BadRequestError(`${name.slice(0, 40)}: is not valid percent-encoded UTF-8`, 'bad_encoding');
    }
  }
  return collect(entries);
}

/** multipart/form-data, which some browsers send when a form is saved and resent. */
export async function parseMultipart(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<Record<string, unknown>> {
  if (!/;\s*boundary=/i.test(contentType)) throw new BadRequestError('multipart/form-data needs a boundary', 'malformed_form');
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new BadRequestError('the multipart form could not be parsed', 'malformed_form');
  }
  return collect(form.entries());
}

/** Fields of an HTML form post, or a 400 naming what is wrong with the request. */
export async function readFormBody(req: Request): Promise<Record<string, unknown>> {
  const contentType = req.headers.get('content-type') ?? undefined;
  const type = mediaType(contentType);
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
    throw new BadRequestError(
      `Content-Type must be application/x-www-form-urlencoded or multipart/form-data, not ${type ? type.slice(0, 60) : 'missing'}`,
      'unsupported_content_type',
    );
  }
  const bytes = await readCappedBody(req);
  return type === 'multipart/form-data' ? parseMultipart(bytes, contentType!) : parseUrlEncoded(bytes);
}

/** A JSON body, or a 400 naming what is wrong with the request. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const contentType = req.headers.get('content-type') ?? undefined;
  const type = mediaType(contentType);
  if (type !== 'application/json') {
    throw new BadRequestError(
      `Content-Type must be application/json, not ${type ? type.slice(0, 60) : 'missing'}`,
      'unsupported_content_type',
    );
  }
  const charset = charsetOf(contentType);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BadRequestError('JSON must be sent as UTF-8', 'unsupported_content_type');
  }
  const text = utf8(await readCappedBody(req), 'the body');
  if (text.trim() === '') throw new BadRequestError('the body is empty; send a JSON object', 'malformed_json');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new BadRequestError(`the body is not valid JSON: ${(err as Error).message.slice(0, 200)}`, 'malformed_json');
  }
}
