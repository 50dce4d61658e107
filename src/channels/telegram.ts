/**
 * Telegram Desktop's "Export chat history" in JSON: `result.json` beside folders of media. One
 * chat or channel per export (`{"name", "type", "id", "messages": [...]}`), or a whole account
 * (`{"chats": {"list": [...]}}`). Formats differ by version:
 *
 * - `text` is a string, or an array of strings and entities (`{"type": "bold", "text": "..."}`,
 *   `{"type": "text_link", "text": "...", "href": "..."}`); newer exports add `text_entities`.
 * - newer exports give `date_unixtime`; older ones only `date`, in the local time of the
 *   computer that exported, which the file does not record. For those the importer must be told
 *   the offset; guessing would shift every message by hours.
 *
 * Pure: the caller reads the files and passes the SHA-256 of each media file it found.
 */
import { type FieldProblem, ValidationError } from '../core/errors.ts';

export interface TelegramMediaHash {
  sha256: string;
  bytes: number;
}

export interface TelegramMedia {
  /** Path inside the export ("photos/photo_1@05-01-2022_14-00-00.jpg"), or a label when not included. */
  name: string;
  /** photo, video_file, voice_message, file, ... */
  kind: string;
  sha256?: string;
  bytes?: number;
}

export interface TelegramSource {
  /** Stable across imports: "telegram:chat:<id>" or "telegram:forwarded:<name>". */
  ref: string;
  name: string;
}

export interface TelegramMessage {
  chatId: string;
  messageId: number;
  sentAt: Date;
  text: string;
  source: TelegramSource;
  /** Who wrote it in a group or private chat (identifying: the importer seals it). */
  author?: string;
  forwardedFrom?: string;
  media: TelegramMedia[];
}

export interface TelegramChat {
  id: string;
  name: string;
  type: string;
}

export interface TelegramExport {
  chats: TelegramChat[];
  messages: TelegramMessage[];
  /** Service messages (joins, pins) and messages with nothing to report. */
  skipped: number;
}

export interface TelegramParseOptions {
  /** SHA-256 and size of each media file found, by its path inside the export. */
  mediaHashes?: ReadonlyMap<string, TelegramMediaHash>;
  /** UTC offset of the exporting computer, e.g. "+06:00": needed only for exports without date_unixtime. */
  utcOffset?: string;
}

const NOT_INCLUDED = /^\(File (not included|exceeds maximum size)/;
const CHANNEL_TYPES = new Set(['public_channel', 'private_channel']);
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
/** A report's text has room for 5,000 characters; longer posts are cut with a note. */
const MAX_TEXT = 4900;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an export; throws a ValidationError naming every problem (message by message) so nothing is half imported. */
export function parseTelegramExport(json: unknown, opts: TelegramParseOptions = {}): TelegramExport {
  const problems: FieldProblem[] = [];
  if (!isObject(json))
    throw new ValidationError([
      { field: 'result.json', message: 'must be a JSON object (Telegram Desktop: Export chat history, format JSON)' },
    ]);
  const offsetMinutes = opts.utcOffset === undefined ? undefined : parseOffset(problems, opts.utcOffset);
  let rawChats: unknown[];
  if (Array.isArray(json.messages)) rawChats = [json];
  else if (isObject(json.chats) && Array.isArray(json.chats.list)) rawChats = json.chats.list;
  else throw new ValidationError([{ field: 'result.json', message: 'has no "messages" list: is it a Telegram chat export in JSON?' }]);

  const out: TelegramExport = { chats: [], messages: [], skipped: 0 };
  rawChats.forEach((raw, i) => {
    const where = rawChats.length === 1 ? 'chat' : `chats.list[${i}]`;
    if (!isObject(raw) || !Array.isArray(raw.messages)) {
      problems.push({ field: where, message: 'must be a chat with a "messages" list' });
      return;
    }
    if (typeof raw.id !== 'number' && typeof raw.id !== 'string') {
      problems.push({ field: `${where}.id`, message: 'is required: without the chat id a second import could not be recognised' });
      return;
    }
    const chat: TelegramChat = {
      id: String(raw.id),
      name: typeof raw.name === 'string' && raw.name ? raw.name : `Telegram chat ${String(raw.id)}`,
      type: typeof raw.type === 'string' ? raw.type : 'unknown',
    };
    out.chats.push(chat);
    raw.messages.forEach((m, j) => {
      const msg = parseMessage(problems, `${where}.messages[${j}]`, m, chat, offsetMinutes, opts.mediaHashes);
      if (msg) out.messages.push(msg);
      else out.skipped++;
    });
  });
  if (problems.length > 0) throw new ValidationError(problems.slice(0, 50));
  return out;
}

function parseOffset(problems: FieldProblem[], text: string): number | undefined {
  const m = OFFSET.exec(text);
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) {
    problems.push({ field: 'utcOffset', message: 'must look like +06:00 or -03:30' });
    return undefined;
  }
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function parseMessage(
  problems: FieldProblem[],
  at: string,
  m: unknown,
  chat: TelegramChat,
  offsetMinutes: number | undefined,
  hashes: ReadonlyMap<string, TelegramMediaHash> | undefined,
): TelegramMessage | undefined {
  if (!isObject(m)) {
    problems.push({ field: at, message: 'must be an object' });
    return undefined;
  }
  if (m.type !== 'message') return undefined;
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) {
    problems.push({ field: `${at}.id`, message: 'must be a whole number' });
    return undefined;
  }
  const sentAt = messageTime(problems, at, m, offsetMinutes);
  const text = flattenText(m.text ?? m.text_entities ?? '');
  if (text === undefined) {
    problems.push({ field: `${at}.text`, message: 'must be text or a list of text pieces' });
    return undefined;
  }
  const media: TelegramMedia[] = [];
  for (const [field, kind] of [
    ['photo', 'photo'],
    ['file', typeof m.media_type === 'string' ? m.media_type : 'file'],
  ] as const) {
    const path = m[field];
    if (path === undefined || path === null) continue;
    if (typeof path !== 'string') {
      problems.push({ field: `${at}.${field}`, message: 'must be a file path' });
      continue;
    }
    if (NOT_INCLUDED.test(path)) {
      media.push({ name: `${kind} (not included in the export)`, kind });
      continue;
    }
    if (!isSafeRelativePath(path)) {
      problems.push({ field: `${at}.${field}`, message: 'must be a path inside the export folder' });
      continue;
    }
    const hash = hashes?.get(path);
    media.push({ name: path, kind, ...(hash ? { sha256: hash.sha256, bytes: hash.bytes } : {}) });
  }
  const location = locationText(m.location_information);
  if (!sentAt) return undefined;
  const body = [text, location].filter(Boolean).join('\n');
  if (!body.trim() && media.length === 0) return undefined;

  const forwardedFrom = typeof m.forwarded_from === 'string' && m.forwarded_from ? m.forwarded_from : undefined;
  const source: TelegramSource = forwardedFrom
    ? { ref: `telegram:forwarded:${forwardedFrom}`, name: forwardedFrom }
    : { ref: `telegram:chat:${chat.id}`, name: chat.name };
  const msg: TelegramMessage = {
    chatId: chat.id,
    messageId: m.id,
    sentAt,
    text: body.trim() ? cut(body) : media.map((x) => `[${x.kind}]`).join(' '),
    source,
    media,
  };
  if (forwardedFrom) msg.forwardedFrom = forwardedFrom;
  if (!CHANNEL_TYPES.has(chat.type) && typeof m.from === 'string' && m.from) {
    msg.author = typeof m.from_id === 'string' ? `${m.from} (${m.from_id})` : m.from;
  }
  return msg;
}

