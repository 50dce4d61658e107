import type { Env } from '../command.ts';

/** One group of `caravan keys <group> ...` (the log's key, editors' recipients, the witness key). */
export interface KeysGroup {
  summary: string;
  help: string;
  run(args: string[], env: Env): Promise<number>;
}
