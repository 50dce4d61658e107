import { resetAndLoadDemo } from '../../demo/load.ts';
import type { Config } from '../../server/config.ts';
import { createContext } from '../../server/context.ts';

export async function reloadDemo(config: Config): Promise<number> {
  const ctx = await createContext(config, 'caravan demo --reset');
  try {
    const loaded = await resetAndLoadDemo(ctx.db, ctx.now());
    console.log(`reloaded the demo chronicle: ${loaded.events} events, ${loaded.reports} reports`);
    return 0;
  } finally {
    await ctx.db.close();
  }
}
