import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import { withContext } from '../../app/context.ts';
import { rereadReports } from '../../app/intake/reread.ts';
import type { Command } from '../command.ts';

const HELP = `usage: caravan reread [--all]

Reads reports again as the desk reads them on arrival (their language, and their words folded
for duplicates and search). Without --all, only reports stored before the desk read them,
which "caravan serve" also does by itself in the background; with --all, every report, after
an upgrade improved the reading.`;

export const rereadCommand: Command = {
  summary: 'read reports again (language, duplicates, search)',
  async run(args, env) {
    const { values } = parseArgs({ args, options: { all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const read = await withContext(loadConfig(env), 'caravan reread', (ctx) => rereadReports(ctx, { all: values.all ?? false }));
    console.log(`read ${read} report${read === 1 ? '' : 's'} again`);
    return 0;
  },
};
