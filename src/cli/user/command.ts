import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import { passwordRule } from '../../publish/editor/password-rule.ts';
import type { Command } from '../command.ts';
import { addUser, listAccounts } from './action.ts';

const HELP = `usage:
  caravan user add <username> [--role editor|admin] [--password-stdin]
  caravan user list

"add" asks for the password twice on the terminal, or reads one line from standard input with
--password-stdin (for scripts). Roles: editor (triage, code, publish) or admin (also manages
users and may reveal reporters' contact details). ${passwordRule('en')}`;

export const userCommand: Command = {
  summary: 'add or list editor accounts',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        role: { type: 'string', default: 'editor' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [sub, username] = positionals;
    if (values.help || !sub) {
      console.log(HELP);
      return values.help ? 0 : 2;
    }
    const config = loadConfig(env);
    if (sub === 'list') return listAccounts(config);
    if (sub === 'add') {
      if (!username) {
        console.error('caravan user add: a username is required');
        return 2;
      }
      if (values.role !== 'editor' && values.role !== 'admin') {
        console.error('caravan user add: --role must be editor or admin');
        return 2;
      }
      return addUser(config, username, values.role, Boolean(values['password-stdin']));
    }
    console.error(`caravan user: unknown subcommand "${sub}"\n\n${HELP}`);
    return 2;
  },
};
