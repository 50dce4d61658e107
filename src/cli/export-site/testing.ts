/**
 * A static copy of the demo chronicle for tests: the demo's corrections and retraction, plus
 * one event withdrawn and one published with a photo, so the copy holds every kind of page and
 * file a chronicle has.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetAndLoadDemo } from '../../demo/load.ts';
import { openTestApp } from '../../http/testing.ts';
import type { StaticSiteSummary } from '../../static-site/site.ts';
import sharp from 'sharp';
import type { AppContext } from '../../app/context.ts';
import {
  getEventRow,
  getRevision,
  listPublications,
  publishEvent,
  queryPublished,
  reviseEvent,
  unpublishEvent,
} from '../../store/events.ts';
import { insertMedia } from '../../store/media.ts';
import { exportSiteTo } from './action.ts';

export interface DemoCopy {
  /** The exported folder. */
  dir: string;
  /** Holds `dir`, for anything else a test writes. */
  workDir: string;
  summary: StaticSiteSummary;
  verifierKey: string;
  /** An event with earlier published versions. */
  correctedId: number;
  retractedId: number;
  withdrawnId: number;
  /** An event published with one photo, and that photo's SHA-256. */
  photoEventId: number;
  photoSha256: string;
  /** Events on the chronology after the withdrawal. */
  published: number;
  close(): Promise<void>;
}

export async function exportDemoCopy(): Promise<DemoCopy> {
  const t = await openTestApp();
  try {
    await resetAndLoadDemo(t.db, t.ctx.config.dataDir, new Date('2022-02-01T00:00:00Z'));
    const { events } = await queryPublished(t.db, {}, { limit: 500, offset: 0 });
    const retracted = events.find((e) => e.status === 'retracted');
    let correctedId = 0;
    for (const e of events) {
      const versions = (await listPublications(t.db, e.id)).filter((r) => r.action === 'publish');
      if (versions.length >= 3 && e.status !== 'retracted') correctedId = e.id;
    }
    const withdrawn = events.find((e) => e.id !== correctedId && e.id !== retracted?.id)!;
    await unpublishEvent(t.db, withdrawn.id, null, new Date('2022-02-02T00:00:00Z'), 'Published by mistake');
    if (!retracted || !correctedId) throw new Error('the demo chronicle no longer has a retraction and a twice-corrected event');
    const workDir = await mkdtemp(join(tmpdir(), 'caravan-static-'));
    const photoEvent = events.find((e) => ![correctedId, retracted.id, withdrawn.id].includes(e.id))!;
    const photoSha256 = await publishWithPhoto(t.ctx, photoEvent.id, join(workDir, 'data'));
    const dir = join(workDir, 'copy');
    const summary = await exportSiteTo(t.ctx, dir, new Date('2026-03-01T12:00:00Z'));
    return {
      dir,
      workDir,
      summary,
      verifierKey: t.ctx.logSigner.verifierKey,
      correctedId,
      retractedId: retracted.id,
      withdrawnId: withdrawn.id,
      photoEventId: photoEvent.id,
      photoSha256,
      published: events.length - 1,
      close: () => rm(workDir, { recursive: true, force: true }),
    };
  } finally {
    await t.close();
  }
}

/** Publishes a new revision of an event with a photo of a demo report, stored as the server stores media. */
async function publishWithPhoto(ctx: AppContext, eventId: number, dataDir: string): Promise<string> {
  const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#b03020' } })
    .png()
    .toBuffer();
  const sha256 = createHash('sha256').update(photo).digest('hex');
  await mkdir(join(dataDir, 'media'), { recursive: true });
  await writeFile(join(dataDir, 'media', 'photo.png'), photo);
  ctx.config.dataDir = dataDir;
  await ctx.db.transaction(async (tx) => {
    const [report] = await tx.query<{ id: number }>('select id from reports order by id limit 1');
    await insertMedia(tx, {
      report_id: report!.id,
      sha256,
      stripped_sha256: sha256,
      mime: 'image/png',
      bytes: photo.length,
      width: 80,
      height: 60,
      duration_ms: null,
      stored_path: join('media', 'photo.png'),
      evidence_path: null,
    });
    const row = await getEventRow(tx, eventId);
    const { data } = await getRevision(tx, eventId, row.latest_revision);
    const media = [{ sha256, mime: 'image/png', bytes: photo.length, width: 80, height: 60, caption: 'Smoke over the square' }];
    await reviseEvent(tx, eventId, null, { ...data, media }, 'Added a photo', row.latest_revision, new Date('2022-02-03T00:00:00Z'));
    await publishEvent(tx, eventId, null, new Date('2022-02-03T00:00:00Z'), 'Added a photo');
  });
  return sha256;
}
