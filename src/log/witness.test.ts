import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCheckpoint } from './checkpoint.ts';
import { verifyCosignature, witnessVerifierKey } from './cosignature.ts';
import { LogVerificationError } from './errors.ts';
import { utf8 } from './hash.ts';
import { TreeBuilder, consistencyProof, leafHash, nodeHash } from './merkle.ts';
import type { HashAt } from './merkle.ts';
import { addSignatures, generateSignerKey, parseSignerKey, signNote, verifierKeyParts } from './note.ts';
import { mapSource, memoryLogFiles } from './testing.ts';
import { verifyTiledLog } from './verify-log.ts';
import {
  type AddCheckpointInput,
  countCosignatures,
  cosignaturesFrom,
  decideAddCheckpoint,
  formatAddCheckpointRequest,
  parseAddCheckpointRequest,
} from './witness.ts';

const ORIGIN = 'chronicle.example/kz';
const logKey = generateSignerKey(ORIGIN, new Uint8Array(32).fill(1));
const logSigner = parseSignerKey(logKey.signerKey);
const witness = parseSignerKey(generateSignerKey('mirror.example/witness', new Uint8Array(32).fill(2)).signerKey);
const witnessKey = witnessVerifierKey(witness.name, verifierKeyParts(witness.verifierKey).publicKey);

const entries = Array.from({ length: 40 }, (_, i) => utf8(`entry ${i}`));
const leaves = entries.map(leafHash);
const hashAt: HashAt = (level, index) => {
  let row = leaves;
  for (let l = 0; l < level; l++)
    row = row.reduce<Uint8Array[]>((acc, h, i) => {
      if (i % 2) acc.push(nodeHash(row[i - 1]!, h));
      return acc;
    }, []);
  return row[index]!;
};

function tree(size: number) {
  const b = new TreeBuilder();
  for (const h of leaves.slice(0, size)) b.append(h);
  return { size, root: b.root() };
}

function checkpointNote(size: number, signer = logSigner, origin = ORIGIN): string {
  return signNote(formatCheckpoint({ origin, size, root: tree(size).root, extensions: [] }), [signer]);
}

function input(over: Partial<AddCheckpointInput> & { oldSize: number; size: number; proof?: Uint8Array[] }): AddCheckpointInput {
  return {
    request: {
      oldSize: over.oldSize,
      proof: over.proof ?? consistencyProof(over.oldSize, over.size, hashAt),
      note: over.request?.note ?? checkpointNote(over.size),
    },
    logKeys: over.logKeys ?? [logKey.verifierKey],
    latest: 'latest' in over ? over.latest : over.oldSize === 0 ? undefined : tree(over.oldSize),
    witness,
    timestamp: 1_700_000_000,
  };
}

describe('add-checkpoint request body', () => {
  it('round-trips with a proof and with none', () => {
    const note = checkpointNote(13);
    const proof = consistencyProof(5, 13, hashAt);
    const body = formatAddCheckpointRequest({ oldSize: 5, proof, note });
    assert.match(body, /^old 5\n([A-Za-z0-9+/]{43}=\n){5}\n/);
    assert.deepEqual(parseAddCheckpointRequest(body), { oldSize: 5, proof, note });
    assert.equal(formatAddCheckpointRequest({ oldSize: 0, proof: [], note }), `old 0\n\n${note}`);
  });

  const note = checkpointNote(3);
  const hash = 'rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=';
  const malformed: Array<[string, string, RegExp]> = [
    ['no newline at all', 'old 0', /old <size>/],
    ['wrong first word', `new 0\n\n${note}`, /first line/],
    ['leading zero', `old 01\n\n${note}`, /leading zeros/],
    ['negative', `old -1\n\n${note}`, /decimal/],
    ['space padded', `old  1\n\n${note}`, /decimal/],
    ['not base64', `old 2\n!!!!\n\n${note}`, /line 1/],
    ['short hash', `old 2\nAAAA\n\n${note}`, /3 bytes/],
    ['no empty line', `old 2\n${hash}\n`, /no empty line/],
    ['two empty lines', `old 0\n\n\n${note}`, /more than one empty line/],
    ['missing checkpoint', 'old 0\n\n', /missing/],
    ['64 proof lines', `old 2\n${`${hash}\n`.repeat(64)}\n${note}`, /more than 63/],
  ];
  for (const [what, body, pattern] of malformed) {
    it(`refuses ${what}`, () =>
      assert.throws(
        () => parseAddCheckpointRequest(body),
        (e: Error) => e.name === 'WitnessRequestError' && pattern.test(e.message),
      ));
  }

  it('never throws anything but WitnessRequestError on mangled bodies', () => {
    const good = formatAddCheckpointRequest({ oldSize: 5, proof: consistencyProof(5, 13, hashAt), note: checkpointNote(13) });
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 500; i++) {
      const at = Math.floor(random() * good.length);
      const chars = ['\n', ' ', '0', 'x', '=', '', '—'];
      const mangled = good.slice(0, at) + chars[Math.floor(random() * chars.length)]! + good.slice(at + 1 + Math.floor(random() * 3));
      try {
        const req = parseAddCheckpointRequest(mangled);
        const outcome = decideAddCheckpoint({ ...input({ oldSize: 5, size: 13 }), request: req });
        assert.ok([200, 400, 403, 404, 409, 422].includes(outcome.status));
      } catch (e) {
        assert.equal((e as Error).name, 'WitnessRequestError', (e as Error).message);
      }
    }
  });
});

