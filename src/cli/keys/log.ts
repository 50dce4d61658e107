/**
 * `caravan keys log [init|show]`: the key that signs the chronicle's log. `init` makes it
 * (the server also makes one on first start); `show` prints what readers need to check the
 * log: its origin and the verifier key.
 */
import { NotFoundError } from '../../core/errors.ts';
import { type Config, loadConfig } from '../../app/config.ts';
import { createLogKey, logKeyPath, logOrigin, publicAddress, readLogKey } from '../../app/keys/log-key.ts';
import type { KeysGroup } from './group.ts';

const HELP = `usage:
  caravan keys log init    create the log's signing key in <data>/keys/log.key (never replaces one)
  caravan keys log show    print the log's origin and verifier key (also: caravan keys log)

Readers check checkpoints at /log/checkpoint against the verifier key; publish it somewhere
the chronicle's readers already trust, besides the chronicle's own /log page.`;

/** The lines `show` prints; the verifier key line is the one readers copy. */
export async function logKeyLines(config: Config): Promise<string[]> {
  const signer = await readLogKey(config.dataDir);
  const lines = [`origin: ${signer.name}`, `verifier key: ${signer.verifierKey}`, `key file: ${logKeyPath(config.dataDir)}`];
  if (signer.name !== logOrigin(config.origin) && signer.name !== publicAddress(config.origin)) {
    lines.push(`note: the key was made when the chronicle's address was different; the log keeps the origin it was made with`);
  }
  return lines;
}

async function show(config: Config): Promise<number> {
  try {
    for (const line of await logKeyLines(config)) console.log(line);
    return 0;
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    console.error(
      `caravan keys log: there is no log key at ${logKeyPath(config.dataDir)} yet; run "caravan keys log init" (or start the server, which makes one)`,
    );
    return 1;
  }
}

export const logKeysGroup: KeysGroup = {
  summary: 'the key that signs the log: init, show',
  help: HELP,
  async run(args, env) {
    const [sub, ...rest] = args;
    if (rest.length > 0) {
      console.error(`caravan keys log: unexpected "${rest.join(' ')}"\n\n${HELP}`);
      return 2;
    }
    const config = loadConfig(env);
    if (sub === undefined || sub === 'show') return show(config);
    if (sub === 'init') {
      const signer = await createLogKey(config.dataDir, logOrigin(config.origin));
      console.log(`created ${logKeyPath(config.dataDir)} (readable by you only)`);
      console.log(`verifier key: ${signer.verifierKey}`);
      return 0;
    }
    console.error(`caravan keys log: unknown subcommand "${sub}"\n\n${HELP}`);
    return 2;
  },
};
