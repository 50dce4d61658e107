/**
 * A chronicle to read: what every reader page, feed, data file and media address needs, asked
 * the same way of this chronicle's own tables and of a mirrored chronicle's verified copy. The
 * reader routes (http/routes/reader.tsx) are written once against this interface and mounted
 * at `/` and at `/mirrors/<origin>/`, so a mirror's pages behave exactly like the origin's.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { EventFilter } from '../../core/filter.ts';
import type { PublicEvent } from '../../core/public-event.ts';
import {
  getPublishedEvent,
  latestPublication,
  latestPublished,
  listPublications,
  publishedAt,
  queryPublished,
  streamPublished,
} from '../../store/events.ts';
import { getMirrorMedia } from '../../store/mirror-media.ts';
import {
  type MirrorRow,
  getMirrorEvent,
  latestMirrorEvents,
  listMirrorEventEntries,
  mirrorEventIdx,
  mirrorEventsAt,
  mirrorPoints,
  mirrorWithdrawals,
  queryMirrorEvents,
  streamMirrorEvents,
} from '../../store/mirrors.ts';
import { type PublishedPoint, publishedPoints } from '../../store/published.ts';
import { type WithdrawnEvent, publicationIdOf, recentWithdrawals } from '../../store/withdrawals.ts';
import { countLatestCosignatures } from '../../store/witness.ts';
import type { AppContext } from '../context.ts';
import { findPublishedMediaFile } from './public-media.ts';

/** One publish or unpublish of an event, as the public may see it: no editor, no reason for a withdrawal. */
export interface PublicVersion {
  revision: number;
  action: 'publish' | 'unpublish';
  at: Date;
  /** The public note of a publish; null for a withdrawal. */
  reason: string | null;
  /** The record a publish made public. */
  record: PublicEvent | null;
}

/** A published file, by the SHA-256 that names it. */
export interface MediaFile {
  sha256: string;
  mime: string;
  size: number;
  body(): ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>;
}

export interface ChronicleToRead {
  /** Changes whenever anything public changes: it keys the data files' ETags. */
  version(): Promise<string>;
  /** When the chronicle last changed, as far as this copy knows: a feed's `updated`. */
  lastChange(): Promise<Date | undefined>;
  /** One page of the chronology: newest day first, in time order within a day. */
  page(f: EventFilter, page: { limit: number; offset: number }): Promise<{ events: PublicEvent[]; total: number }>;
  event(id: number): Promise<PublicEvent | undefined>;
  /** Every publish and unpublish of the event, oldest first. */
  history(id: number): Promise<PublicVersion[]>;
  /** The map: events counted per position, place, region and status. */
  points(f: EventFilter): Promise<PublishedPoint[]>;
  /** The events at these positions, in date order, at most `limit`. */
  eventsAt(f: EventFilter, positions: ReadonlyArray<readonly [number, number]>, limit: number): Promise<PublicEvent[]>;
  /** Every event under the filter in date order, a batch at a time (the data files). */
  all(f: EventFilter): AsyncGenerator<PublicEvent>;
  /** The latest publications, newest first (the feeds). */
  latest(f: EventFilter, limit: number): Promise<PublicEvent[]>;
  /** Withdrawals newer than the publication of `oldestShown` (all, without it), latest first. */
  withdrawals(f: EventFilter, oldestShown: number | undefined, limit: number): Promise<WithdrawnEvent[]>;
  /** How many witnesses cosigned the latest checkpoint, where this copy shows it on the chronology. */
  witnessedBy(): Promise<number | undefined>;
  media(sha256: string): Promise<MediaFile | undefined>;
}

/** This chronicle, from its own tables. */
export function ownChronicle(ctx: AppContext): ChronicleToRead {
  const { db } = ctx;
  return {
    async version() {
      return String((await latestPublication(db))?.id ?? 0);
    },
    async lastChange() {
      return (await latestPublication(db))?.at;
    },
    page: (f, page) => queryPublished(db, f, page),
    event: (id) => getPublishedEvent(db, id),
    async history(id) {
      return (await listPublications(db, id)).map((r) => ({
        revision: r.revision,
        action: r.action,
        at: new Date(r.at),
        // Why something was withdrawn may name what was wrong with it; the public history says only when.
        reason: r.action === 'publish' ? r.reason : null,
        record: r.record,
      }));
    },
    points: (f) => publishedPoints(db, f),
    eventsAt: (f, positions, limit) => publishedAt(db, f, positions, limit),
    all: (f) => streamPublished(db, f),
    latest: (f, limit) => latestPublished(db, f, limit),
    async withdrawals(f, oldestShown, limit) {
      return recentWithdrawals(db, f, oldestShown === undefined ? 0 : await publicationIdOf(db, oldestShown), limit);
    },
    witnessedBy: () => countLatestCosignatures(db),
    async media(sha256) {
      const file = await findPublishedMediaFile(ctx, sha256);
      // Streamed: a published video may be tens of megabytes.
      return (
        file && {
          sha256,
          mime: file.mime,
          size: file.size,
          body: () => Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>,
        }
      );
    },
  };
}

/** A followed chronicle, from its verified copy: nothing here contacts the origin. */
export function mirroredChronicle(ctx: AppContext, m: MirrorRow): ChronicleToRead {
  const { db } = ctx;
  const origin = m.origin;
  return {
    async version() {
      return `${m.size}:${m.root ?? ''}`;
    },
    async lastChange() {
      return new Date(m.last_success_at ?? m.added_at);
    },
    page: (f, page) => queryMirrorEvents(db, origin, f, page),
    event: (id) => getMirrorEvent(db, origin, id),
    async history(id) {
      return (await listMirrorEventEntries(db, origin, id)).map((r) => ({
        revision: r.revision,
        action: r.type,
        at: new Date(r.at),
        reason: r.type === 'publish' ? r.note : null,
        record: r.record,
      }));
    },
    points: (f) => mirrorPoints(db, origin, f),
    eventsAt: (f, positions, limit) => mirrorEventsAt(db, origin, f, positions, limit),
    all: (f) => streamMirrorEvents(db, origin, f),
    latest: (f, limit) => latestMirrorEvents(db, origin, f, limit),
    async withdrawals(f, oldestShown, limit) {
      return mirrorWithdrawals(db, origin, f, oldestShown === undefined ? -1 : await mirrorEventIdx(db, origin, oldestShown), limit);
    },
    // A mirror's banner says how many of the witnesses the origin lists cosigned.
    witnessedBy: async () => undefined,
    async media(sha256) {
      const file = await getMirrorMedia(db, origin, sha256);
      return file && { sha256, mime: file.mime, size: file.data.byteLength, body: () => file.data as Uint8Array<ArrayBuffer> };
    },
  };
}