describe('the witness decision', () => {
  it('cosigns a first checkpoint (old 0, empty proof) with a cosignature that verifies', () => {
    const outcome = decideAddCheckpoint(input({ oldSize: 0, size: 7 }));
    assert.equal(outcome.status, 200);
    assert.ok(outcome.status === 200);
    const body = formatCheckpoint({ origin: ORIGIN, size: 7, root: tree(7).root, extensions: [] });
    assert.deepEqual(verifyCosignature(body, outcome.cosignature, witnessKey), { timestamp: 1_700_000_000 });
    assert.equal(outcome.persist.oldSize, 0);
    assert.equal(outcome.persist.size, 7);
  });

  it('cosigns growth proven by a real consistency proof', () => {
    for (const [from, to] of [
      [1, 2],
      [5, 13],
      [8, 40],
      [13, 13],
      [31, 33],
    ] as const) {
      assert.equal(decideAddCheckpoint(input({ oldSize: from, size: to })).status, 200, `${from} → ${to}`);
    }
  });

  it('answers 404 for a log it does not follow', () => {
    const outcome = decideAddCheckpoint(input({ oldSize: 0, size: 3, logKeys: [] }));
    assert.equal(outcome.status, 404);
  });

  it('answers 403 when no signature is by the trusted key, ignoring unknown keys', () => {
    const other = parseSignerKey(generateSignerKey(ORIGIN, new Uint8Array(32).fill(9)).signerKey);
    assert.equal(
      decideAddCheckpoint(input({ oldSize: 0, size: 3, request: { oldSize: 0, proof: [], note: checkpointNote(3, other) } })).status,
      403,
    );
    // A note carrying the log's signature and another key's is fine.
    const both = signNote(formatCheckpoint({ origin: ORIGIN, size: 3, root: tree(3).root, extensions: [] }), [other, logSigner]);
    assert.equal(decideAddCheckpoint(input({ oldSize: 0, size: 3, request: { oldSize: 0, proof: [], note: both } })).status, 200);
  });

  it('answers 400 when the old size is beyond the checkpoint', () => {
    const outcome = decideAddCheckpoint(input({ oldSize: 9, size: 5, proof: [], latest: tree(9) }));
    assert.equal(outcome.status, 400);
  });

  it('answers 409 with its own size when the old size is not the one it cosigned', () => {
    const outcome = decideAddCheckpoint(input({ oldSize: 3, size: 13, latest: tree(8) }));
    assert.equal(outcome.status, 409);
    assert.equal(outcome.status === 409 && outcome.latestSize, 8);
    const fresh = decideAddCheckpoint(input({ oldSize: 3, size: 13, latest: undefined }));
    assert.equal(fresh.status === 409 && fresh.latestSize, 0);
  });

  it('answers 422 for a proof that does not verify, and for a proof from 0', () => {
    const proof = consistencyProof(5, 13, hashAt);
    proof[0] = new Uint8Array(32);
    assert.equal(decideAddCheckpoint(input({ oldSize: 5, size: 13, proof })).status, 422);
    assert.equal(decideAddCheckpoint(input({ oldSize: 0, size: 13, proof: consistencyProof(5, 13, hashAt) })).status, 422);
  });

  it('refuses a fork: a different tree that claims to extend the cosigned one', () => {
    const forkLeaves = leaves.slice(0, 13).map((h, i) => (i === 2 ? leafHash(utf8('rewritten')) : h));
    const forked = new TreeBuilder();
    for (const h of forkLeaves) forked.append(h);
    const note = signNote(formatCheckpoint({ origin: ORIGIN, size: 13, root: forked.root(), extensions: [] }), [logSigner]);
    const outcome = decideAddCheckpoint(
      input({ oldSize: 5, size: 13, request: { oldSize: 5, proof: consistencyProof(5, 13, hashAt), note } }),
    );
    assert.equal(outcome.status, 422);
    const sameSize = decideAddCheckpoint(input({ oldSize: 13, size: 13, proof: [], request: { oldSize: 13, proof: [], note } }));
    assert.equal(sameSize.status, 409);
    assert.equal(sameSize.status === 409 && sameSize.latestSize, undefined);
  });
});

describe('cosignatures on a checkpoint', () => {
  it('are counted once per valid witness key, and verifyTiledLog can require them', async () => {
    const files = memoryLogFiles(entries.slice(0, 20), logKey.signerKey, ORIGIN);
    const note = Buffer.from(files.get('checkpoint')!).toString('utf8');
    const outcome = decideAddCheckpoint(input({ oldSize: 0, size: 20, request: { oldSize: 0, proof: [], note } }));
    assert.ok(outcome.status === 200);
    const stranger = parseSignerKey(generateSignerKey('stranger.example/w', new Uint8Array(32).fill(5)).signerKey);
    const strangerKey = witnessVerifierKey(stranger.name, verifierKeyParts(stranger.verifierKey).publicKey);
    const cosigned = addSignatures(note, [outcome.cosignature]);
    assert.equal(countCosignatures(cosigned, [witnessKey, witnessKey, strangerKey]), 1);
    assert.deepEqual(cosignaturesFrom(`${outcome.cosignature}\n— other.example/w AAAAAAAA\n`, note, witnessKey), [outcome.cosignature]);

    files.set('checkpoint', utf8(cosigned));
    const ok = await verifyTiledLog(mapSource(files), { verifierKey: logKey.verifierKey, witnesses: { keys: [witnessKey], required: 1 } });
    assert.equal(ok.entries, 20);
    await assert.rejects(
      verifyTiledLog(mapSource(files), { verifierKey: logKey.verifierKey, witnesses: { keys: [witnessKey, strangerKey], required: 2 } }),
      (e: unknown) =>
        e instanceof LogVerificationError &&
        e.code === 'witnesses' &&
        /1 valid witness cosignature from the 2 witness keys given, 2 required/.test(e.message),
    );
  });
});
