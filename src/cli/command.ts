/** What every `caravan` command is: `main.ts` lists them, each folder's `command.ts` is one. */

export type Env = Record<string, string | undefined>;

export interface Command {
  summary: string;
  run(args: string[], env: Env): Promise<number>;
}
