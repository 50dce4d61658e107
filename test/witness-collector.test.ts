/**
 * The collector between two chronicles in one process: an origin and a mirror acting as its
 * witness, with the origin's requests wired to the witness app. Cosignatures end up after the
 * log's signature in /log/checkpoint, growth is proven with real consistency proofs from the
 * stored tree, and the mirror's pages count them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyCosignature } from '../src/log/cosignature.ts';
import { LogVerificationError } from '../src/log/errors.ts';
import { encodeLogEntry } from '../src/log/entry.ts';
import { consistencyProof, leafHash, nodeHash } from '../src/log/merkle.ts';
import type { HashAt } from '../src/log/merkle.ts';
import { signatureLines } from '../src/log/note.ts';
import { verifyTiledLog } from '../src/log/verify-log.ts';
import { countCosignatures, parseAddCheckpointRequest } from '../src/log/witness.ts';
import { syncMirror } from '../src/app/mirror/sync.ts';
import { appendLogEntries } from '../src/store/log.ts';
import { insertMirror } from '../src/store/mirrors.ts';
import { getWitnessedCheckpoint, insertLogWitness, listLogWitnesses } from '../src/store/witness.ts';
import { storedConsistencyProof } from '../src/app/log/proofs.ts';
import { type TestApp, openTestApp } from '../src/http/testing.ts';
import { type WitnessFetch, collectCosignatures, configureWitnessClient, cosignaturesSettled } from '../src/app/witness/ask-witnesses.ts';
import { ephemeralWitnessKey } from '../src/app/keys/witness-key.ts';

/** Withdrawals of made-up events: valid Caravan entries, so the mirror accepts the log. */
const entries = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) =>
    encodeLogEntry({ v: 1, type: 'unpublish', event: from + i + 1, revision: 1, at: '2022-01-05T12:00:00.000Z' }),
  );

