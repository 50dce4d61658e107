/**
 * `caravan keys witness [new|show]`: the key this chronicle cosigns other logs' checkpoints
 * with. Making one turns witnessing on: `caravan serve` then answers add-checkpoint requests
 * at /witness/add-checkpoint for the chronicles it mirrors.
 */
import { NotFoundError } from '../../core/errors.ts';
import { type Config, loadConfig } from '../../app/config.ts';
import { createWitnessKey, defaultWitnessName, readWitnessKey, witnessKeyPath } from '../../app/keys/witness-key.ts';
import type { KeysGroup } from './group.ts';

const HELP = `usage:
  caravan keys witness new [--name <name>]   create the witness key in <data>/keys/witness.key
                                             (never replaces one); the name defaults to
                                             "<public host>/witness"
  caravan keys witness show                  print the witness's verifier key (also: caravan keys witness)

Witnessing is on while the key exists: "caravan serve" (restart it after "new") cosigns
checkpoints of the chronicles this one mirrors ("caravan mirror add") when they ask at
<public url>/witness/add-checkpoint, and only if each checkpoint is consistent with the last
one it cosigned. Give the verifier key to those chronicles' operators: they register it with
"caravan witness add <this chronicle's url> --key <verifier key>".`;

/** What `show` prints; the verifier key line is the one log operators copy. */
export async function witnessKeyLines(config: Config): Promise<string[]> {
  const key = await readWitnessKey(config.dataDir);
  return [
    `name: ${key.name}`,
    `verifier key: ${key.verifierKey}`,
    `submission prefix: ${config.origin}/witness`,
    `key file: ${witnessKeyPath(config.dataDir)}`,
  ];
}

export const witnessKeysGroup: KeysGroup = {
  summary: 'the key that cosigns followed logs: new, show',
  help: HELP,
  async run(args, env) {
    const [sub, ...rest] = args;
    const config = loadConfig(env);
    if (sub === undefined || sub === 'show') {
      if (rest.length > 0) {
        console.error(`caravan keys witness: unexpected "${rest.join(' ')}"\n\n${HELP}`);
        return 2;
      }
      try {
        for (const line of await witnessKeyLines(config)) console.log(line);
        return 0;
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
        console.error(
          `caravan keys witness: there is no witness key at ${witnessKeyPath(config.dataDir)}; witnessing is off. Run "caravan keys witness new" to turn it on.`,
        );
        return 1;
      }
    }
    if (sub === 'new') {
      let name = defaultWitnessName(config.origin);
      if (rest.length === 2 && rest[0] === '--name') name = rest[1]!;
      else if (rest.length > 0) {
        console.error(`caravan keys witness: unexpected "${rest.join(' ')}"\n\n${HELP}`);
        return 2;
      }
      const key = await createWitnessKey(config.dataDir, name);
      console.log(`created ${witnessKeyPath(config.dataDir)} (readable by you only); witnessing is on from the next "caravan serve"`);
      console.log(`verifier key: ${key.verifierKey}`);
      return 0;
    }
    console.error(`caravan keys witness: unknown subcommand "${sub}"\n\n${HELP}`);
    return 2;
  },
};
