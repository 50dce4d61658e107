/**
 * What every reader of a report answers with: a suggestion, the evidence it came from and a
 * confidence. The editor decides; the evidence lets them see why the machine thought so.
 */

/** Where a suggestion came from: a span of the report's text, or one of the channel's fields. */
export interface Evidence {
  /** `text`: what the reporter wrote; `where`/`when`: the report's own fields; `channel`: what the channel told us. */
  from: 'text' | 'where' | 'when' | 'channel';
  /** The words as written (for `channel`, a short description such as "sent 2022-01-05 14:02 +06:00"). */
  quote: string;
  /** UTF-16 offsets of the quote in the field it came from, when it came from text. */
  start?: number;
  end?: number;
}

/** The span of `match` in `text`, as evidence. */
export function spanEvidence(text: string, start: number, end: number, from: Evidence['from'] = 'text'): Evidence {
  return { from, quote: text.slice(start, end), start, end };
}

/** A confidence rounded to two places and kept within 0..1. */
export function confidence(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
