/**
 * A backup of the embedded store reads a snapshot of its files, so the chronicle keeps taking
 * reports while the backup runs; what a killed backup left behind goes at the next start.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { processFolder } from '../../store/lock.ts';
import { checkBackup, writeBackup } from './backup.ts';
import { loadConfig } from '../config.ts';
import { type AppContext, createContext } from '../context.ts';

const REPORTS = 50_000;

describe('a backup of the embedded store', () => {
  let tmp: string;
  let ctx: AppContext;
  const open = () => createContext(loadConfig({ CARAVAN_DATA: join(tmp, 'data'), CARAVAN_DEMO: 'false' }), 'backup test');

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-backup-snapshot-'));
    ctx = await open();
    // Enough rows that reading them takes far longer than copying the files they are in.
    await ctx.db.query(
      `insert into reports (receipt_code, channel, what, how_known) select 'B' || g, 'web', 'crowd near the akimat', 'saw' from generate_series(1, $1::int) g`,
      [REPORTS],
    );
  });

  after(async () => {
    await ctx?.db.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('keeps taking writes while it reads, and holds every row committed before it began', async () => {
    let finished = false;
    const file = join(tmp, 'while-writing.tar.gz');
    const backup = writeBackup(ctx, file).finally(() => (finished = true));
    let during = 0;
    while (!finished) {
      await ctx.db.query(
        `insert into reports (receipt_code, channel, what, how_known) values ($1, 'web', 'written during the backup', 'saw')`,
        [`W${during}`],
      );
      if (!finished) during++;
    }
    await backup;
    // Holding the store for the whole dump let one or two writes in, before it began.
    assert.ok(during >= 20, `only ${during} writes answered while the backup ran`);
    const manifest = await checkBackup(file);
    const rows = manifest.tables.find((t) => t.name === 'reports')?.rows ?? 0;
    assert.ok(rows >= REPORTS && rows <= REPORTS + during + 1, `the backup holds ${rows} reports`);
    assert.deepEqual(await readdir(join(tmp, 'data', 'snapshots')), [], 'the snapshot is removed');
  });

  it('removes at start the snapshot a killed backup left, and only that', async () => {
    await ctx.db.close();
    const snapshots = join(tmp, 'data', 'snapshots');
    // One of a process that has exited; one of this process, whose backup may be running.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const left = join(snapshots, `${dead}-1`, 'abc123');
    await mkdir(left, { recursive: true });
    await writeFile(join(left, 'PG_VERSION'), '17\n');
    await mkdir(processFolder(snapshots));
    ctx = await open();
    assert.deepEqual(await readdir(snapshots), [basename(processFolder(snapshots))]);
  });
});
