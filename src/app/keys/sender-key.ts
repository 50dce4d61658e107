/**
 * The key that turns a sender's phone number into a stable pseudonym. Editors need to see that
 * three messages came from one phone; nobody who reads the database should learn the number,
 * and a plain hash of a phone number is reversed by trying every number in a few minutes. A
 * keyed hash is not: the key stays in the data folder (`keys/sender.key`), never in the database.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { keyFilePath, loadOrCreateKeyFile } from './key-file.ts';

/** Reads `<dataDir>/keys/sender.key`, creating it (mode 0600) on first use. */
export async function loadSenderKey(dataDir: string): Promise<Uint8Array> {
  const file = keyFilePath(dataDir, 'sender.key');
  const key = Buffer.from(await loadOrCreateKeyFile(file, () => randomBytes(32).toString('base64')), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}

/**
 * Only digits and a leading plus count, so "+7 701 123-45-67" and "+77011234567" are one
 * sender. A national "8..." and an international "+7..." stay different: which country's rule
 * applies is not ours to guess.
 */
export function normalizePhoneNumber(number: string): string {
  const trimmed = number.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  if (!digits) return trimmed.toLowerCase();
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** The sender's pseudonym: hex HMAC-SHA256 of the normalized number. */
export function senderHash(key: Uint8Array, number: string): string {
  return createHmac('sha256', key)
    .update(`sender\0${normalizePhoneNumber(number)}`)
    .digest('hex');
}
