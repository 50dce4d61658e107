import { resetAndLoadDemo } from '../../demo/load.ts';
import type { Config } from '../../app/config.ts';
import { type AppContext, withContext } from '../../app/context.ts';

/** Empties the store and its media files and loads the demo again; prints what it did. */
export async function resetDemo(ctx: AppContext, print: (line: string) => void = console.log): Promise<number> {
  const loaded = await resetAndLoadDemo(ctx.db, ctx.config.dataDir, ctx.now());
  const files = loaded.filesRemoved > 0 ? `; deleted ${loaded.filesRemoved} photo and video files of the old reports` : '';
  print(`reloaded the demo chronicle: ${loaded.events} events, ${loaded.reports} reports${files}`);
  return 0;
}

export function reloadDemo(config: Config): Promise<number> {
  return withContext(config, 'caravan demo --reset', (ctx) => resetDemo(ctx));
}
