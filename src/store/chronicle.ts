/** The chronicle's content as a whole: whether there is any, and removing all of it (the demo's reset). */
import type { Queryable } from './db.ts';
import { deleteLog } from './log.ts';

/** Asks for one row, not a count: `serve` checks this on every start, whatever the store's size. */
export async function isChronicleEmpty(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ any: boolean }>('select exists (select 1 from events) or exists (select 1 from reports) as any');
  return row?.any !== true;
}

/**
 * Deletes every report with its media rows, every source, event and publication, and the log;
 * accounts, keys and mirrors stay. Returns the media files the rows named, relative to the data
 * folder, for the caller to remove after the commit.
 */
export async function deleteChronicle(tx: Queryable): Promise<string[]> {
  const media = await tx.query<{ stored_path: string; evidence_path: string | null }>(
    'delete from media returning stored_path, evidence_path',
  );
  await tx.exec(`
    delete from report_actions;
    delete from reports;
    delete from publications;
    delete from event_revisions;
    delete from events;
    delete from sources;
    delete from settings where key = 'demo';
  `);
  await deleteLog(tx);
  return media.flatMap((m) => (m.evidence_path === null ? [m.stored_path] : [m.stored_path, m.evidence_path]));
}
