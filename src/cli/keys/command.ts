import type { Command } from '../command.ts';
import type { KeysGroup } from './group.ts';
import { editorKeysGroup } from './editor.ts';
import { logKeysGroup } from './log.ts';
import { witnessKeysGroup } from './witness.ts';

/**
 * `caravan keys <group> ...`: the chronicle's keys. Each group (the log's signing key, the
 * editors' age recipients) lives in its own file and registers here.
 */

const GROUPS: Record<string, KeysGroup> = {
  log: logKeysGroup,
  editor: editorKeysGroup,
  witness: witnessKeysGroup,
};

function usage(): string {
  const lines = Object.entries(GROUPS).map(([name, g]) => `  caravan keys ${name.padEnd(8)} ${g.summary}`);
  return `usage:\n${lines.join('\n') || '  (no key groups)'}\n\nRun "caravan keys <group> --help" for details.`;
}

export const keysCommand: Command = {
  summary: 'create and show the chronicle keys',
  async run(args, env) {
    const [group, ...rest] = args;
    if (!group || group === '--help' || group === '-h') {
      console.log(usage());
      return group ? 0 : 2;
    }
    const g = GROUPS[group];
    if (!g) {
      console.error(`caravan keys: unknown key group "${group}"\n\n${usage()}`);
      return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(g.help);
      return 0;
    }
    return g.run(rest, env);
  },
};
