import type { AppContext } from '../../app/context.ts';
import { type WrittenBackup, writeBackup } from '../../app/backup/backup.ts';

type Print = (line: string) => void;

export function describeBackup(w: WrittenBackup): string {
  const skipped =
    w.skipped.length > 0 ? `; left out ${w.skipped.length} files that are links, hidden or oddly named: ${w.skipped.join(', ')}` : '';
  return `wrote ${w.file}: ${w.tables} tables, ${w.rows} rows, ${w.files} files (keys and media), migration ${w.level}, ${w.bytes} bytes${skipped}; it holds the keys: keep it as safe as the data folder`;
}

export async function backupAction(ctx: AppContext, file: string, out: Print = console.log): Promise<WrittenBackup> {
  const written = await writeBackup(ctx, file);
  out(describeBackup(written));
  return written;
}
