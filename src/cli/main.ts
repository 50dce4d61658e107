/**
 * The `caravan` command: one folder per command, each with its argument parsing apart from the
 * action. Errors are mapped to messages and exit codes here, once.
 */
import { CaravanError, ValidationError } from '../core/errors.ts';
import { demoCommand } from './demo/command.ts';
import { exportSiteCommand } from './export-site/command.ts';
import { importCommand } from './import/command.ts';
import { keysCommand } from './keys/command.ts';
import { mirrorCommand } from './mirror/command.ts';
import { relayCommand } from './relay/command.ts';
import { serveCommand } from './serve/command.ts';
import { userCommand } from './user/command.ts';
import { verifyCommand } from './verify/command.ts';
import { witnessCommand } from './witness/command.ts';
import { bundleCommand } from './bundle/command.ts';
import { backupCommand } from './backup/command.ts';
import { restoreCommand } from './restore/command.ts';
import { rereadCommand } from './reread/command.ts';
import { suggestCommand } from './suggest/command.ts';
import { useNodeSha256 } from '../app/log/node-sha256.ts';
import type { Command, Env } from './command.ts';

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  user: userCommand,
  demo: demoCommand,
  keys: keysCommand,
  import: importCommand,
  verify: verifyCommand,
  mirror: mirrorCommand,
  bundle: bundleCommand,
  relay: relayCommand,
  witness: witnessCommand,
  'export-site': exportSiteCommand,
  backup: backupCommand,
  restore: restoreCommand,
  reread: rereadCommand,
  suggest: suggestCommand,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `usage: caravan <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun "caravan <command> --help" for a command's options.`;
}

export async function main(argv: string[], env: Env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`caravan: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  useNodeSha256();
  try {
    return await command.run(rest, env);
  } catch (err) {
    if (err instanceof ValidationError) {
      console.error(`caravan ${name}: ${err.problems.map((p) => `${p.field} ${p.message}`).join('\n  ')}`);
      return 2;
    }
    if (err instanceof CaravanError) {
      console.error(`caravan ${name}: ${err.message}`);
      return 1;
    }
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`caravan ${name}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}
