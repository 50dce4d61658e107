import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from './errors.ts';
import { REPORT_LIMITS, normalizeReceiptCode, receiptCodeFromBytes, validateReportInput } from './report.ts';

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return err.problems.map((p) => p.field);
  }
  assert.fail('expected a ValidationError');
}

describe('validateReportInput', () => {
  it('keeps a report as typed, trimmed, with line breaks normalised', () => {
    const r = validateReportInput({ what: '  Crowd at the akimat\r\nabout 500 people ', when: 'now', where: 'Almaty', howKnown: 'saw' });
    assert.deepEqual(r, { what: 'Crowd at the akimat\nabout 500 people', when: 'now', where: 'Almaty', howKnown: 'saw' });
  });

  it('defaults how the reporter knows to "other" and drops empty optional fields', () => {
    assert.deepEqual(validateReportInput({ what: 'Shots', when: '', contact: '' }), { what: 'Shots', howKnown: 'other' });
  });

  it('requires what happened', () => {
    assert.deepEqual(
      fieldsOf(() => validateReportInput({})),
      ['what'],
    );
    assert.deepEqual(
      fieldsOf(() => validateReportInput({ what: '   ' })),
      ['what'],
    );
  });

  it('refuses text that is too long, saying how long it is', () => {
    try {
      validateReportInput({ what: 'x'.repeat(REPORT_LIMITS.what + 1) });
      assert.fail('accepted');
    } catch (err) {
      assert.ok(err instanceof ValidationError);
      assert.equal(err.problems[0]!.field, 'what');
      assert.match(err.problems[0]!.message, /5001/);
    }
    assert.ok(validateReportInput({ what: 'x'.repeat(REPORT_LIMITS.what) }));
  });

  it('refuses control characters but keeps tabs and newlines', () => {
    assert.deepEqual(
      fieldsOf(() => validateReportInput({ what: 'a\u0000b' })),
      ['what'],
    );
    assert.deepEqual(
      fieldsOf(() => validateReportInput({ what: 'ok', where: 'x\u001bY' })),
      ['where'],
    );
    assert.equal(validateReportInput({ what: 'a\tb\nc' }).what, 'a\tb\nc');
  });

  it('refuses unknown fields and unknown ways of knowing, all at once', () => {
    assert.deepEqual(
      fieldsOf(() => validateReportInput({ what: 3, ip: '1.2.3.4', howKnown: 'guessed' })),
      ['ip', 'what', 'howKnown'],
    );
    assert.deepEqual(validateReportInput({ what: 'x', lang: 'ru', idempotencyKey: 'k' }), { what: 'x', howKnown: 'other' });
  });

  it('keeps when a report was written on the device, and refuses a time it cannot read', () => {
    assert.equal(validateReportInput({ what: 'x', writtenAt: '2022-01-05T09:12:00+06:00' }).writtenAt, '2022-01-05T09:12:00+06:00');
    assert.equal(validateReportInput({ what: 'x', writtenAt: '2022-01-05T03:12:00.512Z' }).writtenAt, '2022-01-05T03:12:00.512Z');
    for (const bad of ['5 January', '2022-01-05', '2022-01-05T09:12', '2022-13-45T09:12:00Z', 1641352320000]) {
      assert.deepEqual(
        fieldsOf(() => validateReportInput({ what: 'x', writtenAt: bad })),
        ['writtenAt'],
        String(bad),
      );
    }
  });

  it('refuses a report that is not an object', () => {
    for (const bad of [null, 'text', [1]])
      assert.deepEqual(
        fieldsOf(() => validateReportInput(bad)),
        ['report'],
      );
  });
});

describe('receipt codes', () => {
  it('are three groups of four Crockford symbols', () => {
    const code = receiptCodeFromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(receiptCodeFromBytes(new Uint8Array(8)), '0000-0000-0000');
    assert.equal(receiptCodeFromBytes(new Uint8Array(8).fill(255)), 'ZZZZ-ZZZZ-ZZZZ');
  });

  it('differ for different bytes and need eight of them', () => {
    const a = receiptCodeFromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    // Only the top 60 of the 64 bits are used, so vary a byte that lands in them.
    const b = receiptCodeFromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7 ^ 1, 8]));
    const c = receiptCodeFromBytes(new Uint8Array([1 ^ 128, 2, 3, 4, 5, 6, 7, 8]));
    assert.equal(new Set([a, b, c]).size, 3);
    assert.throws(() => receiptCodeFromBytes(new Uint8Array(7)));
  });

  it('are read back forgiving case, O for 0, I and L for 1, spaces and dashes', () => {
    const code = receiptCodeFromBytes(new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2]));
    assert.equal(normalizeReceiptCode(code), code);
    assert.equal(normalizeReceiptCode(code.toLowerCase()), code);
    assert.equal(normalizeReceiptCode(code.replace(/-/g, ' ')), code);
    assert.equal(normalizeReceiptCode('o1lI-abcd-efgh'), '0111-ABCD-EFGH');
    assert.equal(normalizeReceiptCode(' 0000 0000 0000 '), '0000-0000-0000');
  });

  it('are refused with the wrong length or letters', () => {
    assert.equal(normalizeReceiptCode('0000-0000-000'), undefined);
    assert.equal(normalizeReceiptCode('0000-0000-00000'), undefined);
    assert.equal(normalizeReceiptCode('UUUU-0000-0000'), undefined);
    assert.equal(normalizeReceiptCode(''), undefined);
    assert.equal(normalizeReceiptCode(12), undefined);
    assert.equal(normalizeReceiptCode('0'.repeat(41)), undefined);
  });
});
