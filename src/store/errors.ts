/**
 * What the store can say about an error the database raised, so no other folder reads
 * PostgreSQL's error codes: pg and PGlite both put the SQLSTATE in `code`.
 */

/**
 * SQLSTATEs for text PostgreSQL cannot store: 22021 (a NUL or invalid UTF-8 in `text`), 22P05
 * (`\u0000` inside `jsonb`).
 */
const UNSTORABLE_TEXT_STATES = new Set(['22021', '22P05']);

/** The SQLSTATE of a database error, if `err` is one. */
export function sqlStateOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  // Node's own errors have codes such as EPIPE too; only database errors carry a severity.
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in (err as object) ? code : undefined;
}

/** The database refused a value because of a character it cannot keep. */
export function isUnstorableText(err: unknown): boolean {
  const state = sqlStateOf(err);
  return state !== undefined && UNSTORABLE_TEXT_STATES.has(state);
}
