import { parseArgs } from 'node:util';
import type { Command } from '../main.ts';
import { verifyAction } from './action.ts';

const HELP = `usage: caravan verify <url | folder> [--key <verifier key>]

Checks a chronicle's transparency log: the checkpoint's signature, the Merkle tree recomputed
from every entry, and consistency with the last checkpoint verified for the same origin on this
machine (remembered in $CARAVAN_STATE/known-origins.json, else ~/.config/caravan/).

<url> is the chronicle (https://example.org) or its log (https://example.org/log); <folder> is
a static copy holding log/checkpoint or checkpoint.
Without --key, a URL's key is read from its /log page and trusted on first use; compare it with
one published elsewhere. Exit status: 0 verified, 1 something does not match (the message says
what), 2 usage.`;

export const verifyCommand: Command = {
  summary: 'verify a chronicle\'s signed log (URL or folder)',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { key: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const [target, ...extra] = positionals;
    if (!target || extra.length > 0) {
      console.error(HELP);
      return 2;
    }
    return verifyAction({ target, env, ...(values.key ? { key: values.key } : {}) });
  },
};
