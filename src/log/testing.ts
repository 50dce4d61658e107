/** Test helper: a complete tlog-tiles log in memory, signed with a given note key. */
import { formatCheckpoint } from './checkpoint.ts';
import { utf8 } from './hash.ts';
import { TreeBuilder, leafHash } from './merkle.ts';
import { parseSignerKey, signNote } from './note.ts';
import { bundlesForSize, encodeEntryBundle, entriesPath, tileHashes, tileLevels, tilePath, tilesForSize } from './tiles.ts';
import type { LogSource } from './verify-log.ts';

/** Every file of a log holding `entries`, as tlog-tiles paths → bytes. */
export function memoryLogFiles(entries: readonly Uint8Array[], signerKey: string, origin: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const hashes = entries.map(leafHash);
  const tree = new TreeBuilder();
  for (const h of hashes) tree.append(h);
  const levels = tileLevels(hashes);
  for (const { level, index, width } of tilesForSize(entries.length))
    files.set(tilePath(level, index, width), tileHashes(levels, level, index, width));
  for (const { index, width } of bundlesForSize(entries.length)) {
    files.set(entriesPath(index, width), encodeEntryBundle(entries.slice(index * 256, index * 256 + width)));
  }
  const body = formatCheckpoint({ origin, size: entries.length, root: tree.root(), extensions: [] });
  files.set('checkpoint', utf8(signNote(body, [parseSignerKey(signerKey)])));
  return files;
}

export function mapSource(files: ReadonlyMap<string, Uint8Array>): LogSource {
  return { read: async (path) => files.get(path) };
}
