import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/errors.ts';
import { toPublicEvent } from '../core/public-event.ts';
import { sampleEventData } from '../core/testing.ts';
import { canonicalBytes } from './canonical.ts';
import { type LogEntry, LogEntryError, MAX_ENTRY_BYTES, decodeLogEntry, encodeLogEntry } from './entry.ts';

const at = '2022-01-06T14:00:00.000Z';
const record = toPublicEvent(7, 2, sampleEventData({ status: 'corroborated' }), at, '2022-01-05T20:00:00.000Z');
const publish: LogEntry = { v: 1, type: 'publish', event: 7, revision: 2, at, record, note: 'Death toll revised' };
const text = (e: unknown) => new TextEncoder().encode(typeof e === 'string' ? e : JSON.stringify(e));

describe('log entries', () => {
  it('encode as canonical JSON and decode back to the same entry', () => {
    const bytes = encodeLogEntry(publish);
    assert.deepEqual(bytes, canonicalBytes(publish));
    assert.ok(new TextDecoder().decode(bytes).startsWith('{"at":"2022-01-06T14:00:00.000Z","event":7,"note":'), 'keys sorted');
    assert.deepEqual(decodeLogEntry(bytes), publish);
    const unpublish: LogEntry = { v: 1, type: 'unpublish', event: 7, revision: 2, at };
    assert.deepEqual(decodeLogEntry(encodeLogEntry(unpublish)), unpublish);
  });

  it('carry a retraction as a publish whose record says why', () => {
    const retracted = toPublicEvent(7, 3, sampleEventData({ status: 'retracted', statusReason: 'The video was from 2019' }), at, at);
    const e: LogEntry = { v: 1, type: 'publish', event: 7, revision: 3, at, record: retracted, note: 'Retracted' };
    assert.equal(decodeLogEntry(encodeLogEntry(e)).record?.statusReason, 'The video was from 2019');
    const { statusReason: _, ...unexplained } = retracted;
    assert.throws(() => encodeLogEntry({ ...e, record: unexplained }), /retracted record must say why/);
  });

  it('refuse malformed entries, naming the problem', () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ ...publish, v: 2 }, /v must be 1/],
      [{ ...publish, type: 'delete' }, /type must be/],
      [{ ...publish, event: 0 }, /event must be a positive integer/],
      [{ ...publish, revision: 1.5 }, /revision must be a positive integer/],
      [{ ...publish, at: '6 January 2022' }, /at must be an ISO 8601 instant/],
      [{ ...publish, extra: true }, /unknown field "extra"/],
      [{ ...publish, record: undefined }, /needs its record/],
      [{ ...publish, record: { ...record, id: 8 } }, /record.id must equal event/],
      [{ v: 1, type: 'unpublish', event: 7, revision: 2, at, record }, /unpublish entry carries no record/],
      [{ ...publish, note: '' }, /note must be a non-empty string/],
    ];
    for (const [entry, message] of bad) {
      assert.throws(() => decodeLogEntry(text(JSON.parse(JSON.stringify(entry)))), message, JSON.stringify(entry).slice(0, 80));
      assert.throws(() => encodeLogEntry(entry as LogEntry), LogEntryError);
    }
    assert.throws(() => decodeLogEntry(text('[1,2]')), /must be a JSON object/);
    assert.throws(() => decodeLogEntry(text('{"v":1')), /not UTF-8 JSON/);
    assert.throws(() => decodeLogEntry(new Uint8Array([0x7b, 0xff, 0x7d])), /not UTF-8 JSON/);
  });

  it('accept only the canonical encoding', () => {
    const loose = JSON.stringify({ v: 1, type: 'unpublish', event: 7, revision: 2, at });
    assert.throws(() => decodeLogEntry(text(loose)), /not in RFC 8785 canonical form/);
    assert.throws(
      () => decodeLogEntry(text(` ${new TextDecoder().decode(encodeLogEntry({ v: 1, type: 'unpublish', event: 7, revision: 2, at }))}`)),
      /canonical/,
    );
    // A byte-order mark is a second encoding of the same text: refused, not stripped.
    const canonical = encodeLogEntry({ v: 1, type: 'unpublish', event: 7, revision: 2, at });
    assert.throws(() => decodeLogEntry(new Uint8Array([0xef, 0xbb, 0xbf, ...canonical])), LogEntryError);
    assert.equal(decodeLogEntry(canonical).event, 7);
  });

  it('are at most 65,535 bytes, the most a bundle’s length prefix can say', () => {
    const sized = (n: number): LogEntry => ({ ...publish, note: 'x'.repeat(n) });
    const base = encodeLogEntry(sized(1)).length - 1;
    assert.equal(encodeLogEntry(sized(MAX_ENTRY_BYTES - base)).length, MAX_ENTRY_BYTES);
    assert.throws(
      () => encodeLogEntry(sized(MAX_ENTRY_BYTES - base + 1)),
      (err: unknown) =>
        err instanceof ValidationError && /takes 65536 bytes and the log holds at most 65535/.test(err.problems[0]?.message ?? ''),
    );
    assert.throws(() => decodeLogEntry(new Uint8Array(MAX_ENTRY_BYTES + 1)), /at most 65535 fit/);
  });
});
