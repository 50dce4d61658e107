/**
 * Importing a Telegram Desktop export: every message becomes a report with its original time,
 * its channel (or the channel it was forwarded from) as the source, and its media by SHA-256.
 * The whole export goes in one transaction, so a bad export stores nothing, and each message is
 * keyed by chat and message id, so importing the same export again adds nothing.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { ValidationError } from '../../core/errors.ts';
import { toStorableText } from '../../core/storable-text.ts';
import {
  type TelegramExport,
  type TelegramMediaHash,
  type TelegramMessage,
  type TelegramParseOptions,
  parseTelegramExport,
} from '../../channels/telegram.ts';
import { sourceForRef } from '../../store/report-origins.ts';
import { touchSource } from '../../store/sources.ts';
import type { AppContext } from '../context.ts';
import { storeExternalReport } from './external.ts';

export interface TelegramImportResult {
  chats: string[];
  /** Reports stored by this import. */
  created: number;
  /** Messages already imported before. */
  existing: number;
  /** Service messages and messages with nothing to report. */
  skipped: number;
  /** Media the export refers to but does not contain. */
  mediaMissing: number;
}

/**
 * An export is what Telegram Desktop wrote, not what a person typed into our form: a NUL or broken
 * UTF-16 in a name, an id or a file name is replaced (the text is, when the report is stored)
 * rather than costing the whole import.
 */
function storableMessage(m: TelegramMessage): TelegramMessage {
  const out: TelegramMessage = {
    ...m,
    chatId: toStorableText(m.chatId),
    source: { ref: toStorableText(m.source.ref), name: toStorableText(m.source.name) },
    media: m.media.map((x) => ({ ...x, name: toStorableText(x.name), kind: toStorableText(x.kind) })),
  };
  if (m.forwardedFrom !== undefined) out.forwardedFrom = toStorableText(m.forwardedFrom);
  return out;
}

/** Stores an export already parsed; one transaction. */
export async function importTelegramExport(ctx: AppContext, given: TelegramExport): Promise<TelegramImportResult> {
  const parsed = { ...given, messages: given.messages.map(storableMessage) };
  const result: TelegramImportResult = {
    chats: parsed.chats.map((c) => c.name),
    created: 0,
    existing: 0,
    skipped: parsed.skipped,
    mediaMissing: 0,
  };
  await ctx.db.transaction(async (tx) => {
    const sources = new Map<string, { id: number; lastHeard: Date }>();
    for (const m of parsed.messages) {
      let source = sources.get(m.source.ref);
      if (!source) {
        const row = await sourceForRef(tx, m.source.ref, {
          kind: 'social',
          name: m.source.name,
          notes: m.forwardedFrom ? 'Telegram: forwarded into an imported chat' : 'Telegram chat or channel',
        });
        source = { id: row.id, lastHeard: m.sentAt };
        sources.set(m.source.ref, source);
      }
      if (m.sentAt > source.lastHeard) source.lastHeard = m.sentAt;
      const stored = await storeExternalReport(ctx, tx, {
        channel: 'telegram',
        input: { what: m.text, contact: m.author === undefined ? undefined : `Telegram: ${m.author}` },
        dedupeKey: `telegram:${m.chatId}:${m.messageId}`,
        externalId: `${m.chatId}/${m.messageId}`,
        sentAt: m.sentAt,
        sourceId: source.id,
        media: m.media,
      });
      if (stored.created) {
        result.created++;
        result.mediaMissing += m.media.filter((x) => x.sha256 === undefined).length;
      } else result.existing++;
    }
    for (const s of sources.values()) await touchSource(tx, s.id, s.lastHeard);
  });
  return result;
}

/** Parses `result.json` text, hashing media with `hashOf` (undefined: the file is not there). */
export async function parseTelegramJson(
  text: string,
  hashOf: (name: string) => Promise<TelegramMediaHash | undefined>,
  opts: Pick<TelegramParseOptions, 'utcOffset'> = {},
): Promise<TelegramExport> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ValidationError([{ field: 'result.json', message: `is not valid JSON: ${(err as Error).message.slice(0, 200)}` }]);
  }
  // A first pass learns which files the messages name; only those are read and hashed.
  const names = parseTelegramExport(json, opts).messages.flatMap((m) => m.media.map((x) => x.name));
  const mediaHashes = new Map<string, TelegramMediaHash>();
  for (const name of new Set(names)) {
    const hash = await hashOf(name);
    if (hash) mediaHashes.set(name, hash);
  }
  return parseTelegramExport(json, { ...opts, mediaHashes });
}

/** Reads an export folder (`result.json` and its media folders) as Telegram Desktop writes it. */
export async function readTelegramFolder(folder: string, opts: Pick<TelegramParseOptions, 'utcOffset'> = {}): Promise<TelegramExport> {
  // The folder itself may be reached through a link the operator chose; nothing inside it may.
  const root = await realpath(resolve(folder)).catch(() => resolve(folder));
  let text: string | undefined;
  try {
    text = await readInsideExport(root, 'result.json', 'utf8');
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    throw new ValidationError([{ field: 'folder', message: `result.json could not be read (${(err as NodeJS.ErrnoException).code})` }]);
  }
  if (text === undefined) {
    throw new ValidationError([{ field: 'folder', message: `${root} has no result.json: export the chat as JSON (not HTML)` }]);
  }
  return parseTelegramJson(text, (name) => hashFile(root, name), opts);
}

function linkRefused(root: string, path: string): ValidationError {
  return new ValidationError([
    {
      field: 'folder',
      message: `${relative(root, path)} is a symbolic link; Telegram Desktop writes none, so the export is refused rather than read outside its folder`,
    },
  ]);
}

/**
 * Opens `name` inside the export without following any link on the way: every folder on the path
 * is checked with lstat and the file is opened with O_NOFOLLOW. Undefined when it is not there or
 * not a regular file; a ValidationError naming the link when one is met.
 */
async function openInsideExport(root: string, name: string) {
  const path = resolve(root, name);
  if (!path.startsWith(root + sep)) return undefined;
  const parts = relative(root, path).split(sep);
  let at = root;
  for (const part of parts.slice(0, -1)) {
    at = join(at, part);
    const info = await lstat(at).catch(() => undefined);
    if (!info) return undefined;
    if (info.isSymbolicLink()) throw linkRefused(root, at);
    if (!info.isDirectory()) return undefined;
  }
  const file = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code === 'ELOOP' || (await lstat(path).catch(() => undefined))?.isSymbolicLink()) throw linkRefused(root, path);
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    throw err;
  });
  if (!file) return undefined;
  if (!(await file.stat()).isFile()) {
    await file.close();
    return undefined;
  }
  return file;
}

async function readInsideExport(root: string, name: string, encoding: 'utf8'): Promise<string | undefined> {
  const file = await openInsideExport(root, name);
  if (!file) return undefined;
  try {
    return await file.readFile(encoding);
  } finally {
    await file.close();
  }
}

/** SHA-256 of a media file inside the export; a missing file or anything outside the folder counts as missing. */
async function hashFile(root: string, name: string): Promise<TelegramMediaHash | undefined> {
  const file = await openInsideExport(root, name);
  if (!file) return undefined;
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of file.createReadStream({ autoClose: false })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } finally {
    await file.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** For uploads, where browsers send each file's own name without its folder. */
export function uploadedMediaHasher(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>) {
  const byName = new Map(files.map((f) => [basename(f.name), f.bytes]));
  return async (name: string): Promise<TelegramMediaHash | undefined> => {
    const bytes = byName.get(basename(name));
    if (!bytes) return undefined;
    return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength };
  };
}
