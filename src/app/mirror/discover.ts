/**
 * Finding a chronicle's verifier key on its own /log page. A key read from the server being
 * checked proves nothing by itself (whoever controls the server controls the page), so
 * callers treat it as trust on first use and tell the user to compare it with one published
 * elsewhere.
 */
import { ED25519_TYPE, openNote, parseVerifierKey, verifierKeyParts } from '../../log/note.ts';
import { type FetchLike, download } from './download.ts';

/** A log's front page names its key near the top; a megabyte is far more than any such page. */
const MAX_PAGE_BYTES = 1 << 20;

/** name+8 hex+base64 of the type byte and the 32-byte key (33 bytes: 44 characters, no padding). */
const VKEY_CANDIDATE = /[^\s<>"'+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}/g;

/** The verifier keys written on a page that sign `checkpoint`. */
export function keysSigning(page: string, checkpoint: string): string[] {
  const found = new Set<string>();
  for (const m of page.matchAll(VKEY_CANDIDATE)) {
    const candidate = m[0].replace(/&amp;/g, '&');
    try {
      // Witness keys (type 0x04) on the page verify their cosignatures, not the log.
      if (verifierKeyParts(candidate).type !== ED25519_TYPE) continue;
      openNote(checkpoint, [parseVerifierKey(candidate)]);
      found.add(candidate);
    } catch {
      // Not a key, or not this log's: keep looking.
    }
  }
  return [...found];
}

export async function discoverVerifierKey(logUrl: string, checkpoint: string, fetchLike?: FetchLike): Promise<string> {
  const pageUrl = logUrl.replace(/\/+$/, '');
  let page: string;
  try {
    const got = await download(pageUrl, {
      fetch: fetchLike,
      accept: 'text/html',
      maxBytes: MAX_PAGE_BYTES,
      timeoutMs: 30_000,
      attempts: 2,
    });
    if (got.kind === 'absent') throw new Error('HTTP 404');
    if (got.kind === 'refused') throw new Error(`HTTP ${got.status}`);
    if (got.kind === 'too-large') throw new Error(`the page is larger than ${MAX_PAGE_BYTES} bytes`);
    page = new TextDecoder().decode(got.bytes);
  } catch (err) {
    throw new Error(
      `could not read the verifier key from ${pageUrl} (${err instanceof Error ? err.message : String(err)}); pass it with --key`,
    );
  }
  const keys = keysSigning(page, checkpoint);
  if (keys.length === 0) throw new Error(`${pageUrl} shows no verifier key that signs the log's checkpoint; pass the key with --key`);
  if (keys.length > 1) throw new Error(`${pageUrl} shows several keys that sign the checkpoint; pass the one you trust with --key`);
  return keys[0]!;
}
