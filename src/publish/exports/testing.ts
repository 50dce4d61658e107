/** Test helpers for exports. */
import assert from 'node:assert/strict';

/** An RFC 4180 parser, written apart from the writer so a round trip checks both. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      assert.notEqual(c, '"', `stray quote at ${i}`);
      assert.notEqual(c, '\n', `bare LF line end at ${i}`);
      field += c;
      i++;
    }
  }
  assert.equal(quoted, false, 'unterminated quoted field');
  assert.equal(field, '', 'last line ends with CRLF');
  return rows;
}
