import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createKeyFile, keyFilePath, loadOrCreateKeyFile, readKeyFile } from './key-file.ts';

describe('key files', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caravan-keys-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are created readable by their owner only, in a folder only the owner can enter', async () => {
    const file = keyFilePath(dir, 'a.key');
    assert.equal(await readKeyFile(file), undefined);
    assert.equal(await createKeyFile(file, 'first'), true);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal((await stat(join(dir, 'keys'))).mode & 0o777, 0o700);
    assert.equal(await readFile(file, 'utf8'), 'first\n');
  });

  it('are never replaced', async () => {
    const file = keyFilePath(dir, 'a.key');
    assert.equal(await createKeyFile(file, 'second'), false);
    assert.equal(await readKeyFile(file), 'first');
  });

  it('are one key when many create them at once', async () => {
    const file = keyFilePath(dir, 'b.key');
    let made = 0;
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(file, () => `key-${++made}`)));
    assert.equal(new Set(keys).size, 1, keys.join(', '));
    assert.equal(await readKeyFile(file), keys[0]);
  });
});
