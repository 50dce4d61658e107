/**
 * Why a log, a proof, a note or a tile was not accepted. Verifiers (the CLI, mirrors, the
 * browser) print `message` as it is, so it names what did not match: which tile, which entry
 * index, which signature. `code` is stable for programs.
 */
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

export class LogVerificationError extends Error {
  override name = 'LogVerificationError';
  readonly code: LogVerificationCode;
  constructor(code: LogVerificationCode, message: string) {
    super(message);
    this.code = code;
  }
}
