/**
 * The armored report: a waiting report as a short block of text that survives SMS, messengers
 * and being retyped by a friend abroad. An editor pastes it in and it becomes the same report,
 * with the same receipt code, because it carries the key the reporter's device chose.
 *
 *   -----BEGIN CARAVAN REPORT-----
 *   <base64 of compact JSON, 64 columns>
 *   =<CRC-32 of the base64 text, 8 hex digits>
 *   -----END CARAVAN REPORT-----
 *
 * Decoding forgives what relays do to text: spaces and line breaks added or removed, `>` quote
 * prefixes, text around the block. Any changed character is caught by the checksum.
 * Pure and dependency-free, so the browser bundle and the server share it.
 */
import { HOW_KNOWN, type HowKnown } from './report.ts';
import { CaravanError } from './errors.ts';

export const ARMOR_BEGIN = '-----BEGIN CARAVAN REPORT-----';
export const ARMOR_END = '-----END CARAVAN REPORT-----';

/** The random part of a device key: 16 to 32 bytes in base64url. */
const DEVICE_ID = /^[A-Za-z0-9_-]{22,43}$/;

/** What a waiting report holds; the same fields the JSON API takes. */
export interface ArmoredReport {
  /** The device's idempotency key without its `device:` prefix. */
  deviceId: string;
  what: string;
  when?: string;
  where?: string;
  howKnown: HowKnown;
  /** age-encrypted private fields (ASCII armor), when the reporter left any. */
  contactAge?: string;
  /** When it was written on the device, ISO 8601 (the desk reads "this morning" against it). */
  writtenAt?: string;
}

export class ArmorError extends CaravanError {
  override name = 'ArmorError';
  constructor(message: string) {
    super('bad_armor', message);
  }
}

/** The idempotency key of a report whose key was chosen on the reporter's device. */
export function deviceKey(deviceId: string): string {
  return `device:${deviceId}`;
}

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_ID.test(value);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of ASCII text: catches every single changed character and every burst up to 32 bits. */
export function crc32(text: string): string {
  let c = 0xffffffff;
  for (let i = 0; i < text.length; i++) c = CRC_TABLE[(c ^ text.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return ((c ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The block for a report; short keys keep an SMS short. */
export function encodeArmoredReport(r: ArmoredReport): string {
  const payload: Record<string, unknown> = { v: 1, k: r.deviceId, w: r.what, h: r.howKnown };
  if (r.when !== undefined) payload.t = r.when;
  if (r.where !== undefined) payload.p = r.where;
  if (r.contactAge !== undefined) payload.c = r.contactAge;
  if (r.writtenAt !== undefined) payload.a = r.writtenAt;
  const body = toBase64(new TextEncoder().encode(JSON.stringify(payload)));
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return [ARMOR_BEGIN, ...lines, `=${crc32(body)}`, ARMOR_END].join('\n');
}

function optionalText(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ArmorError(`the block's ${name} is not text`);
  return v;
}

/**
 * Reads a pasted block back. Throws ArmorError saying what is wrong (no block, damaged,
 * not a report); field limits are checked later by the intake like any other report.
 */
export function decodeArmoredReport(pasted: string): ArmoredReport {
  // Messengers quote with "> ", wrap lines and pad with spaces; none of that is ours.
  const text = pasted.replace(/^[ \t]*(?:>[ \t]*)+/gm, '');
  const begin = text.indexOf(ARMOR_BEGIN);
  const end = text.indexOf(ARMOR_END, begin + ARMOR_BEGIN.length);
  if (begin < 0 || end < 0) throw new ArmorError(`no ${ARMOR_BEGIN} … ${ARMOR_END} block found`);
  const inner = text.slice(begin + ARMOR_BEGIN.length, end).replace(/\s+/g, '');
  const m = /^([A-Za-z0-9+/]*={0,2})=([0-9a-fA-F]{8})$/.exec(inner);
  if (!m) throw new ArmorError('the block is damaged: its checksum line is missing');
  const body = m[1]!;
  if (crc32(body) !== m[2]!.toLowerCase()) throw new ArmorError('the block is damaged: a character was changed or lost on the way');
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64(body)));
  } catch {
    throw new ArmorError('the block is damaged: its content cannot be read');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new ArmorError('the block is not a report');
  const p = payload as Record<string, unknown>;
  if (p.v !== 1) throw new ArmorError('the block was made by a newer version of Caravan');
  if (!isDeviceId(p.k)) throw new ArmorError('the block has no valid device key');
  const what = optionalText(p.w, 'text');
  if (!what) throw new ArmorError('the block has no report text');
  const howKnown = p.h ?? 'other';
  if (!(HOW_KNOWN as readonly unknown[]).includes(howKnown))
    throw new ArmorError('the block says "how known" in a way Caravan does not know');
  const out: ArmoredReport = { deviceId: p.k, what, howKnown: howKnown as HowKnown };
  const when = optionalText(p.t, 'time');
  const where = optionalText(p.p, 'place');
  const contactAge = optionalText(p.c, 'private part');
  const writtenAt = optionalText(p.a, 'time of writing');
  if (when !== undefined) out.when = when;
  if (where !== undefined) out.where = where;
  if (contactAge !== undefined) out.contactAge = contactAge;
  if (writtenAt !== undefined) out.writtenAt = writtenAt;
  return out;
}

/** The report as the JSON API and `acceptReport` take it. */
export function armoredToReportInput(r: ArmoredReport): Record<string, unknown> {
  const input: Record<string, unknown> = { what: r.what, howKnown: r.howKnown, idempotencyKey: deviceKey(r.deviceId) };
  if (r.when !== undefined) input.when = r.when;
  if (r.where !== undefined) input.where = r.where;
  if (r.contactAge !== undefined) input.contactAge = r.contactAge;
  if (r.writtenAt !== undefined) input.writtenAt = r.writtenAt;
  return input;
}
