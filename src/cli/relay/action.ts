import type { Config } from '../../app/config.ts';
import { withContext } from '../../app/context.ts';
import type { Queryable } from '../../store/db.ts';
import { listRelayItems, retryFailedRelayItem } from '../../store/relay.ts';

/**
 * What the relay holds, one line per report: failed ones first, because nothing else will
 * happen to them until an operator acts. Never the report itself.
 */
export async function relayStatusLines(q: Queryable, config: Pick<Config, 'relayFor'>, now: Date): Promise<string[]> {
  const items = await listRelayItems(q);
  const lines = [
    config.relayFor.length > 0 ? `relaying for ${config.relayFor.join(', ')}` : 'relaying is off (CARAVAN_RELAY_FOR is empty)',
  ];
  const failed = items.filter((i) => i.failed_at !== null).length;
  lines.push(`${items.length - failed} waiting, ${failed} failed`);
  for (const i of items) {
    const state = i.failed_at
      ? `FAILED ${i.failed_at.toISOString()}`
      : i.next_attempt_at <= now
        ? 'due now'
        : `next attempt ${i.next_attempt_at.toISOString()}`;
    const error = i.last_error ? `\t${i.last_error}` : '';
    lines.push(
      `#${i.id}\t${i.origin_url}\t${i.receipt_code}\treceived ${i.created_at.toISOString()}\t${i.attempts} attempts\t${state}${error}`,
    );
  }
  return lines;
}

export function showRelayStatus(config: Config): Promise<number> {
  return withContext(config, 'caravan relay status', async (ctx) => {
    for (const line of await relayStatusLines(ctx.db, config, ctx.now())) console.log(line);
    return 0;
  });
}

export function retryRelayItem(config: Config, id: number): Promise<number> {
  return withContext(config, 'caravan relay retry', async (ctx) => {
    if (await retryFailedRelayItem(ctx.db, id, ctx.now())) {
      console.log(`#${id} will be sent again on the forwarder's next pass`);
      return 0;
    }
    console.error(`caravan relay retry: no failed report #${id} is held here`);
    return 1;
  });
}
