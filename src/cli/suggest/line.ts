/**
 * One report in, one line out: the JSON `caravan suggest` writes for each report, as the README
 * documents it. The readers' own shapes (core/reading/) carry more (every evidence span); this
 * is the flat form a script or a benchmark compares with its labels.
 */
import { comparableOf, type ReportToRead, type Suggestions, suggest } from '../../core/reading/read.ts';
import type { EarlierLinks, Linker } from '../../core/reading/incidents.ts';
import { REPORT_LANGS, type ReportLang } from '../../core/reading/language.ts';
import { localIso } from '../../core/time.ts';

export interface SuggestInput {
  text: string;
  where?: string;
  when?: string;
  channel?: string;
  sentAt?: string;
  writtenAt?: string;
  lang?: string;
  mediaSha256?: string | string[];
}

export interface SuggestLine {
  lang: ReportLang;
  places: Array<{
    id: string;
    name: string;
    nameRu: string;
    nameKk: string;
    lat: number;
    lon: number;
    kind: string;
    score: number;
    /** UTF-16 offsets of the first words that named it in `text`, or null when only `where` did. */
    span: [number, number] | null;
    role: 'event' | 'mentioned';
    why: string;
  }>;
  time: { start: string; end: string; precision: string; timeZone: string; approximate: boolean; reference: string } | null;
  eventType: string | null;
  subEventType: string | null;
  fatalities: { min: number | null; max: number | null; wording: string; acled: number } | null;
  injured: { min: number | null; max: number | null; wording: string } | null;
  hedged: boolean;
  firstHand: boolean;
  duplicateOf: number[];
  sameIncidentAs: number[];
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** The input line checked, or the problem with it named. */
export function parseSuggestInput(line: string): SuggestInput | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string' || o.text.trim() === '') return '"text" must be a non-empty string';
  for (const f of ['where', 'when', 'channel', 'lang'] as const) {
    if (o[f] !== undefined && o[f] !== null && typeof o[f] !== 'string') return `"${f}" must be a string`;
  }
  for (const f of ['sentAt', 'writtenAt'] as const) {
    const v = o[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || !ISO_WITH_OFFSET.test(v) || Number.isNaN(Date.parse(v))) {
      return `"${f}" must be ISO 8601 with an offset, such as 2022-01-05T14:02:00+06:00`;
    }
  }
  const media = o.mediaSha256;
  const hashes = media === undefined || media === null ? [] : Array.isArray(media) ? media : [media];
  if (!hashes.every((h) => typeof h === 'string' && SHA256.test(h.toLowerCase())))
    return '"mediaSha256" must be hex SHA-256 (one or a list)';
  return o as unknown as SuggestInput;
}

function toRead(input: SuggestInput): ReportToRead {
  const media = input.mediaSha256 === undefined ? [] : Array.isArray(input.mediaSha256) ? input.mediaSha256 : [input.mediaSha256];
  return {
    what: input.text,
    where: input.where ?? null,
    when: input.when ?? null,
    sentAt: input.sentAt ?? null,
    writtenAt: input.writtenAt ?? null,
    mediaSha256: media.map((h) => h.toLowerCase()),
  };
}

/** The flat line for one report read, with its links to the earlier lines. */
export function toLine(input: SuggestInput, s: Suggestions, links: EarlierLinks): SuggestLine {
  const given = input.lang && (REPORT_LANGS as readonly string[]).includes(input.lang) ? (input.lang as ReportLang) : undefined;
  const killed = s.casualties?.killed;
  const injured = s.casualties?.injured;
  const t = s.time;
  return {
    lang: given ?? s.lang.lang,
    places: s.places.map((p) => {
      const span = p.evidence.find((e) => e.from === 'text' && e.start !== undefined);
      return {
        id: p.place.id,
        name: p.place.names.en,
        nameRu: p.place.names.ru,
        nameKk: p.place.names.kk,
        lat: p.place.lat,
        lon: p.place.lon,
        kind: p.place.kind,
        score: p.confidence,
        span: span ? [span.start!, span.end!] : null,
        role: p.role,
        why: p.why,
      };
    }),
    time: t
      ? {
          start: localIso(t.start, t.timeZone),
          end: localIso(t.end, t.timeZone),
          precision: t.precision,
          timeZone: t.timeZone,
          approximate: t.approximate,
          reference: t.reference,
        }
      : null,
    eventType: s.type?.eventType ?? null,
    subEventType: s.type?.subEventType ?? null,
    fatalities: killed ? { min: killed.min ?? null, max: killed.max ?? null, wording: killed.wording, acled: killed.acled } : null,
    injured: injured ? { min: injured.min ?? null, max: injured.max ?? null, wording: injured.wording } : null,
    hedged: s.hearsay.hedged,
    firstHand: s.hearsay.firstHand,
    duplicateOf: links.duplicateOf.map((l) => l.to),
    sameIncidentAs: links.sameIncidentAs.map((l) => l.to),
  };
}

/** Reads one checked input line and links it to the lines before it in `linker`. */
export function suggestLine(input: SuggestInput, linker: Linker): SuggestLine {
  const report = toRead(input);
  const s = suggest(report);
  return toLine(input, s, linker.add(comparableOf(report, s)));
}
