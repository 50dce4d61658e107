/**
 * What an editor should look at again before publishing an event: a time after the report it
 * was coded from (an event cannot come after the words that tell of it), a date outside the
 * period the chronicle covers, and a summary changed in one language but not in the other (a
 * stale translation). Warnings, not refusals: the editor may know better.
 */
import type { EventData } from './event.ts';
import { localDate } from './time.ts';

export type PublishWarning =
  | { kind: 'after_report'; reportId: number; reportAt: Date }
  | { kind: 'outside_period'; date: string; from: string; to: string }
  | { kind: 'stale_translation'; changed: 'en' | 'ru'; revision: number };

export interface WarningInput {
  data: EventData;
  revision: number;
  /** The revision before it, to tell which summary changed. */
  previous?: EventData | undefined;
  /** The reports linked to it, with the time each was written or sent (or received). */
  reports: ReadonlyArray<{ id: number; at: Date }>;
  /** The chronicle's period as local dates, inclusive, when it has one. */
  period?: { from: string; to: string } | undefined;
}

export function publishWarnings(w: WarningInput): PublishWarning[] {
  const out: PublishWarning[] = [];
  const start = Date.parse(w.data.time.start);
  const earliest = [...w.reports].sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  if (earliest && start > earliest.at.getTime()) out.push({ kind: 'after_report', reportId: earliest.id, reportAt: earliest.at });
  if (w.period) {
    const date = localDate(w.data.time.start, w.data.time.timeZone);
    if (date < w.period.from || date > w.period.to) out.push({ kind: 'outside_period', date, ...w.period });
  }
  const p = w.previous;
  if (p?.summary.ru && w.data.summary.ru) {
    const en = p.summary.en !== w.data.summary.en;
    const ru = p.summary.ru !== w.data.summary.ru;
    if (en !== ru) out.push({ kind: 'stale_translation', changed: en ? 'en' : 'ru', revision: w.revision });
  }
  return out;
}
