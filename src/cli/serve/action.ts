import { loadDemoIfEmpty } from '../../demo/load.ts';
import { createApp } from '../../http/app.tsx';
import type { Config } from '../../app/config.ts';
import { createContext } from '../../app/context.ts';
import { listen } from '../../http/listen.ts';
import { SETUP_PATH, openFirstAccountSetup } from '../../app/accounts/first-account.ts';
import { startRelayForwarder } from '../../app/relay/relay.ts';
import { startMirrorPoller } from '../../app/mirror/poller.ts';
import { describeOutcome } from '../mirror/action.ts';
import { startWitnessCollector } from '../../app/witness/ask-periodically.ts';
import { startBackupSchedule } from '../../app/backup/schedule.ts';
import { rereadReports } from '../../app/intake/reread.ts';

/** Opens the store, loads the demo into an empty store, and serves until SIGINT or SIGTERM. */
export async function serve(config: Config): Promise<void> {
  const ctx = await createContext(config, 'caravan serve');
  if (config.demo) {
    const loaded = await loadDemoIfEmpty(ctx.db, ctx.now());
    if (loaded) console.log(`loaded the demo chronicle: ${loaded.events} events, ${loaded.reports} reports`);
  }
  const setupToken = await openFirstAccountSetup(ctx);
  const app = createApp(ctx);
  const server = await listen(app.fetch, { port: config.port, host: config.host });
  const store = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`;
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${server.port}`;
  console.log(`Caravan is serving ${base} (${store})`);
  if (setupToken)
    console.log(`No editor account yet. Create the first admin (this address works once): ${base}${SETUP_PATH}/${setupToken}`);
  const forwarder = config.relayFor.length > 0 ? startRelayForwarder(ctx) : undefined;
  if (forwarder) console.log(`relaying reports for ${config.relayFor.join(', ')}`);
  if (ctx.witnessKey) console.log(`witnessing the chronicles this one mirrors, as ${ctx.witnessKey.verifierKey}`);
  // Followed chronicles are checked in the background; pages serve the verified copy meanwhile.
  const mirrors = startMirrorPoller(
    { db: ctx.db, now: ctx.now },
    { intervalMs: config.mirrorInterval * 1000, onOutcome: (o) => o.status !== 'unchanged' && console.log(`mirror ${describeOutcome(o)}`) },
  );
  // Registered witnesses are asked to cosign the latest checkpoint, at the mirrors' pace.
  const witnesses = startWitnessCollector(ctx, {
    intervalMs: config.mirrorInterval * 1000,
    onResult: (r) => r.status === 'failed' && console.log(`witness ${r.name}: ${r.message}`),
  });
  // This process holds the store, so the rolling backup is written from here.
  const backups =
    config.backupInterval > 0
      ? startBackupSchedule(ctx, {
          intervalMs: config.backupInterval * 3_600_000,
          keep: config.backupKeep,
          onResult: (r) =>
            console.log(
              r.status === 'written'
                ? `backup: wrote ${r.backup.file} (${r.backup.rows} rows, ${r.backup.files} files, ${r.backup.bytes} bytes)${r.removed.length > 0 ? `, removed ${r.removed.length} older` : ''}`
                : `backup FAILED: ${r.message}`,
            ),
        })
      : undefined;
  // Reports stored before the desk read them on arrival are read once, in the background.
  const rereading = new AbortController();
  const reread = rereadReports(ctx, { signal: rereading.signal }).then(
    (n) => n > 0 && console.log(`read ${n} earlier reports (language, duplicates, search)`),
    (err: unknown) => console.error(`reading earlier reports: ${err instanceof Error ? err.message : String(err)}`),
  );
  if (backups) console.log(`backing up every ${config.backupInterval} hours into ${config.dataDir}/backups/, keeping ${config.backupKeep}`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Outcomes of attempts under way are recorded before the store closes.
  rereading.abort();
  await reread;
  await forwarder?.stop();
  await mirrors.stop();
  await witnesses.stop();
  await backups?.stop();
  await ctx.limits.hits.flush();
  await ctx.db.close();
}
