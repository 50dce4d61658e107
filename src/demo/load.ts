/**
 * Loads the demo chronicle into a store: private sources, events with their corrections as
 * revisions published on the dates they were made, and the reports behind them. Runs in one
 * transaction, so a failed load leaves the store as it was.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { receiptCodeFromBytes } from '../core/report.ts';
import { readReport } from '../core/reading/read.ts';
import { zonedToInstant } from '../core/time.ts';
import type { Db, Queryable } from '../store/db.ts';
import { createEvent, publishEvent, reviseEvent } from '../store/events.ts';
import { deleteChronicle, isChronicleEmpty } from '../store/chronicle.ts';
import { insertReport, linkReport, markDuplicate, rejectReport } from '../store/reports.ts';
import { putSetting } from '../store/settings.ts';
import { insertSource } from '../store/sources.ts';
import { demoEventRevisions } from './convert.ts';
import { DEMO_EVENTS, DEMO_REPORTS, DEMO_WITNESS_SOURCES } from './kazakhstan-2022.ts';
import { lockForTransaction } from '../store/locks.ts';

export interface DemoLoadResult {
  events: number;
  reports: number;
}

export interface DemoResetResult extends DemoLoadResult {
  /** Photo and video files (stripped copies and kept originals) of the deleted reports. */
  filesRemoved: number;
}

/** Editors of the demo publish in the evening, Almaty time, of the day they make a change. */
function publicationTime(localDate: string, order: number): Date {
  const at = zonedToInstant(localDate, '20:00', 'Asia/Almaty');
  return new Date(at.getTime() + order * 60_000);
}

async function loadInto(tx: Queryable, now: Date): Promise<DemoLoadResult> {
  const sourceIds = new Map<string, string>();
  for (const s of DEMO_WITNESS_SOURCES) {
    const row = await insertSource(tx, {
      kind: s.kind,
      name: s.name,
      reliability: s.reliability,
      notes: s.notes ?? null,
      lastHeardAt: s.lastHeardAt ? new Date(s.lastHeardAt) : null,
    });
    sourceIds.set(s.key, String(row.id));
  }
  const eventIds = new Map<string, number>();
  let order = 0;
  for (const e of DEMO_EVENTS) {
    const revisions = demoEventRevisions(e);
    let id = 0;
    revisions.forEach((r) => {
      r.data.sources = r.data.sources.map((s) =>
        s.kind === 'source' && s.sourceId ? { ...s, sourceId: sourceIds.get(s.sourceId) ?? s.sourceId } : s,
      );
    });
    for (const [i, r] of revisions.entries()) {
      const at = publicationTime(r.on, order++);
      if (i === 0) id = await createEvent(tx, null, r.data, r.reason, at);
      else await reviseEvent(tx, id, null, r.data, r.reason, i, at);
      await publishEvent(tx, id, null, at, i === 0 ? undefined : r.reason);
    }
    eventIds.set(e.key, id);
  }
  const reportIds = new Map<string, number>();
  for (const r of DEMO_REPORTS) {
    const { report } = await insertReport(tx, {
      input: { what: r.what, howKnown: r.howKnown, ...(r.when ? { when: r.when } : {}), ...(r.where ? { where: r.where } : {}) },
      channel: r.channel,
      receiptCode: () => receiptCodeFromBytes(randomBytes(8)),
      receivedAt: new Date(r.receivedAt),
      ...readReport({ what: r.what, where: r.where }),
    });
    reportIds.set(r.key, report.id);
  }
  for (const r of DEMO_REPORTS) {
    const id = reportIds.get(r.key)!;
    if (r.state === 'linked' && r.eventKey) await linkReport(tx, id, eventIds.get(r.eventKey)!, null);
    if (r.state === 'duplicate' && r.duplicateOf) await markDuplicate(tx, id, reportIds.get(r.duplicateOf)!, null);
    if (r.state === 'rejected') await rejectReport(tx, id, null, 'Not about the events in Kazakhstan');
  }
  await putSetting(tx, 'demo', { loadedAt: now.toISOString(), events: eventIds.size, reports: reportIds.size });
  return { events: eventIds.size, reports: reportIds.size };
}

/** Loads the demo when the store holds no event and no report; returns undefined otherwise. */
export async function loadDemoIfEmpty(db: Db, now: Date): Promise<DemoLoadResult | undefined> {
  return db.transaction(async (tx) => {
    await lockForTransaction(tx, 'demo');
    if (!(await isChronicleEmpty(tx))) return undefined;
    return loadInto(tx, now);
  });
}

/**
 * Deletes every report with its media rows and files, every source and event, and the log
 * (accounts stay), then loads the demo again. The files go after the commit: a reset that fails
 * leaves every report with its photos.
 */
export async function resetAndLoadDemo(db: Db, dataDir: string, now: Date): Promise<DemoResetResult> {
  const { loaded, files } = await db.transaction(async (tx) => {
    await lockForTransaction(tx, 'demo');
    const files = await deleteChronicle(tx);
    return { loaded: await loadInto(tx, now), files };
  });
  const root = resolve(dataDir);
  let filesRemoved = 0;
  for (const file of files) {
    const path = resolve(root, file);
    // A row naming a path outside the data folder is not a file of ours to delete.
    if (!path.startsWith(root + sep)) continue;
    await rm(path, { force: true });
    filesRemoved++;
  }
  return { ...loaded, filesRemoved };
}
