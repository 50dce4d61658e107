import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import type { Command } from '../command.ts';
import { serve } from './action.ts';

const HELP = `usage: caravan serve [--no-demo]

Serves the chronicle at http://HOST:PORT (default 127.0.0.1:8080).
When the store is empty it first loads the demo chronicle "Kazakhstan, January 2022",
unless --no-demo is given or CARAVAN_DEMO=false.
Witnessing is on when <data>/keys/witness.key exists ("caravan keys witness new"): the server
then cosigns checkpoints of the chronicles it mirrors at /witness/add-checkpoint. Witnesses
registered with "caravan witness add" are asked to cosign this chronicle's checkpoints.
Every CARAVAN_BACKUP_INTERVAL hours (24 on the embedded store; 0 = off) it writes a backup into
<data>/backups/, keeping the newest CARAVAN_BACKUP_KEEP (3); "caravan restore <file>" reads them.`;

export const serveCommand: Command = {
  summary: 'serve the chronicle over HTTP',
  async run(args, env) {
    const { values } = parseArgs({ args, options: { 'no-demo': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const config = loadConfig(env);
    if (values['no-demo']) config.demo = false;
    await serve(config);
    return 0;
  },
};
