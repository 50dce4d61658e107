import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARMOR_BEGIN, ARMOR_END, ArmorError, armoredToReportInput, crc32, decodeArmoredReport, encodeArmoredReport } from './armor.ts';

const report = {
  deviceId: 'Qm9vLWJvby1ib28tYm9vLQ',
  what: 'Толпа у акимата, около 300 человек; слышны выстрелы.',
  when: '5 января, 14:00',
  where: 'Алматы, площадь Республики',
  howKnown: 'saw' as const,
};

test('a report survives the round trip, Cyrillic and all', () => {
  const block = encodeArmoredReport(report);
  assert.ok(block.startsWith(`${ARMOR_BEGIN}\n`) && block.endsWith(`\n${ARMOR_END}`));
  for (const line of block.split('\n')) assert.ok(line.length <= 64, `line longer than 64: ${line}`);
  assert.deepEqual(decodeArmoredReport(block), report);
});

test('the private part travels as it is', () => {
  const contactAge =
    '-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBhYmMK\n-----END AGE ENCRYPTED FILE-----\n';
  const back = decodeArmoredReport(encodeArmoredReport({ ...report, contactAge }));
  assert.equal(back.contactAge, contactAge);
  assert.deepEqual(armoredToReportInput(back), {
    what: report.what,
    when: report.when,
    where: report.where,
    howKnown: 'saw',
    contactAge,
    idempotencyKey: `device:${report.deviceId}`,
  });
});

test('the time it was written travels with it, so a block passed on a day later reads "this morning" right', () => {
  const writtenAt = '2022-01-05T03:12:00.000Z';
  const back = decodeArmoredReport(encodeArmoredReport({ ...report, writtenAt }));
  assert.equal(back.writtenAt, writtenAt);
  assert.equal(armoredToReportInput(back).writtenAt, writtenAt);
  assert.equal(decodeArmoredReport(encodeArmoredReport(report)).writtenAt, undefined);
});

test('what messengers do to text does not matter', () => {
  const block = encodeArmoredReport(report);
  const quoted = block
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  const nested = block
    .split('\n')
    .map((l) => `>> ${l}  `)
    .join('\r\n');
  const joined = `Forwarded from a friend:\n${block.replace(/\n/g, ' ')}\nthanks`;
  for (const variant of [quoted, nested, joined]) assert.deepEqual(decodeArmoredReport(variant), report);
  // Line breaks added inside the base64 (not inside the markers) are forgiven too.
  const body = block.slice(ARMOR_BEGIN.length, block.length - ARMOR_END.length);
  const broken = ARMOR_BEGIN + body.replace(/(.{7})/g, '$1\n ') + ARMOR_END;
  assert.deepEqual(decodeArmoredReport(broken), report);
});

test('a changed character anywhere in the body or checksum is caught', () => {
  const block = encodeArmoredReport(report);
  const lines = block.split('\n');
  let checked = 0;
  for (let li = 1; li < lines.length - 1; li++) {
    const line = lines[li]!;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (ch === '=') continue;
      const swapped = ch === 'A' ? 'B' : ch === '0' ? '1' : 'A';
      const copy = [...lines];
      copy[li] = line.slice(0, i) + swapped + line.slice(i + 1);
      assert.throws(() => decodeArmoredReport(copy.join('\n')), ArmorError, `change at line ${li} column ${i} went unnoticed`);
      checked++;
    }
  }
  assert.ok(checked > 100);
  // A lost line is caught as well.
  assert.throws(() => decodeArmoredReport([...lines.slice(0, 2), ...lines.slice(3)].join('\n')), ArmorError);
});

test('anything else is refused with a reason', () => {
  assert.throws(() => decodeArmoredReport('hello'), /no -----BEGIN CARAVAN REPORT-----/);
  assert.throws(() => decodeArmoredReport(`${ARMOR_BEGIN}\nabcd\n${ARMOR_END}`), /checksum line is missing/);
  const notJson = btoa('not json');
  assert.throws(() => decodeArmoredReport(`${ARMOR_BEGIN}\n${notJson}\n=${crc32(notJson)}\n${ARMOR_END}`), /cannot be read/);
  const wrap = (o: unknown) => {
    const b = btoa(JSON.stringify(o));
    return `${ARMOR_BEGIN}\n${b}\n=${crc32(b)}\n${ARMOR_END}`;
  };
  assert.throws(() => decodeArmoredReport(wrap({ v: 2, k: report.deviceId, w: 'x' })), /newer version/);
  assert.throws(() => decodeArmoredReport(wrap({ v: 1, k: 'short', w: 'x' })), /device key/);
  assert.throws(() => decodeArmoredReport(wrap({ v: 1, k: report.deviceId })), /no report text/);
  assert.throws(() => decodeArmoredReport(wrap({ v: 1, k: report.deviceId, w: 'x', h: 'guess' })), /how known/);
  assert.throws(() => decodeArmoredReport(wrap({ v: 1, k: report.deviceId, w: 'x', t: 5 })), /not text/);
});

test('crc32 matches the standard check value', () => {
  assert.equal(crc32('123456789'), 'cbf43926');
});