function messageTime(
  problems: FieldProblem[],
  at: string,
  m: Record<string, unknown>,
  offsetMinutes: number | undefined,
): Date | undefined {
  if (m.date_unixtime !== undefined) {
    // Telegram writes a string; anything but text or a number (an object with its own toString)
    // is not a time.
    const t = m.date_unixtime;
    const s = typeof t === 'string' || typeof t === 'number' ? String(t) : '';
    if (/^\d{1,12}$/.test(s)) return new Date(Number(s) * 1000);
    problems.push({ field: `${at}.date_unixtime`, message: 'must be a Unix time in seconds' });
    return undefined;
  }
  const d = typeof m.date === 'string' ? LOCAL_DATE.exec(m.date) : null;
  if (!d) {
    problems.push({ field: `${at}.date`, message: 'must be a date like 2022-01-05T14:00:00' });
    return undefined;
  }
  if (offsetMinutes === undefined) {
    problems.push({
      field: `${at}.date`,
      message: 'has no date_unixtime, so its time is the exporting computer’s local time: give that UTC offset (e.g. +06:00)',
    });
    return undefined;
  }
  const utc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(d[4]), Number(d[5]), Number(d[6]));
  return new Date(utc - offsetMinutes * 60_000);
}

/** Plain text of a message: entities become their text; a link whose text hides its address keeps both. */
export function flattenText(text: unknown): string | undefined {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return undefined;
  let out = '';
  for (const piece of text) {
    if (typeof piece === 'string') out += piece;
    else if (isObject(piece) && typeof piece.text === 'string') {
      const href = typeof piece.href === 'string' ? piece.href : undefined;
      out += href && href !== piece.text ? `${piece.text} (${href})` : piece.text;
    } else return undefined;
  }
  return out;
}

function locationText(loc: unknown): string | undefined {
  if (!isObject(loc) || typeof loc.latitude !== 'number' || typeof loc.longitude !== 'number') return undefined;
  return `[location ${loc.latitude}, ${loc.longitude}]`;
}

function isSafeRelativePath(path: string): boolean {
  if (!path || path.length > 500 || path.startsWith('/') || path.includes('\\') || path.includes('\0') || /^[a-zA-Z]:/.test(path))
    return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

function cut(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  return `${text.slice(0, MAX_TEXT)}\n[… ${text.length - MAX_TEXT} more characters in the Telegram export]`;
}
