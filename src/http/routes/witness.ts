/**
 * Witnessing over HTTP. As a witness: `POST /witness/add-checkpoint` (C2SP tlog-witness, the
 * submission prefix being <public url>/witness) and `GET /witness`, which tells an origin's
 * operator the verifier key to register. As a log: `GET /log/witnesses`, the witness keys
 * this chronicle asks for cosignatures, one vkey per line, so mirrors and readers can count
 * the cosignatures on /log/checkpoint.
 */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { listLogWitnesses } from '../../store/witness.ts';
import { listMirrors } from '../../store/mirrors.ts';
import type { AppContext } from '../../app/context.ts';
import type { Ctx, Env } from '../common.ts';
import { addCheckpoint } from '../../app/witness/be-witness.ts';

/** A checkpoint, 63 proof hashes and a hundred signatures fit in well under this. */
export const MAX_ADD_CHECKPOINT_BYTES = 64 * 1024;

const PLAIN = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
const plain = (c: Ctx, status: 200 | 404 | 413, text: string) => c.body(`${text}\n`, status, PLAIN);

export function registerWitnessRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/witness', async (c) => {
    const key = ctx.witnessKey;
    if (!key)
      return plain(c, 404, 'This chronicle is not a witness: it has no witness key ("caravan keys witness new" turns witnessing on).');
    const logs = (await listMirrors(ctx.db)).map((m) => `  ${m.origin}`);
    return plain(
      c,
      200,
      [
        'This chronicle is a witness (C2SP tlog-witness). It cosigns checkpoints of the chronicles it mirrors,',
        'and only checkpoints consistent with the last one it cosigned for each: it promises that, as far as',
        'it has seen, each of those logs has one history that only grows.',
        '',
        `verifier key: ${key.verifierKey}`,
        `submission prefix: ${ctx.config.origin}/witness`,
        `add-checkpoint: POST ${ctx.config.origin}/witness/add-checkpoint`,
        'logs witnessed:',
        ...(logs.length > 0 ? logs : ['  (none yet)']),
      ].join('\n'),
    );
  });

  app.post(
    '/witness/add-checkpoint',
    bodyLimit({
      maxSize: MAX_ADD_CHECKPOINT_BYTES,
      onError: (c) => plain(c as Ctx, 413, `the request body is larger than ${MAX_ADD_CHECKPOINT_BYTES} bytes`),
    }),
    async (c) => {
      if (!ctx.witnessKey)
        return plain(c, 404, 'this chronicle is not a witness: witnessing is off until its operator runs "caravan keys witness new"');
      const result = await addCheckpoint(ctx, new Uint8Array(await c.req.arrayBuffer()));
      return c.body(result.body, result.status, { 'Content-Type': result.contentType, 'Cache-Control': 'no-store' });
    },
  );

  app.get('/log/witnesses', async (c) => {
    const keys = (await listLogWitnesses(ctx.db)).map((w) => `${w.verifier_key}\n`).join('');
    return c.body(keys, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  });
}
