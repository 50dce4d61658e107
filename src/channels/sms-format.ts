/**
 * The short format for people typing a report on a phone keypad:
 *
 *     PLACE DD.MM [HH:MM] what happened
 *     ALMATY 05.01 14:00 shooting near Republic Square
 *     АЛМАТЫ 5/1 14.00 стрельба у площади Республики
 *
 * The place is one to three words of letters (any script, hyphens allowed), the date is day and
 * month separated by "." or "/" (a year may follow), the time is optional. Nothing here is
 * required: a message that does not fit is still a report, its whole text kept as what happened.
 */

export interface KeypadReport {
  /** The place as typed. */
  where?: string;
  /** Date and time as typed, e.g. "05.01 14:00". */
  when?: string;
  /** What happened: the rest of the message, or all of it when it did not fit the format. */
  what: string;
  /** Day, month (1-based) and, when given, the year, hour and minute the message names. */
  date?: { day: number; month: number; year?: number; hour?: number; minute?: number };
}

const PLACE_WORD = /^[\p{L}][\p{L}\p{M}'’-]*$/u;
const DATE = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/;
const TIME = /^(\d{1,2})[:.](\d{2})$/;
const MAX_PLACE_WORDS = 3;

/** Splits a keypad message into place, date and text; a message that does not fit keeps all its text in `what`. */
export function parseKeypadMessage(message: string): KeypadReport {
  const text = message.trim();
  const whole: KeypadReport = { what: text };
  // Words with the whitespace after each, so the rest of the message is kept exactly as typed.
  const words = [...text.matchAll(/(\S+)(\s*)/g)].map((m) => ({ word: m[1]!, end: m.index + m[0].length }));

  let placeWords = 0;
  while (placeWords < words.length && placeWords < MAX_PLACE_WORDS && PLACE_WORD.test(words[placeWords]!.word)) placeWords++;
  if (placeWords === 0) return whole;
  const dateWord = words[placeWords];
  const dateMatch = dateWord ? DATE.exec(dateWord.word) : null;
  if (!dateWord || !dateMatch) return whole;
  const day = Number(dateMatch[1]);
  const month = Number(dateMatch[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return whole;
  const date: NonNullable<KeypadReport['date']> = { day, month };
  if (dateMatch[3]) date.year = dateMatch[3].length === 2 ? 2000 + Number(dateMatch[3]) : Number(dateMatch[3]);

  let last = placeWords;
  const timeWord = words[placeWords + 1];
  const timeMatch = timeWord ? TIME.exec(timeWord.word) : null;
  if (timeMatch && Number(timeMatch[1]) <= 23 && Number(timeMatch[2]) <= 59) {
    date.hour = Number(timeMatch[1]);
    date.minute = Number(timeMatch[2]);
    last = placeWords + 1;
  }
  const what = text.slice(words[last]!.end).trim();
  if (!what) return whole;
  const where = words
    .slice(0, placeWords)
    .map((w) => w.word)
    .join(' ');
  const when = words
    .slice(placeWords, last + 1)
    .map((w) => w.word)
    .join(' ');
  return { where, when, what, date };
}
