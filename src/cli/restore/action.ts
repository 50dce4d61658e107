/** `caravan restore`: a backup put back into a new store, or with --force over an existing one. */
import { type BackupManifest, type RestoredBackup, restoreBackup } from '../../app/backup/backup.ts';
import type { AppContext } from '../../app/context.ts';

type Print = (line: string) => void;

export function describeRestore(ctx: AppContext, r: RestoredBackup): string {
  const parts = [`restored ${r.file} (made ${r.madeAt}): ${r.tables} tables, ${r.rows} rows, ${r.files} files into ${ctx.config.dataDir}`];
  if (r.migrated.length > 0) parts.push(`then applied the migrations made since: ${r.migrated.join(', ')}`);
  if (r.keptAside.length > 0) parts.push(`files that were in the way are kept as ${r.keptAside.join(', ')}`);
  if (ctx.db.kind === 'postgres')
    parts.push(`every other Caravan process on this database needs these keys: copy ${ctx.config.dataDir}/keys to them and restart them`);
  return parts.join('; ');
}

export async function restoreAction(
  ctx: AppContext,
  file: string,
  o: { force: boolean; checked?: BackupManifest },
  out: Print = console.log,
): Promise<RestoredBackup> {
  const restored = await restoreBackup(ctx, file, o);
  out(describeRestore(ctx, restored));
  return restored;
}
