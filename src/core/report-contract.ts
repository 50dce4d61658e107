/**
 * The JSON report contract of POST /api/v1/reports (and of relays): exactly what the OpenAPI
 * schema ReportInput says, so a client that validates against the published schema is never
 * refused and one that does not is refused by name. HTML forms are looser (an empty field is an
 * absent one) and go through validateReportInput alone.
 *
 * Lengths count Unicode code points, as JSON Schema's maxLength does, and are checked on the
 * text as sent; the stored text is then trimmed, which can only shorten it.
 */
import { Problems } from './errors.ts';
import { CONTACT_AGE_MAX, HOW_KNOWN, REPORT_LIMITS, type ReportInput, validateReportInput } from './report.ts';

/** Languages a report may be written in: the interface's, and Kazakh, which editors read. */
export const REPORT_LANGS = ['en', 'ru', 'kk'] as const;

/** ECMAScript regular expressions as JSON Schema patterns (read with Unicode semantics). */
export const REPORT_PATTERNS = {
  /** Control characters other than tab and line ends, and lone surrogates: text must not hold them. */
  forbidden: '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uD800-\\uDFFF]',
  /** Something other than white space: `what` cannot be blank. */
  notBlank: '\\S',
  contactAge: '^-----BEGIN AGE ENCRYPTED FILE-----\\r?\\n[A-Za-z0-9+/=\\r\\n]+-----END AGE ENCRYPTED FILE-----\\r?\\n?$',
  idempotencyKey: '^[A-Za-z0-9._~:+/=-]{8,128}$',
  /** An instant in ISO 8601 with its offset or Z, to the second or finer. */
  instant: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})$',
} as const;

const FORBIDDEN = new RegExp(REPORT_PATTERNS.forbidden, 'u');
const NOT_BLANK = new RegExp(REPORT_PATTERNS.notBlank, 'u');
const CONTACT_AGE = new RegExp(REPORT_PATTERNS.contactAge, 'u');
const IDEMPOTENCY_KEY = new RegExp(REPORT_PATTERNS.idempotencyKey, 'u');
const INSTANT = new RegExp(REPORT_PATTERNS.instant, 'u');

const FIELDS = new Set(['what', 'when', 'where', 'howKnown', 'contact', 'contactAge', 'lang', 'idempotencyKey', 'writtenAt']);

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function text(p: Problems, name: string, v: unknown, max: number): v is string {
  if (typeof v !== 'string') {
    p.add(name, v === null ? 'must be text; leave the field out instead of sending null' : 'must be text');
    return false;
  }
  const n = codePoints(v);
  if (n > max) p.add(name, `must be at most ${max} characters (has ${n})`);
  if (FORBIDDEN.test(v)) p.add(name, 'contains control characters or a lone surrogate');
  return true;
}

/** Every way a JSON body breaks the ReportInput schema, each naming its field. */
export function reportContractProblems(input: unknown): Problems {
  const p = new Problems();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    p.add('report', 'must be a JSON object');
    return p;
  }
  const v = input as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!FIELDS.has(key)) p.add(key.slice(0, 100), 'is not a report field');
  if (!('what' in v)) p.add('what', 'is required: say what happened');
  else if (text(p, 'what', v.what, REPORT_LIMITS.what) && !NOT_BLANK.test(v.what)) p.add('what', 'is required: say what happened');
  for (const name of ['when', 'where', 'contact'] as const) if (name in v) text(p, name, v[name], REPORT_LIMITS[name]);
  if ('howKnown' in v && !(HOW_KNOWN as readonly unknown[]).includes(v.howKnown))
    p.add('howKnown', `must be one of ${HOW_KNOWN.join(', ')}`);
  if ('contactAge' in v && text(p, 'contactAge', v.contactAge, CONTACT_AGE_MAX) && !CONTACT_AGE.test(v.contactAge)) {
    p.add('contactAge', 'must be an ASCII-armored age file (-----BEGIN AGE ENCRYPTED FILE-----)');
  }
  if ('contact' in v && 'contactAge' in v) p.add('contactAge', 'cannot come with contact: send the contact either in clear or encrypted');
  if ('writtenAt' in v && (typeof v.writtenAt !== 'string' || !INSTANT.test(v.writtenAt) || Number.isNaN(Date.parse(v.writtenAt)))) {
    p.add('writtenAt', 'must be an instant in ISO 8601 with its offset, such as 2022-01-05T14:02:00+06:00');
  }
  if ('lang' in v && !(REPORT_LANGS as readonly unknown[]).includes(v.lang)) p.add('lang', `must be one of ${REPORT_LANGS.join(', ')}`);
  if ('idempotencyKey' in v && (typeof v.idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(v.idempotencyKey))) {
    p.add('idempotencyKey', 'must be 8 to 128 letters, digits or ._~:+/=- characters');
  }
  return p;
}

/** A JSON report checked against the contract, then by the rules every channel shares. */
export function validateReportJson(input: unknown): ReportInput {
  reportContractProblems(input).throwIfAny();
  return validateReportInput(input);
}
