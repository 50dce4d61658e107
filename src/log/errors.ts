/**
 * Why a log, a proof, a note or a tile was not accepted. Verifiers (the CLI, mirrors, the
 * browser) print `message` as it is, so it names what did not match: which tile, which entry
 * index, which signature. `code` is stable for programs.
 */
import { CaravanError, type LogVerificationCode } from '../core/errors.ts';
export type { LogVerificationCode };

export class LogVerificationError extends CaravanError {
  override name = 'LogVerificationError';
  declare readonly code: LogVerificationCode;
  constructor(code: LogVerificationCode, message: string) {
    super(code, message);
  }
}
