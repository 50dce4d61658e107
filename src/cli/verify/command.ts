import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { verifyAction } from './action.ts';

const HELP = `usage: caravan verify <url | folder | bundle file> [--key <verifier key>]

Checks a chronicle's transparency log: the checkpoint's signature, the Merkle tree recomputed
from every entry, and consistency with the last checkpoint verified for the same origin on this
machine (remembered in $CARAVAN_STATE/known-origins.json, else ~/.config/caravan/).

<url> is the chronicle (https://example.org) or its log (https://example.org/log); <folder> is
a static copy holding log/checkpoint or checkpoint.
Without --key, a URL's key is read from its /log page and trusted on first use; compare it with
one published elsewhere. Exit status: 0 verified, 1 something does not match (the message says
what), 2 usage.

  --witness <vkey>       a witness's verifier key (type 0x04); repeat for several
  --min-witnesses <k>    require valid cosignatures from at least k of them on the checkpoint
                         (default 1 when --witness is given)`;

export const verifyCommand: Command = {
  summary: "verify a chronicle's signed log (URL or folder)",
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        key: { type: 'string' },
        witness: { type: 'string', multiple: true },
        'min-witnesses': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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
    const witnessKeys = values.witness ?? [];
    const minText = values['min-witnesses'];
    if (minText !== undefined && (!/^[1-9][0-9]{0,2}$/.test(minText) || witnessKeys.length === 0)) {
      console.error('caravan verify: --min-witnesses <k> needs a whole number k ≥ 1 and at least one --witness key');
      return 2;
    }
    const witnesses = witnessKeys.length > 0 ? { keys: witnessKeys, required: minText === undefined ? 1 : Number(minText) } : undefined;
    return verifyAction({ target, env, ...(values.key ? { key: values.key } : {}), ...(witnesses ? { witnesses } : {}) });
  },
};
