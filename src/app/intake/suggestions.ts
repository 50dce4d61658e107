/**
 * A stored report as the desk's readers take it (core/reading/read.ts): its words, its place and
 * time fields, and the times the channel and the device gave. One mapping, so the report page,
 * the event form and a re-read derive the same suggestions from the same row.
 */
import { type ReportToRead, type Suggestions, suggest } from '../../core/reading/read.ts';

export interface StoredReportText {
  what: string;
  claimed_when: string | null;
  claimed_where: string | null;
  received_at: Date;
  sent_at?: Date | null | undefined;
  written_at?: Date | null | undefined;
}

export function readingInputOf(r: StoredReportText, mediaSha256?: readonly string[]): ReportToRead {
  return {
    what: r.what,
    where: r.claimed_where,
    when: r.claimed_when,
    sentAt: r.sent_at ?? null,
    writtenAt: r.written_at ?? null,
    receivedAt: r.received_at,
    ...(mediaSha256 ? { mediaSha256 } : {}),
  };
}

/** The desk's suggestions for a stored report, read again from its text: readers are pure and quick. */
export function suggestionsOf(r: StoredReportText): Suggestions {
  return suggest(readingInputOf(r));
}
