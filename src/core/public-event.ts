/**
 * The public record of an event: what readers, feeds, exports and the log see. Reports
 * and private sources never appear; the public sees external links and a count of the rest.
 */
import { type ActorTypeCode, type DisorderType, ACTOR_TYPES, disorderTypeOf, interactionOf } from './coding.ts';
import type { EventData } from './event.ts';
import type { EventMedia } from './event-media.ts';
import { conservativeFatalities } from './fatalities.ts';
import { acledTimePrecision, localDate } from './time.ts';

export interface PublicSource {
  url: string;
  title?: string;
  outlet?: string;
  scale?: string;
}

export interface PublicEvent {
  id: number;
  revision: number;
  publishedAt: string;
  /** When the first revision of this event was published. */
  firstPublishedAt: string;
  summary: EventData['summary'];
  notes?: string;
  time: EventData['time'];
  /** Local date at the place, "YYYY-MM-DD": the chronology groups by it. */
  localDate: string;
  location: EventData['location'];
  disorderType: DisorderType;
  eventType: EventData['eventType'];
  subEventType: EventData['subEventType'];
  actor1: EventData['actor1'];
  actor2?: EventData['actor2'];
  interaction: string;
  civilianTargeting: boolean;
  fatalities: EventData['fatalities'] & { acled: number };
  status: EventData['status'];
  statusReason?: string;
  sources: PublicSource[];
  /** Reports and private sources the editors relied on, counted but not shown. */
  privateSourceCount: number;
  tags: string[];
  timePrecisionAcled: 1 | 2 | 3;
  /** Published photos and videos by the SHA-256 of their stripped copy; absent when none. */
  media?: EventMedia[];
}

export function toPublicEvent(id: number, revision: number, data: EventData, publishedAt: string, firstPublishedAt: string): PublicEvent {
  const sources: PublicSource[] = [];
  let privateSourceCount = 0;
  for (const s of data.sources) {
    if (s.kind === 'link' && s.url) {
      const ps: PublicSource = { url: s.url };
      if (s.title) ps.title = s.title;
      if (s.outlet) ps.outlet = s.outlet;
      if (s.scale) ps.scale = s.scale;
      sources.push(ps);
    } else privateSourceCount++;
  }
  const pub: PublicEvent = {
    id,
    revision,
    publishedAt,
    firstPublishedAt,
    summary: data.summary,
    time: data.time,
    localDate: localDate(data.time.start, data.time.timeZone),
    location: data.location,
    disorderType: disorderTypeOf(data.eventType, data.subEventType),
    eventType: data.eventType,
    subEventType: data.subEventType,
    actor1: data.actor1,
    interaction: interactionOf(data.actor1.type, data.actor2?.type).label,
    civilianTargeting: data.civilianTargeting,
    fatalities: { ...data.fatalities, acled: conservativeFatalities(data.fatalities) },
    status: data.status,
    sources,
    privateSourceCount,
    tags: data.tags,
    timePrecisionAcled: acledTimePrecision(data.time.precision),
  };
  if (data.notes) pub.notes = data.notes;
  if (data.actor2) pub.actor2 = data.actor2;
  if (data.statusReason) pub.statusReason = data.statusReason;
  if (data.media && data.media.length > 0) pub.media = data.media.map((m) => ({ ...m }));
  return pub;
}

export function actorTypeLabel(code: ActorTypeCode): string {
  return ACTOR_TYPES[code];
}
