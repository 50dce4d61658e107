import { parseArgs } from 'node:util';
import { LogVerificationError } from '../../log/errors.ts';
import { BundleError } from '../../app/mirror/bundle.ts';
import { MirrorError } from '../../app/mirror/sync.ts';
import { loadConfig } from '../../app/config.ts';
import type { Command } from '../command.ts';
import { withContext } from '../../app/context.ts';
import { bundleExport, bundleImport } from './action.ts';

const HELP = `usage:
  caravan bundle export <file> [--mirror <origin>]
  caravan bundle import <file> [--key <verifier key>]

A bundle is one tar file (gzip-compressed when the name ends in .gz or .tgz) holding a
chronicle's signed log and its public media, to carry across a blackout on a USB stick.
"tar xf" unpacks it into a folder that "caravan verify <folder>" accepts.

export  writes this chronicle's log as /log serves it, or with --mirror the verified copy of a
        followed chronicle, through a temporary file renamed when complete.
import  verifies everything in the bundle first (signature, every entry and tile, every media
        file's SHA-256), then serves it at /mirrors/<origin>/ like a mirror. A damaged or altered
        bundle is refused and nothing is stored; one that contradicts history already verified
        raises the fork alarm. The key is --key, else the followed mirror's, else the one
        "caravan verify" remembers; a key inside the bundle is never trusted.`;

export const bundleCommand: Command = {
  summary: 'carry a chronicle by hand: export or import one verifiable file',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { key: { type: 'string' }, mirror: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    const [sub, file, ...extra] = positionals;
    if (values.help || !sub) {
      console.log(HELP);
      return values.help ? 0 : 2;
    }
    if (
      !file ||
      extra.length > 0 ||
      (sub === 'export' && values.key) ||
      (sub === 'import' && values.mirror) ||
      (sub !== 'export' && sub !== 'import')
    ) {
      console.error(`caravan bundle: bad arguments\n\n${HELP}`);
      return 2;
    }
    const config = loadConfig(env);
    try {
      return await withContext(config, 'caravan bundle', async (ctx) => {
        if (sub === 'export') {
          await bundleExport(ctx, file, values.mirror);
          return 0;
        }
        return bundleImport(ctx, file, values.key, env);
      });
    } catch (err) {
      if (err instanceof BundleError || err instanceof MirrorError || err instanceof LogVerificationError) {
        console.error(`caravan bundle ${sub}: ${err.message}`);
        return 1;
      }
      throw err;
    }
  },
};
