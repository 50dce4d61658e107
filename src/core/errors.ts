/**
 * Errors the rest of the code maps once: to an HTTP status at the server boundary
 * (http/common.ts `statusOf`), to an exit status in the CLI (cli/main.ts). Every error a user
 * can meet is one of these, its `message` a sentence for them and its `code` one of the stable
 * names below, for programs.
 */

/** Why a log, a proof, a note or a tile was not accepted (log/errors.ts). */
export type LogVerificationCode =
  | 'malformed'
  | 'bad_signature'
  | 'unknown_key'
  | 'origin_mismatch'
  | 'root_mismatch'
  | 'tile_mismatch'
  | 'entry_mismatch'
  | 'inconsistent'
  | 'missing'
  | 'too_large'
  /** Fewer valid witness cosignatures than the verifier requires. */
  | 'witnesses';

export type ErrorCode =
  // What a request or a command was given.
  | 'invalid_input'
  | 'invalid_parameter'
  | 'bad_request'
  | 'malformed_json'
  | 'malformed_form'
  | 'bad_encoding'
  | 'bad_content_length'
  | 'unsupported_content_type'
  | 'too_many_fields'
  | 'unreadable_body'
  | 'unstorable_text'
  | 'too_large'
  | 'invalid_media'
  | 'bad_armor'
  | 'bad_log_entry'
  | 'bad_bundle'
  | 'bad_backup'
  // What it asked for.
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  // Another chronicle, followed or witnessed, or its media.
  | 'mirror'
  | 'media_hash_mismatch'
  | LogVerificationCode
  // This machine's state.
  | 'unavailable'
  | 'media_unavailable'
  | 'store_busy'
  | 'store_empty'
  | 'store_unopenable'
  | 'restore_refused'
  | 'static_export';

export class CaravanError extends Error {
  override name = 'CaravanError';
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Input that breaks a rule; `problems` names every offending field, not just the first. */
export class ValidationError extends CaravanError {
  override name = 'ValidationError';
  readonly problems: readonly FieldProblem[];
  constructor(problems: readonly FieldProblem[]) {
    super('invalid_input', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.problems = problems;
  }
}

export class NotFoundError extends CaravanError {
  override name = 'NotFoundError';
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/** The action conflicts with the current state (claimed by someone else, already published...). */
export class ConflictError extends CaravanError {
  override name = 'ConflictError';
  constructor(message: string) {
    super('conflict', message);
  }
}

export class ForbiddenError extends CaravanError {
  override name = 'ForbiddenError';
  constructor(message = 'not allowed') {
    super('forbidden', message);
  }
}

/** Collects field problems so a validator can report all of them at once. */
export class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.list);
  }
}

/** A request that is not what the route takes: a malformed body, a missing or impossible parameter. */
export class BadRequestError extends CaravanError {
  override name = 'BadRequestError';
  constructor(message: string, code: ErrorCode = 'bad_request') {
    super(code, message);
  }
}

/** A body or file larger than the limit for what it carries. */
export class TooLargeError extends CaravanError {
  override name = 'TooLargeError';
  constructor(limit: number) {
    super('too_large', `the request body is larger than ${limit / 1024} KiB`);
  }
}
