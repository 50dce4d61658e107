/**
 * Which media an event revision may publish: only stripped copies of reports linked to the
 * event (or, for a new event, of the report it is coded from), plus those an earlier revision
 * already published. Editors name a file by the SHA-256 of its stripped copy and a caption;
 * the facts the public record carries (type, size, dimensions, duration) come from our own
 * media rows, never from the form.
 */
import type { FieldProblem } from '../../core/errors.ts';
import type { EventData } from '../../core/event.ts';
import type { EventMedia } from '../../core/event-media.ts';
import type { Queryable } from '../../store/db.ts';
import { type MediaRow, attachableMedia } from '../../store/media.ts';

export interface MediaScope {
  /** The event being revised; its linked reports' media may be attached. */
  eventId?: number;
  /** A new event's report, linked in the same transaction. */
  fromReportId?: number;
  /** The revision being replaced: what it already attaches stays allowed. */
  previous?: EventData;
}

export function eventMediaOf(row: MediaRow, caption: string | undefined): EventMedia {
  const m: EventMedia = { sha256: row.stripped_sha256, mime: row.mime, bytes: row.bytes };
  if (row.width !== null) m.width = row.width;
  if (row.height !== null) m.height = row.height;
  if (row.duration_ms !== null) m.durationMs = row.duration_ms;
  if (caption !== undefined) m.caption = caption;
  return m;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const short = (sha: string) => `${sha.slice(0, 12)}…`;

/**
 * The document with each media item's facts filled in from the store, and a problem for every
 * item that is not a file of a report linked to this event. Malformed items are left for
 * validateEventData to name.
 */
export async function withMediaFacts(
  q: Queryable,
  input: unknown,
  scope: MediaScope,
): Promise<{ input: unknown; problems: FieldProblem[] }> {
  if (!isObject(input) || !Array.isArray(input.media)) return { input, problems: [] };
  const problems: FieldProblem[] = [];
  const rows = await attachableMedia(q, scope);
  const byHash = new Map(rows.map((r) => [r.stripped_sha256, r]));
  const earlier = new Map((scope.previous?.media ?? []).map((m) => [m.sha256, m]));
  const media = input.media.map((item: unknown, i) => {
    if (!isObject(item) || typeof item.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(item.sha256)) return item;
    const caption = typeof item.caption === 'string' ? item.caption : undefined;
    const row = byHash.get(item.sha256);
    if (row) return { ...eventMediaOf(row, undefined), ...(caption !== undefined ? { caption } : {}) };
    const kept = earlier.get(item.sha256);
    if (kept) {
      const { caption: _old, ...facts } = kept;
      return { ...facts, ...(caption !== undefined ? { caption } : {}) };
    }
    problems.push({
      field: `media[${i}].sha256`,
      message: `media ${short(item.sha256)} is not a photo or video of a report linked to this event`,
    });
    return item;
  });
  return { input: { ...input, media }, problems };
}
