/**
 * The key files in `<dataDir>/keys/`: the log's signing key, the witness key, the contact
 * sealing key and the SMS sender key. Each is created once (mode 0600 in a 0700 folder), synced
 * to disk with its folder entry before it is used, and never replaced: when two processes create
 * one at once, both end up using the one that was written first.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const keyFilePath = (dataDir: string, name: string) => join(dataDir, 'keys', name);

/** The file's text without surrounding whitespace; undefined when there is no such file. */
export async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Writes a new key file with `text` and a newline; false, and nothing written, when one exists. */
export async function createKeyFile(file: string, text: string): Promise<boolean> {
  const folder = dirname(file);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(`${text}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const dir = await open(folder, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
  return true;
}

/** The key in the file, created from `make()` on first use (or the one another process wrote first). */
export async function loadOrCreateKeyFile(file: string, make: () => string): Promise<string> {
  const existing = await readKeyFile(file);
  if (existing !== undefined) return existing;
  await createKeyFile(file, make());
  const text = await readKeyFile(file);
  if (text === undefined) throw new Error(`${file} vanished right after it was written`);
  return text;
}
