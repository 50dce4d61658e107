import { loadConfig } from '../../app/config.ts';
import { createContext } from '../../app/context.ts';
import type { Command, Env } from '../command.ts';
import { importArmored, readInput } from './action.ts';
import { telegramImport } from './telegram.ts';

/** `caravan import <source> ...`: reports that reached the editors outside the web. */
interface ImportSource {
  summary: string;
  help: string;
  run(args: string[], env: Env): Promise<number>;
}

const armored: ImportSource = {
  summary: 'reports passed on as armored text blocks (SMS, messenger)',
  help: `usage: caravan import armored [file|-]

Reads text holding one or more -----BEGIN CARAVAN REPORT----- blocks (from a file, or standard
input for "-" or no file) and stores each as the report it carries. A block whose report already
arrived is recognised and not stored twice; either way the receipt code printed is the one the
reporter's page showed. Exits 1 when any block could not be imported.`,
  async run(args, env) {
    const [file = '-', extra] = args;
    if (extra !== undefined) {
      console.error('caravan import armored: give at most one file');
      return 2;
    }
    const text = await readInput(file);
    const ctx = await createContext(loadConfig(env), 'caravan import armored');
    try {
      const outcomes = await importArmored(ctx, text);
      return outcomes.some((o) => o.problem !== undefined) ? 1 : 0;
    } finally {
      await ctx.db.close();
    }
  },
};

const SOURCES: Record<string, ImportSource> = { armored, telegram: telegramImport };

function usage(): string {
  const lines = Object.entries(SOURCES).map(([name, s]) => `  caravan import ${name.padEnd(9)} ${s.summary}`);
  return `usage:\n${lines.join('\n')}\n\nRun "caravan import <source> --help" for details.`;
}

export const importCommand: Command = {
  summary: 'import reports that arrived outside the web',
  async run(args, env) {
    const [name, ...rest] = args;
    if (!name || name === '--help' || name === '-h') {
      console.log(usage());
      return name ? 0 : 2;
    }
    const source = SOURCES[name];
    if (!source) {
      console.error(`caravan import: unknown source "${name}"\n\n${usage()}`);
      return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(source.help);
      return 0;
    }
    return source.run(rest, env);
  },
};
