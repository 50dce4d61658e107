import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import type { Command } from '../command.ts';
import { retryRelayItem, showRelayStatus } from './action.ts';

const HELP = `usage:
  caravan relay status
  caravan relay retry <id>

A relay holds reports for the chronicles named in CARAVAN_RELAY_FOR until their origin confirms
them. "status" lists what is held: waiting reports with their next attempt, and failed ones (the
origin refused them) with the origin's answer. Failed reports are kept, never dropped; after the
cause is fixed, "retry" puts one back in line.`;

export const relayCommand: Command = {
  summary: 'show or retry reports held for other chronicles',
  async run(args, env) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    const [sub, id] = positionals;
    if (values.help || !sub) {
      console.log(HELP);
      return values.help ? 0 : 2;
    }
    const config = loadConfig(env);
    if (sub === 'status' && positionals.length === 1) return showRelayStatus(config);
    if (sub === 'retry') {
      if (!id || !/^\d{1,9}$/.test(id) || positionals.length > 2) {
        console.error('caravan relay retry: give the number of one failed report, as shown by "caravan relay status"');
        return 2;
      }
      return retryRelayItem(config, Number(id));
    }
    console.error(`caravan relay: unknown subcommand "${positionals.join(' ')}"\n\n${HELP}`);
    return 2;
  },
};
