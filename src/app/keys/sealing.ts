/**
 * Sealing of identifying fields (a reporter's contact details) at rest, with AES-256-GCM from
 * node:crypto. The key lives in the data folder, readable by its owner only, never in the
 * database: a stolen database dump does not reveal who reported.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { keyFilePath, loadOrCreateKeyFile } from './key-file.ts';

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';

export function createSealer(key: Uint8Array): Sealer {
  if (key.length !== 32) throw new Error('sealing key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      // The body may be empty (an empty string seals to no ciphertext); iv and tag may not.
      if (version !== VERSION || !iv || body === undefined || !tag) throw new Error('not a sealed value');
      // Without a fixed tag length GCM accepts a tag cut to 4 bytes, which is forgeable.
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** Reads the key from `<dataDir>/keys/contact.key`, creating it (mode 0600) on first use. */
export async function loadSealingKey(dataDir: string): Promise<Uint8Array> {
  const file = keyFilePath(dataDir, 'contact.key');
  const key = Buffer.from(await loadOrCreateKeyFile(file, () => randomBytes(32).toString('base64')), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}
