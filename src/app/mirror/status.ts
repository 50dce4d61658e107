/**
 * The state of every followed chronicle as lines of text: what `caravan mirror status` prints.
 */
import type { Queryable } from '../../store/db.ts';
import { listMirrorAlarms, listMirrors } from '../../store/mirrors.ts';
import { listMirrorMediaHashes, missingMirrorMedia } from '../../store/mirror-media.ts';

const when = (d: Date | null) => (d ? new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z') : 'never');

export async function mirrorStatusLines(db: Queryable): Promise<{ lines: string[]; alarms: number }> {
  const [mirrors, alarms] = await Promise.all([listMirrors(db), listMirrorAlarms(db)]);
  if (mirrors.length === 0) return { lines: ['no chronicles are followed; add one with "caravan mirror add <url>"'], alarms: 0 };
  const lines: string[] = [];
  for (const m of mirrors) {
    lines.push(
      `${m.origin}  verified size ${m.size}  last check ${when(m.last_check_at)}  last success ${when(m.last_success_at)}  from ${m.log_url}`,
    );
    for (const a of alarms.filter((x) => x.origin === m.origin)) {
      lines.push(`  ALARM (${a.kind}, ${when(a.detected_at)}): ${a.message}`);
      lines.push(`    verified checkpoint:  ${a.verified_checkpoint.trimEnd().replace(/\n/g, '\n                          ')}`);
      lines.push(`    presented checkpoint: ${a.presented_checkpoint.trimEnd().replace(/\n/g, '\n                          ')}`);
    }
    const missing = await missingMirrorMedia(db, m.origin);
    const stored = await listMirrorMediaHashes(db, m.origin);
    if (missing.length > 0 || stored.length > 0) {
      lines.push(
        `  media: ${stored.length} copied, ${missing.length} missing${missing.length > 0 ? ' (tried again on the next sync)' : ''}`,
      );
    }
    if (m.last_error) lines.push(`  last check failed: ${m.last_error}`);
  }
  return { lines, alarms: alarms.length };
}
