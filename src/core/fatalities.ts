/**
 * Fatalities as reported: the editors keep the source's own wording and the range it implies;
 * the single figure exported to ACLED-style data is the most conservative reading of them.
 */
export interface ReportedFatalities {
  /** Lowest figure any source gives, if any gives one. */
  min?: number | null;
  /** Highest figure any source gives. */
  max?: number | null;
  /** The source's words, e.g. "dozens", "at least 8", "десятки погибших". */
  wording?: string | null;
}

/**
 * Vague plural words and the count they stand for. "tens" 10, "dozens" 12 and "hundreds" 100
 * follow ACLED; "several" and "a few" take 3, the smallest reading that is still plural.
 * Russian "десятки" means "tens" even when it is translated as "dozens", so it counts 10.
 */
const VAGUE_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/\bthousands\b|тысяч/i, 1000],
  [/\bhundreds\b|сотни|сотен/i, 100],
  [/\bdozens\b|\bscores\b/i, 12],
  [/\btens\b|десятк/i, 10],
  [/\bdozen\b|дюжин/i, 12],
  [/\bseveral\b|\ba few\b|\bsome\b|несколько|нескольк/i, 3],
];

/** The first plain number in the wording ("at least 8" -> 8, "more than 200" -> 200). */
function numberIn(wording: string): number | undefined {
  const m = /(\d[\d\s,.]*\d|\d)/.exec(wording);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/[\s,.]/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** The conservative single figure (ACLED's `fatalities` column). Unknown counts as 0. */
export function conservativeFatalities(f: ReportedFatalities): number {
  if (typeof f.min === 'number') return f.min;
  const wording = f.wording?.trim();
  if (wording) {
    const n = numberIn(wording);
    if (n !== undefined) return typeof f.max === 'number' ? Math.min(n, f.max) : n;
    for (const [pattern, count] of VAGUE_WORDS) {
      if (pattern.test(wording)) return typeof f.max === 'number' ? Math.min(count, f.max) : count;
    }
  }
  if (typeof f.max === 'number') return f.max;
  return 0;
}

/** Problems with a fatalities record, as messages keyed by sub-field. */
export function fatalitiesProblems(f: ReportedFatalities): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const key of ['min', 'max'] as const) {
    const v = f[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1_000_000) {
      out.push([key, 'must be a whole number from 0 to 1000000']);
    }
  }
  if (typeof f.min === 'number' && typeof f.max === 'number' && f.min > f.max) {
    out.push(['max', 'must not be lower than the minimum']);
  }
  if (f.wording !== undefined && f.wording !== null && (typeof f.wording !== 'string' || f.wording.length > 200)) {
    out.push(['wording', 'must be text of at most 200 characters']);
  }
  return out;
}

/** A short human reading: "12–20 (dozens)", "at least 3", "unknown". */
export function describeFatalities(f: ReportedFatalities): string | undefined {
  const { min, max, wording } = f;
  let figure: string | undefined;
  if (typeof min === 'number' && typeof max === 'number') figure = min === max ? String(min) : `${min}–${max}`;
  else if (typeof min === 'number') figure = `≥${min}`;
  else if (typeof max === 'number') figure = `≤${max}`;
  if (figure && wording) return `${figure} (${wording})`;
  return figure ?? (wording || undefined);
}
