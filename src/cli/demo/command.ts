import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import type { Command } from '../command.ts';
import { reloadDemo } from './action.ts';

const HELP = `usage: caravan demo --reset

Deletes every report (with its photos and videos, files included), source and event in the
store, and the log, and loads the demo chronicle "Kazakhstan, January 2022" again. Editor
accounts are kept.`;

export const demoCommand: Command = {
  summary: 'reload the demo chronicle (--reset)',
  async run(args, env) {
    const { values } = parseArgs({ args, options: { reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help || !values.reset) {
      console.log(HELP);
      return values.help ? 0 : 2;
    }
    return reloadDemo(loadConfig(env));
  },
};
