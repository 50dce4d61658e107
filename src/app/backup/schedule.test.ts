import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openTestDb } from '../../store/testing.ts';
import { checkBackup } from './backup.ts';
import { backupFileName, listBackups, unopenableStoreError } from './folders.ts';
import { backupsToRemove, nextBackupDelay, startBackupSchedule } from './schedule.ts';
import { loadConfig } from '../config.ts';
import { type AppContext, contextFor } from '../context.ts';
import { manualTime, until } from '../testing.ts';

const HOUR = 3_600_000;

describe('when the next rolling backup is due', () => {
  const now = new Date('2022-01-05T12:00:00Z');
  it('is an interval after the newest one', () => {
    assert.equal(nextBackupDelay(new Date('2022-01-05T06:00:00Z'), now, 24 * HOUR, 600_000), 18 * HOUR);
  });
  it('waits the grace period when none exists or the newest is overdue', () => {
    assert.equal(nextBackupDelay(undefined, now, 24 * HOUR, 600_000), 600_000);
    assert.equal(nextBackupDelay(new Date('2022-01-01T00:00:00Z'), now, 24 * HOUR, 600_000), 600_000);
  });
  it('never waits more than an interval, even when the newest is dated in the future', () => {
    assert.equal(nextBackupDelay(undefined, now, 60_000, 600_000), 60_000);
    assert.equal(nextBackupDelay(new Date('2023-01-01T00:00:00Z'), now, 24 * HOUR, 600_000), 24 * HOUR);
  });
  it('removes only the oldest beyond the number to keep', () => {
    assert.deepEqual(backupsToRemove(['a', 'b', 'c', 'd'], 3), ['a']);
    assert.deepEqual(backupsToRemove(['a', 'b'], 3), []);
  });
});

describe('the rolling backup serve keeps', () => {
  let tmp: string;
  let ctx: AppContext;
  const time = manualTime(new Date('2022-01-05T00:00:00Z'));

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-schedule-'));
    ctx = contextFor(loadConfig({ CARAVAN_DATA: tmp }), await openTestDb(), { now: time.now });
    await mkdir(join(tmp, 'keys'));
    await writeFile(join(tmp, 'keys', 'contact.key'), 'k\n', { mode: 0o600 });
  });
  after(async () => {
    await ctx?.db.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('writes one backup per interval into <data>/backups and keeps the newest few', async () => {
    const results: string[] = [];
    await mkdir(join(tmp, 'backups'));
    await writeFile(join(tmp, 'backups', '.caravan-backup-20220104T000000Z.tar.gz.0a1b.tmp'), 'half a backup from a crash');
    const schedule = startBackupSchedule(ctx, {
      intervalMs: 6 * HOUR,
      keep: 2,
      graceMs: 60_000,
      timers: time.timers,
      onResult: (r) => results.push(r.status === 'written' ? `written ${r.removed.length}` : `failed ${r.message}`),
    });
    try {
      await until('the first backup is scheduled', () => time.pending().length > 0);
      assert.deepEqual(time.pending(), [60_000], 'no backup yet: the first comes after the grace period');
      for (let i = 1; i <= 4; i++) {
        time.fireNext();
        await until(`backup ${i} is written`, () => results.length === i && time.pending().length > 0);
        assert.deepEqual(time.pending(), [6 * HOUR]);
      }
      assert.deepEqual(results, ['written 0', 'written 0', 'written 1', 'written 1']);
      const names = (await readdir(join(tmp, 'backups'))).sort();
      assert.deepEqual(
        names,
        [backupFileName(new Date('2022-01-05T12:01:00Z')), backupFileName(new Date('2022-01-05T18:01:00Z'))],
        'the two newest, and no temporary file',
      );
      const newest = (await listBackups(join(tmp, 'backups'))).at(-1)!;
      assert.equal(newest.madeAt.toISOString(), '2022-01-05T18:01:00.000Z');
      assert.ok((await checkBackup(newest.file)).members.some((m) => m.name === 'files/keys/contact.key'));
    } finally {
      await schedule.stop();
    }
    assert.deepEqual(time.pending(), [], 'stopped: no timer left');
  });

  it('points a damaged store to the newest backup, and says so when there is none', async () => {
    const folder = join(tmp, 'pglite');
    const cause = new Error('Aborted(). Build with -sASSERTIONS for more info.');
    cause.name = 'RuntimeError';
    const withBackup = await unopenableStoreError(tmp, folder, cause);
    const newest = (await listBackups(join(tmp, 'backups'))).at(-1)!.file;
    assert.equal(withBackup.code, 'store_unopenable');
    assert.ok(!withBackup.message.includes('\n'), 'one line');
    assert.ok(
      withBackup.message.includes(`the embedded store in ${folder} cannot be opened (RuntimeError: Aborted()). If it is damaged`),
      withBackup.message,
    );
    assert.ok(withBackup.message.includes(`caravan restore ${newest}`), withBackup.message);
    const none = await unopenableStoreError(join(tmp, 'elsewhere'), folder, cause);
    assert.match(none.message, /No backup was found in \S+elsewhere\/backups/);
  });
});
