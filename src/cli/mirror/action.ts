/**
 * `caravan mirror`: follow other chronicles, sync them, and say how they stand. The same
 * functions run in the background of `caravan serve`.
 */
import type { Config } from '../../app/config.ts';
import { withContext } from '../../app/context.ts';
import { mirrorStatusLines } from '../../app/mirror/status.ts';
import type { MirrorDeps } from '../../app/mirror/sources.ts';
import { type SyncOutcome, addMirror, syncMirror } from '../../app/mirror/sync.ts';
import { listMirrors } from '../../store/mirrors.ts';

function withDeps<T>(config: Config, fn: (deps: MirrorDeps) => Promise<T>): Promise<T> {
  return withContext(config, 'caravan mirror', (ctx) => fn({ db: ctx.db, now: ctx.now }));
}

export function describeOutcome(o: SyncOutcome): string {
  switch (o.status) {
    case 'updated':
      return `${o.origin}: verified and stored entries ${o.from} to ${o.size - 1}; size ${o.size}, root ${o.root}`;
    case 'unchanged':
      return `${o.origin}: up to date at size ${o.size}`;
    case 'refused':
      return `${o.origin}: REFUSED (${o.reason}): ${o.message}`;
    case 'failed':
      return `${o.origin}: check failed: ${o.message}`;
  }
}

export async function mirrorAdd(config: Config, url: string, key: string | undefined): Promise<number> {
  return withDeps(config, async (deps) => {
    const added = await addMirror(deps, url, key);
    console.log(`following ${added.origin} (${url})`);
    if (added.discovered) {
      console.error(
        `caravan mirror: the key of ${added.origin} was read from its own server and is trusted on first use:\n  ${added.key}\n` +
          'Compare it with one the chronicle published elsewhere; every later sync requires this key.',
      );
    }
    const outcome = await syncMirror(deps, added.origin);
    console.log(describeOutcome(outcome));
    return outcome.status === 'updated' || outcome.status === 'unchanged' ? 0 : 1;
  });
}

export async function mirrorSync(config: Config, origin: string | undefined): Promise<number> {
  return withDeps(config, async (deps) => {
    const origins = origin ? [origin] : (await listMirrors(deps.db)).map((m) => m.origin);
    if (origins.length === 0) console.log('no chronicles are followed; add one with "caravan mirror add <url>"');
    let code = 0;
    for (const o of origins) {
      const outcome = await syncMirror(deps, o);
      console.log(describeOutcome(outcome));
      if (outcome.status === 'failed' || outcome.status === 'refused') code = 1;
    }
    return code;
  });
}

/** Exit status 1 when any followed chronicle has an alarm, so monitoring can act on it. */
export async function mirrorStatus(config: Config): Promise<number> {
  return withDeps(config, async (deps) => {
    const { lines, alarms } = await mirrorStatusLines(deps.db);
    for (const l of lines) console.log(l);
    return alarms > 0 ? 1 : 0;
  });
}
