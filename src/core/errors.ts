/**
 * Errors the rest of the code maps once: to an HTTP status at the server boundary,
 * to an exit code in the CLI. `code` is stable and safe to show to a user.
 */
export class CaravanError extends Error {
  override name = 'CaravanError';
  readonly code: string;
  constructor(code: string, message: string) {
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
