/**
 * SHA-256 from node:crypto for the log's hashing on a server: several times faster than the
 * pure-JavaScript one `log/` ships for browsers, so verifying, mirroring and appending use it.
 */
import { hash } from 'node:crypto';
import { type Sha256, useSha256 } from '../../log/hash.ts';

export const nodeSha256: Sha256 = (bytes) => {
  const digest = hash('sha256', bytes, 'buffer');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
};

/** Makes every hash of the log in this process go through node:crypto. */
export function useNodeSha256(): void {
  useSha256(nodeSha256);
}
