import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import type { Command } from '../command.ts';
import { mirrorAdd, mirrorStatus, mirrorSync } from './action.ts';

const HELP = `usage:
  caravan mirror add <url> [--key <verifier key>]
  caravan mirror sync [<origin>]
  caravan mirror status

Follows other chronicles: "add" records one and syncs it; "sync" fetches what is new, verifies
it against the signed checkpoint and the history already verified, and only then stores it;
"status" lists followed chronicles with their verified size, last check and any ALARM (a fork or
rewritten history, or a rollback to an older checkpoint, kept as two signed checkpoints). "caravan serve" syncs in the background and
serves each at /mirrors/<origin>/.
Without --key, the key is read from the chronicle's /log page and trusted on first use.`;

export const mirrorCommand: Command = {
  summary: 'follow, sync and check other chronicles',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { key: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    const [sub, arg, ...extra] = positionals;
    if (values.help || !sub) {
      console.log(HELP);
      return values.help ? 0 : 2;
    }
    const config = loadConfig(env);
    if (sub === 'add' && arg && extra.length === 0) return mirrorAdd(config, arg, values.key);
    if (sub === 'sync' && extra.length === 0) return mirrorSync(config, arg);
    if (sub === 'status' && !arg) return mirrorStatus(config);
    console.error(`caravan mirror: bad arguments\n\n${HELP}`);
    return 2;
  },
};
