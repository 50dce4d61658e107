/**
 * What the HTTP boundary makes of an error the database raised, and what of any unexpected error
 * it may write to the log. PostgreSQL's messages and details quote the values they refused, and
 * PGlite's errors carry the query's parameters: none of that may reach the log, since it is what
 * a reporter or a phone sent.
 */
import { CaravanError } from '../core/errors.ts';
import { isUnstorableText, sqlStateOf } from '../store/errors.ts';

/** A field held a character the database cannot keep; the checks at each boundary name the field first. */
export class UnstorableTextError extends CaravanError {
  override name = 'UnstorableTextError';
  constructor() {
    super(
      'unstorable_text',
      'a field held a character that cannot be stored (a NUL character or broken Unicode); remove it and send again',
    );
  }
}

/** The refusal an unstorable-text database error stands for, or undefined for any other error. */
export function refusalOf(err: unknown): UnstorableTextError | undefined {
  return isUnstorableText(err) ? new UnstorableTextError() : undefined;
}

// Messages of programming errors come from our code; others (a SyntaxError, a database error)
// can quote the input.
const MESSAGE_IS_CODE = new Set(['TypeError', 'RangeError', 'ReferenceError']);

/** One line per error for the log: its name, SQLSTATE or message, and stack frames; never request content. */
export function describeForLog(err: unknown): string {
  if (!(err instanceof Error)) return `a thrown ${typeof err}`;
  const state = sqlStateOf(err);
  const head =
    state !== undefined ? `${err.name} (SQLSTATE ${state})` : MESSAGE_IS_CODE.has(err.name) ? `${err.name}: ${err.message}` : err.name;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8);
  return [head, ...frames].join('\n');
}
