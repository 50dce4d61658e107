/**
 * The desk's suggestions in the event form: "New event from report" fills place, time, type and
 * fatalities from what the readers found (core/reading/), keeps what was suggested in a hidden
 * field so the form remembers it across "Find place" and a refused save, and marks each field as
 * suggested until the editor ticks it as checked. On save, what the editor kept, changed or
 * cleared is recorded per field (store/suggestion-outcomes.ts).
 */
import type { Suggestions } from '../../../core/reading/read.ts';
import { localClock, localDate, localParts, partOfDay } from '../../../core/time.ts';
import { type OutcomeRow, SUGGESTED_FIELDS } from '../../../core/reading/fields.ts';
import { type EventFormState, type SuggestedForm, formValue, suggestedValue } from '../../../publish/editor/event-form-state.ts';

const quoteOf = (evidence: ReadonlyArray<{ from: string; quote: string }>) =>
  [...new Set(evidence.filter((e) => e.from !== 'channel').map((e) => e.quote.trim()))].filter(Boolean).slice(0, 4).join(' · ');

/** The form's values for each suggestion the readers made. */
export function suggestedFormOf(s: Suggestions): SuggestedForm {
  const out: SuggestedForm = {};
  const place = s.places.find((p) => p.role === 'event');
  if (place) out.place = { placeId: place.place.id, quote: quoteOf(place.evidence) };
  const t = s.time;
  if (t) {
    const zone = t.timeZone;
    const lastMinute = new Date(Date.parse(t.end) - 60_000);
    const mid = new Date((Date.parse(t.start) + Date.parse(t.end)) / 2);
    const time = { date: localDate(t.start, zone), clock: '', partOfDay: '', endDate: '', endClock: '' };
    if (t.precision === 'minute' || t.precision === 'hour') time.clock = localClock(t.start, zone);
    else if (t.precision === 'part_of_day') {
      time.date = localDate(mid, zone);
      time.partOfDay = partOfDay(localParts(mid, zone).hour);
    } else if (t.precision === 'days') time.endDate = localDate(lastMinute, zone);
    out.time = { ...time, precision: t.precision, approximate: t.approximate, timeZone: zone, quote: quoteOf(t.evidence) };
  }
  if (s.type) out.type = { subEventType: s.type.subEventType, quote: quoteOf(s.type.evidence) };
  const killed = s.casualties?.killed;
  if (killed) {
    out.fatalities = {
      min: killed.min === undefined ? '' : String(killed.min),
      max: killed.max === undefined ? '' : String(killed.max),
      wording: killed.wording,
      quote: quoteOf(killed.evidence),
    };
  }
  return out;
}

/** What the editor did with each suggestion, as saved. */
export function outcomesOf(state: EventFormState): OutcomeRow[] {
  const out: OutcomeRow[] = [];
  for (const field of SUGGESTED_FIELDS) {
    const suggested = suggestedValue(field, state.suggested);
    if (suggested === undefined) continue;
    const chosen = formValue(field, state);
    out.push({ field, suggested, chosen, outcome: chosen === suggested ? 'accepted' : chosen === '' ? 'rejected' : 'corrected' });
  }
  return out;
}

/** The remembered suggestions from the form's hidden field; anything unreadable is forgotten. */
export function readSuggestedField(raw: string): SuggestedForm {
  if (!raw || raw.length > 8000) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    const o = v as Record<string, unknown>;
    const out: SuggestedForm = {};
    const strings = (x: unknown, keys: readonly string[]) =>
      typeof x === 'object' && x !== null && keys.every((k) => typeof (x as Record<string, unknown>)[k] === 'string');
    if (strings(o.place, ['placeId', 'quote'])) out.place = o.place as SuggestedForm['place'];
    if (strings(o.time, ['date', 'clock', 'partOfDay', 'endDate', 'endClock', 'precision', 'timeZone', 'quote'])) {
      out.time = {
        ...(o.time as NonNullable<SuggestedForm['time']>),
        approximate: (o.time as { approximate?: unknown }).approximate === true,
      };
    }
    if (strings(o.type, ['subEventType', 'quote'])) out.type = o.type as SuggestedForm['type'];
    if (strings(o.fatalities, ['min', 'max', 'wording', 'quote'])) out.fatalities = o.fatalities as SuggestedForm['fatalities'];
    return out;
  } catch {
    return {};
  }
}
