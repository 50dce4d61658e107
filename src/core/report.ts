/**
 * What a reporter sends. The form asks only what matters: what happened, when, where, how the
 * reporter knows, and an optional way to reach them. Everything is kept exactly as typed.
 */
import { Problems } from './errors.ts';

export const HOW_KNOWN = ['saw', 'heard', 'relayed', 'media', 'other'] as const;
export type HowKnown = (typeof HOW_KNOWN)[number];

export const REPORT_CHANNELS = ['web', 'api', 'sms', 'telegram', 'relay', 'document'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const REPORT_STATES = ['new', 'claimed', 'linked', 'duplicate', 'rejected'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export interface ReportInput {
  what: string;
  when?: string;
  where?: string;
  howKnown: HowKnown;
  contact?: string;
  /**
   * The reporter's private fields encrypted on their device to the editors' age recipients
   * (ASCII-armored age file whose plaintext is JSON: contact, and when/where if marked private).
   * The server stores it as is and cannot read it.
   */
  contactAge?: string;
  /**
   * When the reporter wrote it on their device (the offline page keeps reports until a link
   * works, sometimes a day): the time the event is read against. ISO 8601 with its offset.
   */
  writtenAt?: string;
}

/** Armored age with a few X25519 stanzas and 300 characters inside fits well below this. */
export const CONTACT_AGE_MAX = 16 * 1024;
const AGE_ARMOR = /^-----BEGIN AGE ENCRYPTED FILE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END AGE ENCRYPTED FILE-----\r?\n?$/;

/** The most bytes a report's body may hold without its media (form, JSON or multipart fields). */
export const MAX_REPORT_BODY = 64 * 1024;

export const REPORT_LIMITS = { what: 5000, when: 200, where: 300, contact: 300 } as const;

/** Control characters other than tab and newlines have no place in a report and can hide text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function field(p: Problems, name: keyof typeof REPORT_LIMITS, v: unknown, required: boolean): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) p.add(name, 'is required: say what happened');
    return undefined;
  }
  if (typeof v !== 'string') {
    p.add(name, 'must be text');
    return undefined;
  }
  const t = v.replace(/\r\n?/g, '\n').trim();
  if (required && !t) p.add(name, 'is required: say what happened');
  // Code points, as JSON Schema's maxLength counts: an emoji is one character, not two.
  const length = [...t].length;
  if (length > REPORT_LIMITS[name]) p.add(name, `must be at most ${REPORT_LIMITS[name]} characters (has ${length})`);
  if (CONTROL.test(t)) p.add(name, 'contains control characters');
  return t || undefined;
}

/** Checks a report as submitted by form or API; throws a ValidationError naming each bad field. */
export function validateReportInput(input: unknown): ReportInput {
  const p = new Problems();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    p.add('report', 'must be an object');
    p.throwIfAny();
  }
  const v = input as Record<string, unknown>;
  const allowed = new Set(['what', 'when', 'where', 'howKnown', 'contact', 'contactAge', 'lang', 'idempotencyKey', 'writtenAt']);
  for (const key of Object.keys(v)) if (!allowed.has(key)) p.add(key, 'is not a report field');
  const what = field(p, 'what', v.what, true);
  const when = field(p, 'when', v.when, false);
  const where = field(p, 'where', v.where, false);
  const contact = field(p, 'contact', v.contact, false);
  const howKnown = v.howKnown ?? 'other';
  if (!(HOW_KNOWN as readonly unknown[]).includes(howKnown)) p.add('howKnown', `must be one of ${HOW_KNOWN.join(', ')}`);
  const contactAge = contactAgeField(p, v.contactAge);
  const writtenAt = instantField(p, 'writtenAt', v.writtenAt);
  if (contact && contactAge) p.add('contactAge', 'cannot come with contact: send the contact either in clear or encrypted');
  p.throwIfAny();
  const out: ReportInput = { what: what!, howKnown: howKnown as HowKnown };
  if (when) out.when = when;
  if (where) out.where = where;
  if (contact) out.contact = contact;
  if (contactAge) out.contactAge = contactAge;
  if (writtenAt) out.writtenAt = writtenAt;
  return out;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** An instant in ISO 8601 with its offset, as a device writes `new Date().toISOString()`. */
function instantField(p: Problems, name: string, v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || !INSTANT.test(v) || Number.isNaN(Date.parse(v))) {
    p.add(name, 'must be an instant in ISO 8601 with its offset, such as 2022-01-05T14:02:00+06:00');
    return undefined;
  }
  return v;
}

function contactAgeField(p: Problems, v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') {
    p.add('contactAge', 'must be text');
    return undefined;
  }
  if (v.length > CONTACT_AGE_MAX) p.add('contactAge', `must be at most ${CONTACT_AGE_MAX} characters (has ${v.length})`);
  else if (!AGE_ARMOR.test(v)) p.add('contactAge', 'must be an ASCII-armored age file (-----BEGIN AGE ENCRYPTED FILE-----)');
  return v;
}

/**
 * Receipt codes: 12 Crockford base-32 symbols (60 bits) in groups of four, easy to read aloud
 * or copy by hand, with no I/O/L/U to confuse.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function receiptCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error('receipt code needs 8 random bytes');
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(bytes[i]!);
  bits >>= 4n;
  let out = '';
  for (let i = 0; i < 12; i++) {
    out = CROCKFORD[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/**
 * A report whose idempotency key was chosen on the reporter's device gets its receipt code from
 * that key: SHA-256 of this prefix and the key, first 60 bits. The page can show the code while
 * the report still waits, and whichever path delivers it (the API, an armored block pasted by an
 * editor, a relay) yields the same code.
 */
export const DEVICE_RECEIPT_PREFIX = 'caravan-receipt\n';

/** Canonical form of a typed receipt code (case, O/0, I/L/1, spaces and dashes forgiven), or undefined. */
export function normalizeReceiptCode(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 40) return undefined;
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(s)) return undefined;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
