import { parseArgs } from 'node:util';
import { BackupError, checkBackup } from '../../app/backup/backup.ts';
import { loadConfig } from '../../app/config.ts';
import { StoreRestoreError } from '../../store/backup.ts';
import { withContext } from '../../app/context.ts';
import type { Command } from '../command.ts';
import { restoreAction } from './action.ts';

const HELP = `usage: caravan restore <file> [--force]

Puts back a file written by "caravan backup" (or by serve's rolling backups in <data>/backups/):
the database, into the store CARAVAN_DATA or DATABASE_URL names, and the keys and media, into the
data folder. The whole file is checked against its manifest first: a damaged or truncated file
is refused and nothing changes. The database is restored in one transaction; a backup made
before later migrations is migrated after.

A store that already holds data is refused unless --force is given; then its tables are
replaced, and key or media files that differ from the backup's are kept beside the restored ones
(named *.before-restore-<time>). To restore over a damaged embedded store, move its folder
(<data>/pglite) aside first.`;

export const restoreCommand: Command = {
  summary: 'put a backup back: database, keys and media',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    if (positionals.length !== 1) {
      console.error(`caravan restore: name one backup file\n\n${HELP}`);
      return 2;
    }
    try {
      const config = loadConfig(env);
      // Before the store is opened (or made): a damaged file leaves no trace at all.
      const checked = await checkBackup(positionals[0]!);
      await withContext(config, 'caravan restore', (ctx) => restoreAction(ctx, positionals[0]!, { force: values.force ?? false, checked }));
      return 0;
    } catch (err) {
      if (err instanceof BackupError || err instanceof StoreRestoreError) {
        console.error(`caravan restore: REFUSED: ${err.message}`);
        return 1;
      }
      throw err;
    }
  },
};
