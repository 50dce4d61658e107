/**
 * What one entry of the chronicle's log says: a publication (first, correction or retraction)
 * or a withdrawal, with the public record as published. Entries are RFC 8785 canonical JSON,
 * so anyone can re-encode a record and get the bytes that were hashed into the tree.
 */
import { ValidationError } from '../core/errors.ts';
import type { PublicEvent } from '../core/public-event.ts';
import { canonicalBytes, isCanonicalText } from './canonical.ts';
import { CaravanError } from '../core/errors.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface LogEntry {
  v: 1;
  /** A correction is a publish of a later revision; a retraction is a publish whose record says `retracted`. */
  type: 'publish' | 'unpublish';
  event: number;
  revision: number;
  /** When it happened, ISO 8601 in UTC. */
  at: string;
  /** The public record; present exactly for `publish`. */
  record?: PublicEvent;
  /** The editors' note for readers: what a correction changed, why a retraction or withdrawal. */
  note?: string;
}

/** An entry bundle prefixes each entry with a big-endian uint16 length, so 65,535 bytes is the most one can hold. */
export const MAX_ENTRY_BYTES = 65_535;

export class LogEntryError extends CaravanError {
  override name = 'LogEntryError';
  constructor(message: string) {
    super('bad_log_entry', message);
  }
}

const KEYS = new Set(['v', 'type', 'event', 'revision', 'at', 'record', 'note']);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

const isPositiveInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The problems with a would-be entry, as sentences; empty when it is well formed. */
export function logEntryProblems(x: unknown): string[] {
  if (!isObject(x)) return ['an entry must be a JSON object'];
  const problems: string[] = [];
  for (const k of Object.keys(x)) if (!KEYS.has(k)) problems.push(`unknown field "${k}"`);
  if (x.v !== 1) problems.push('v must be 1');
  if (x.type !== 'publish' && x.type !== 'unpublish') problems.push('type must be "publish" or "unpublish"');
  if (!isPositiveInt(x.event)) problems.push('event must be a positive integer');
  if (!isPositiveInt(x.revision)) problems.push('revision must be a positive integer');
  if (typeof x.at !== 'string' || !ISO_INSTANT.test(x.at) || Number.isNaN(Date.parse(x.at)))
    problems.push('at must be an ISO 8601 instant in UTC');
  if (x.note !== undefined && (typeof x.note !== 'string' || x.note.trim() === ''))
    problems.push('note must be a non-empty string when present');
  if (x.type === 'unpublish' && x.record !== undefined) problems.push('an unpublish entry carries no record');
  if (x.type === 'publish') {
    const r = x.record;
    if (!isObject(r)) problems.push('a publish entry needs its record');
    else {
      if (r.id !== x.event) problems.push('record.id must equal event');
      if (r.revision !== x.revision) problems.push('record.revision must equal revision');
      if (typeof r.status !== 'string') problems.push('record.status must be a string');
      if (typeof r.publishedAt !== 'string') problems.push('record.publishedAt must be a string');
      if (r.status === 'retracted' && (typeof r.statusReason !== 'string' || r.statusReason.trim() === '')) {
        problems.push('a retracted record must say why (statusReason)');
      }
    }
  }
  return problems;
}

/** The entry's bytes as hashed into the log. Throws LogEntryError when malformed, ValidationError when too large. */
export function encodeLogEntry(e: LogEntry): Uint8Array {
  const problems = logEntryProblems(e);
  if (problems.length > 0) throw new LogEntryError(`bad log entry: ${problems.join('; ')}`);
  const bytes = canonicalBytes(e);
  if (bytes.length > MAX_ENTRY_BYTES) {
    // An editor can reach this (100 long sources), so it is their input to fix, not a crash.
    throw new ValidationError([
      {
        field: 'event',
        message: `is too large to publish: its public record takes ${bytes.length} bytes and the log holds at most ${MAX_ENTRY_BYTES}; shorten the notes or the sources`,
      },
    ]);
  }
  return bytes;
}

/**
 * Reads an entry back, strictly: UTF-8 JSON of the right shape, in canonical form (so one
 * entry has exactly one encoding), no larger than an entry may be.
 */
export function decodeLogEntry(bytes: Uint8Array): LogEntry {
  if (bytes.length > MAX_ENTRY_BYTES) throw new LogEntryError(`log entry is ${bytes.length} bytes; at most ${MAX_ENTRY_BYTES} fit`);
  let text: string;
  let parsed: unknown;
  try {
    text = strictUtf8.decode(bytes);
    parsed = JSON.parse(text);
  } catch {
    throw new LogEntryError('log entry is not UTF-8 JSON');
  }
  const problems = logEntryProblems(parsed);
  if (problems.length > 0) throw new LogEntryError(`bad log entry: ${problems.join('; ')}`);
  // Strict UTF-8 maps bytes to text one to one, so comparing the texts compares the bytes.
  if (!isCanonicalText(text, parsed)) throw new LogEntryError('log entry is not in RFC 8785 canonical form');
  return parsed as LogEntry;
}
