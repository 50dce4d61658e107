/**
 * What a search box asks, folded as report texts are (fold.ts), so a word typed in one script
 * finds it written in another: "Жанаозен", "Жаңаөзен", "Zhanaozen" and "Janaozen" are one
 * search. Words match as prefixes ("жиналд" finds "жиналды"); words in double quotes must
 * follow each other. The store turns a query into PostgreSQL full-text search over the folded
 * words; `highlight` marks, in the original text, the words that matched.
 */
import { foldedWords } from './fold.ts';

export interface SearchQuery {
  /** Folded words, each to be found as a prefix of some word. */
  words: string[];
  /** Runs of folded words that must stand next to each other, in order. */
  phrases: string[][];
}

/** Queries longer than this are typing accidents, not searches. */
const MAX_WORDS = 12;

export function parseSearch(input: string): SearchQuery {
  const phrases: string[][] = [];
  const rest = input.replace(/"([^"]*)"/g, (_, inner: string) => {
    const words = foldedWords(inner);
    if (words.length > 1) phrases.push(words.slice(0, MAX_WORDS));
    else if (words.length === 1) return ` ${inner} `;
    return ' ';
  });
  const words = foldedWords(rest).slice(0, MAX_WORDS);
  return { words: [...new Set(words)], phrases };
}

export const isEmptySearch = (q: SearchQuery) => q.words.length === 0 && q.phrases.length === 0;

/**
 * The query as `to_tsquery('simple', …)` text. Folded words hold only letters and digits, so
 * nothing a reader types can become a tsquery operator.
 */
export function toTsQuery(q: SearchQuery): string {
  const parts = [...q.words.map((w) => `${w}:*`), ...q.phrases.map((p) => `(${p.join(' <-> ')})`)];
  return parts.join(' & ');
}

export interface Highlighted {
  text: string;
  match: boolean;
}

/** The text cut into runs, each word whose fold starts with a searched word marked as a match. */
export function highlight(text: string, q: SearchQuery): Highlighted[] {
  const wanted = [...q.words, ...q.phrases.flat()];
  if (wanted.length === 0) return [{ text, match: false }];
  const out: Highlighted[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = foldedWords(m[0])[0] ?? '';
    if (!folded || !wanted.some((w) => folded.startsWith(w))) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), match: false });
    out.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}
