/**
 * The one fold that makes the same words meet however they were typed: case, Cyrillic or Latin
 * script, Kazakh letters typed as their Russian neighbours (Жаңаөзен, Жанаозен, Zhanaozen and
 * Janaozen are one word), punctuation, emoji and the header a messenger adds to a forwarded
 * message. Duplicate detection compares folded texts; it is the gazetteer's name key
 * (`normalizeName`) applied word by word.
 */
import { normalizeName } from '../gazetteer/search.ts';

/** First lines messengers add when a message is forwarded or quoted, in the three languages. */
const FORWARD_HEADER =
  /^\s*(?:forwarded (?:message|from)[^\n]*|переслан(?:о|ное сообщение)[^\n]*|пересылаю[^\n]*|қайта жіберілген[^\n]*|жіберілген хабарлама[^\n]*|fwd?:[^\n]*|-{3,}[^\n]*)\n/iu;

/** The text without the headers of forwarded messages above it (several when it was forwarded on). */
export function withoutForwardHeaders(text: string): string {
  let out = text;
  for (let i = 0; i < 5 && FORWARD_HEADER.test(out); i++) out = out.replace(FORWARD_HEADER, '');
  return out;
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  const words = withoutForwardHeaders(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map(normalizeName).filter((w) => w.length > 0);
}

/** The text folded to one comparison string: equal for texts that differ only in how they were typed. */
export function foldText(text: string): string {
  return foldedWords(text).join(' ');
}
