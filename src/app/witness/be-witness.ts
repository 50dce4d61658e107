/**
 * This chronicle as a witness (C2SP tlog-witness): an add-checkpoint request is decided by the
 * pure rules in log/witness.ts against the logs it mirrors and the last checkpoint it cosigned
 * for each, and a cosigned checkpoint is stored only if nobody moved that size meanwhile.
 */
import { fromUtf8 } from '../../log/hash.ts';
import {
  TLOG_SIZE_CONTENT_TYPE,
  WitnessRequestError,
  claimedOrigin,
  decideAddCheckpoint,
  parseAddCheckpointRequest,
} from '../../log/witness.ts';
import { advanceWitnessedCheckpoint, getWitnessedCheckpoint, trustedLogKeys } from '../../store/witness.ts';
import type { AppContext } from '../context.ts';

export interface WitnessAnswer {
  status: 200 | 400 | 403 | 404 | 409 | 422;
  body: string;
  contentType: string;
}

const PLAIN = 'text/plain; charset=utf-8';
const answer = (status: WitnessAnswer['status'], message: string): WitnessAnswer => ({ status, body: `${message}\n`, contentType: PLAIN });
const sizeAnswer = (size: number): WitnessAnswer => ({ status: 409, body: `${size}\n`, contentType: TLOG_SIZE_CONTENT_TYPE });

/** Answers one add-checkpoint request body; the caller has checked witnessing is on. */
export async function addCheckpoint(ctx: AppContext, raw: Uint8Array): Promise<WitnessAnswer> {
  const witness = ctx.witnessKey;
  if (!witness) return answer(404, 'this chronicle is not a witness');
  let body: string;
  try {
    body = fromUtf8(raw);
  } catch {
    return answer(400, 'the request body is not UTF-8');
  }
  let request: ReturnType<typeof parseAddCheckpointRequest>;
  try {
    request = parseAddCheckpointRequest(body);
  } catch (err) {
    if (err instanceof WitnessRequestError) return answer(400, err.message);
    throw err;
  }
  const origin = claimedOrigin(request.note);
  const [logKeys, latest] = await Promise.all([trustedLogKeys(ctx.db, origin), getWitnessedCheckpoint(ctx.db, origin)]);
  const now = ctx.now();
  const outcome = decideAddCheckpoint({ request, logKeys, latest, witness: witness.signer, timestamp: Math.floor(now.getTime() / 1000) });
  if (outcome.status === 409 && outcome.latestSize !== undefined) return sizeAnswer(outcome.latestSize);
  if (outcome.status !== 200) return answer(outcome.status, outcome.message);
  const stored = await advanceWitnessedCheckpoint(ctx.db, { ...outcome.persist, now });
  if (!stored) {
    // Another request advanced this log first; the client proves again from the stored size.
    return sizeAnswer((await getWitnessedCheckpoint(ctx.db, origin))?.size ?? 0);
  }
  return { status: 200, body: `${outcome.cosignature}\n`, contentType: PLAIN };
}
