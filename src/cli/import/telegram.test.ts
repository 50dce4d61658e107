import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { ValidationError } from '../../core/errors.ts';
import { telegramImport } from './telegram.ts';

const FIXTURES = fileURLToPath(new URL('../../channels/fixtures/telegram/', import.meta.url));
// Never reached: every case below stops before the store is opened.
const env = { CARAVAN_DATA: '/nonexistent-test-data' };

test('caravan import telegram wants exactly one folder', async () => {
  const errors: string[] = [];
  const original = console.error;
  console.error = (msg: string) => void errors.push(msg);
  try {
    assert.equal(await telegramImport.run([], env), 2);
    assert.equal(await telegramImport.run(['a', 'b'], env), 2);
  } finally {
    console.error = original;
  }
  assert.match(errors[0]!, /give one export folder/);
});

test('a malformed export or a missing offset is refused before anything is opened', async () => {
  await assert.rejects(
    telegramImport.run([`${FIXTURES}invalid/not-json`], env),
    (err: unknown) => err instanceof ValidationError && /not valid JSON/.test(err.message),
  );
  await assert.rejects(telegramImport.run([`${FIXTURES}valid/old-format-group`], env), /UTC offset/);
  await assert.rejects(telegramImport.run([`${FIXTURES}valid/old-format-group`, '--utc-offset', 'six'], env), /utcOffset: must look like/);
});

// Before, photos -> /etc had the importer hash files in /etc.
test('an export holding a symbolic link is refused, naming it, before anything is opened', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-cli-telegram-'));
  try {
    const folder = join(dir, 'export');
    await cp(`${FIXTURES}valid/new-format-channel`, folder, { recursive: true });
    await rm(join(folder, 'photos'), { recursive: true });
    await symlink('/etc', join(folder, 'photos'));
    await assert.rejects(
      telegramImport.run([folder], env),
      (err: unknown) => err instanceof ValidationError && /photos is a symbolic link/.test(err.message),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
