import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import type { Command } from '../command.ts';
import { witnessAdd, witnessList, witnessRemove } from './action.ts';

const HELP = `usage:
  caravan witness add <url> [--key <witness verifier key>]
  caravan witness list
  caravan witness remove <name>

The witnesses this chronicle asks to cosign its log's checkpoints (C2SP tlog-witness). <url> is
the witness's submission prefix (https://mirror.example.org/witness, or whatever prefix another
witness uses), or a bare chronicle address meaning its /witness; without --key, the key is read
from the prefix's own page and trusted on first use: compare it with one
the witness's operator gave you. "caravan serve" then asks each witness whenever the log gets a
new checkpoint (and retries at CARAVAN_MIRROR_INTERVAL, backing off after failures), and serves
the cosignatures after the log's signature in /log/checkpoint; /log/witnesses lists their keys.
A witness only cosigns logs it follows: its operator runs "caravan mirror add" for this chronicle
and "caravan keys witness new".`;

export const witnessCommand: Command = {
  summary: "choose the witnesses that cosign this chronicle's log",
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
    if (sub === 'add' && arg && extra.length === 0) return witnessAdd(config, arg, values.key);
    if (sub === 'list' && !arg && !values.key) return witnessList(config);
    if (sub === 'remove' && arg && extra.length === 0 && !values.key) return witnessRemove(config, arg);
    console.error(`caravan witness: bad arguments\n\n${HELP}`);
    return 2;
  },
};