describe('collecting cosignatures from a witness', () => {
  let origin: TestApp;
  let witness: TestApp;
  const witnessKey = ephemeralWitnessKey('witness.test/witness');
  const stranger = ephemeralWitnessKey('stranger.test/witness');
  const requests: string[] = [];
  let witnessUp = true;
  const toWitness: WitnessFetch = async (url, init) => {
    if (!witnessUp) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    requests.push(init.body);
    return witness.app.request(url, init);
  };
  const get = (path: string) => origin.app.request(`http://localhost${path}`);
  const checkpoint = async () => (await get('/log/checkpoint')).text();
  const logSource = {
    read: async (path: string) =>
      (await get(`/log/${path}`)).status === 200 ? new Uint8Array(await (await get(`/log/${path}`)).arrayBuffer()) : undefined,
  };

  before(async () => {
    origin = await openTestApp();
    witness = await openTestApp({ witnessKey });
    // Both apps call themselves http://localhost: the origin's checkpoints name "localhost/log".
    await insertMirror(witness.db, {
      origin: 'localhost/log',
      logUrl: 'http://localhost/log/',
      verifierKey: origin.ctx.logSigner.verifierKey,
      now: new Date(),
    });
    configureWitnessClient(origin.ctx, { fetch: toWitness });
    await insertLogWitness(origin.db, {
      name: witnessKey.name,
      verifierKey: witnessKey.verifierKey,
      url: 'http://localhost/witness',
      now: new Date(),
    });
  });
  after(async () => {
    await cosignaturesSettled(origin.ctx);
    await origin?.close();
    await witness?.close();
  });

  it('computes consistency proofs from the stored tree, across tile levels', async () => {
    const all = entries(0, 700);
    await appendLogEntries(origin.db, all.slice(0, 100));
    const leaves = all.map(leafHash);
    const hashAt: HashAt = (level, index) => {
      let row = leaves;
      for (let l = 0; l < level; l++)
        row = row.reduce<Uint8Array[]>((acc, h, i) => {
          if (i % 2) acc.push(nodeHash(row[i - 1]!, h));
          return acc;
        }, []);
      return row[index]!;
    };
    // The witness's own log serves as the probe: nothing else here reads it.
    await appendLogEntries(witness.db, all);
    for (const [a, b] of [
      [1, 700],
      [100, 700],
      [256, 700],
      [511, 700],
      [513, 700],
      [3, 5],
    ] as const) {
      assert.deepEqual(await storedConsistencyProof(witness.db, a, b), consistencyProof(a, b, hashAt), `${a} → ${b}`);
    }
  });

  it('attaches the witness cosignature to the checkpoint it signed', async () => {
    const first = await checkpoint();
    assert.equal(signatureLines(first).length, 1);
    await cosignaturesSettled(origin.ctx);
    const cosigned = await checkpoint();
    const lines = signatureLines(cosigned);
    assert.equal(lines.length, 2, cosigned);
    assert.ok(cosigned.startsWith(first.slice(0, first.lastIndexOf('\n\n') + 2)), 'the log signature comes first');
    const body = cosigned.slice(0, cosigned.lastIndexOf('\n\n') + 1);
    assert.doesNotThrow(() => verifyCosignature(body, lines[1]!, witnessKey.verifierKey));
    assert.equal(countCosignatures(cosigned, [witnessKey.verifierKey]), 1);
    assert.match(requests[0]!, /^old 0\n\nlocalhost\/log\n100\n/);
    const [w] = await listLogWitnesses(origin.db);
    assert.deepEqual({ size: w!.size, error: w!.last_error }, { size: 100, error: null });
  });

  it('proves growth from the size the witness cosigned, with a real consistency proof', async () => {
    await appendLogEntries(origin.db, entries(100, 600));
    requests.length = 0;
    await checkpoint();
    await cosignaturesSettled(origin.ctx);
    const req = parseAddCheckpointRequest(requests[0]!);
    assert.equal(req.oldSize, 100);
    assert.ok(req.proof.length > 0);
    const cosigned = await checkpoint();
    assert.equal(countCosignatures(cosigned, [witnessKey.verifierKey]), 1);
    assert.match(cosigned, /^localhost\/log\n700\n/);
    assert.equal((await getWitnessedCheckpoint(witness.db, 'localhost/log'))?.size, 700);

    const verified = await verifyTiledLog(logSource, {
      verifierKey: origin.ctx.logSigner.verifierKey,
      witnesses: { keys: [witnessKey.verifierKey], required: 1 },
    });
    assert.equal(verified.entries, 700);
    await assert.rejects(
      verifyTiledLog(logSource, {
        verifierKey: origin.ctx.logSigner.verifierKey,
        witnesses: { keys: [witnessKey.verifierKey, stranger.verifierKey], required: 2 },
      }),
      (e: unknown) =>
        e instanceof LogVerificationError && e.code === 'witnesses' && /1 valid witness cosignature .* 2 required/.test(e.message),
    );
  });

  it('adopts the size a witness answers with 409 and proves from it', async () => {
    await origin.db.query('update log_witnesses set size = 0');
    await appendLogEntries(origin.db, entries(700, 5));
    requests.length = 0;
    await checkpoint();
    await cosignaturesSettled(origin.ctx);
    assert.deepEqual(
      requests.map((r) => r.split('\n', 1)[0]),
      ['old 0', 'old 700'],
    );
    assert.equal(countCosignatures(await checkpoint(), [witnessKey.verifierKey]), 1);
  });

  it('records a witness that is down, and still serves the checkpoint', async () => {
    witnessUp = false;
    await appendLogEntries(origin.db, entries(705, 1));
    const res = await get('/log/checkpoint');
    assert.equal(res.status, 200);
    await cosignaturesSettled(origin.ctx);
    const [w] = await listLogWitnesses(origin.db);
    assert.match(w!.last_error ?? '', /ECONNREFUSED/);
    assert.equal(w!.failures, 1);
    assert.equal(signatureLines(await checkpoint()).length, 1, 'no cosignature for the new checkpoint yet');
    // A round with backoff leaves it alone right after the failure; without, it asks again.
    witnessUp = true;
    assert.deepEqual(await collectCosignatures(origin.ctx, { backoffMs: 3600_000 }), []);
    assert.deepEqual(await collectCosignatures(origin.ctx), [{ name: witnessKey.name, status: 'cosigned', size: 706 }]);
  });

  it('keeps no cosignature that does not verify against the witness key', async () => {
    await origin.db.query('update log_witnesses set verifier_key = $1', [stranger.verifierKey]);
    await appendLogEntries(origin.db, entries(706, 1));
    await checkpoint();
    await cosignaturesSettled(origin.ctx);
    const [w] = await listLogWitnesses(origin.db);
    assert.match(w!.last_error ?? '', /without a cosignature that verifies/);
    assert.equal(signatureLines(await checkpoint()).length, 1);
    await origin.db.query('update log_witnesses set verifier_key = $1', [witnessKey.verifierKey]);
    await collectCosignatures(origin.ctx);
  });

  it('shows readers how many witnessed the checkpoint, on the origin and on the mirror', async () => {
    const log = await (await get('/log')).text();
    assert.match(log, /witnessed by 1 mirror\./);
    assert.ok(log.includes(witnessKey.verifierKey));
    const home = await (await get('/')).text();
    assert.match(home, /witnessed by 1 mirror\. <a href="\/log">How to check it<\/a>/);
    assert.equal(await (await get('/log/witnesses')).text(), `${witnessKey.verifierKey}\n`);

    // The witness is also a mirror of the origin: its pages count the cosignatures it can check,
    // and a later fetch of the same checkpoint brings the cosignatures that arrived since.
    const deps = { db: witness.db, now: () => new Date(), fetch: async (u: string, init: RequestInit) => origin.app.request(u, init) };
    const banner = async () =>
      /witnessed by \d+ of the \d+ mirrors? it lists/.exec(
        await (await witness.app.request('http://localhost/mirrors/localhost%2Flog/')).text(),
      )?.[0];
    witnessUp = false;
    await appendLogEntries(origin.db, entries(707, 1));
    await checkpoint();
    await cosignaturesSettled(origin.ctx);
    assert.equal((await syncMirror(deps, 'localhost/log')).status, 'updated');
    assert.equal(await banner(), 'witnessed by 0 of the 1 mirror it lists');
    witnessUp = true;
    assert.equal((await collectCosignatures(origin.ctx))[0]?.status, 'cosigned');
    assert.equal((await syncMirror(deps, 'localhost/log')).status, 'unchanged');
    assert.equal(await banner(), 'witnessed by 1 of the 1 mirror it lists');
  });
});

