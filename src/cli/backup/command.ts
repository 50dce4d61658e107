import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import type { Command } from '../command.ts';
import { withContext } from '../../app/context.ts';
import { backupAction } from './action.ts';

const HELP = `usage: caravan backup <file>

Writes one file (a gzip'd tar, owner-only) holding the whole database, read in one consistent
snapshot, and the data folder's keys/, media/ and evidence/, with a manifest of row counts and
SHA-256 sums. It never replaces an existing file. "caravan restore <file>" puts it back, on
either store (the embedded one or a PostgreSQL server).

The file holds the keys that open reporters' contact details: keep it as safe as the data folder.
On the embedded store, stop "caravan serve" first, or let serve keep rolling backups in
<data>/backups/ (CARAVAN_BACKUP_INTERVAL, CARAVAN_BACKUP_KEEP).`;

export const backupCommand: Command = {
  summary: 'write the database, keys and media into one file',
  async run(args, env) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    if (positionals.length !== 1) {
      console.error(`caravan backup: name one file to write\n\n${HELP}`);
      return 2;
    }
    await withContext(loadConfig(env), 'caravan backup', (ctx) => backupAction(ctx, positionals[0]!));
    return 0;
  },
};