describe('a witness whose submission prefix does not end in /witness', () => {
  it('is asked at <prefix>/add-checkpoint, and its cosignature is kept', async () => {
    const origin = await openTestApp();
    const witnessKey = ephemeralWitnessKey('tlog.example.net/witness');
    const witness = await openTestApp({ witnessKey });
    try {
      await insertMirror(witness.db, {
        origin: 'localhost/log',
        logUrl: 'http://localhost/log/',
        verifierKey: origin.ctx.logSigner.verifierKey,
        now: new Date(),
      });
      const asked: string[] = [];
      // The witness lives under https://tlog.example.net/v1/; it is this test's witness app.
      configureWitnessClient(origin.ctx, {
        fetch: async (url, init) => {
          asked.push(url);
          return witness.app.request(url.replace('https://tlog.example.net/v1/', 'http://localhost/witness/'), init);
        },
      });
      await insertLogWitness(origin.db, {
        name: witnessKey.name,
        verifierKey: witnessKey.verifierKey,
        url: 'https://tlog.example.net/v1',
        now: new Date(),
      });
      await appendLogEntries(origin.db, entries(0, 3));
      await origin.app.request('http://localhost/log/checkpoint');
      await cosignaturesSettled(origin.ctx);
      assert.deepEqual(
        await collectCosignatures(origin.ctx),
        [{ name: witnessKey.name, status: 'already', size: 3 }],
        'cosigned when the checkpoint was signed',
      );
      assert.ok(asked.length > 0 && asked.every((u) => u === 'https://tlog.example.net/v1/add-checkpoint'), asked.join(', '));
      const note = await (await origin.app.request('http://localhost/log/checkpoint')).text();
      assert.ok(
        signatureLines(note).some((line) => line.startsWith(`— ${witnessKey.name} `)),
        note,
      );
    } finally {
      await cosignaturesSettled(origin.ctx);
      await origin.close();
      await witness.close();
    }
  });
});
