/**
 * Many rows into one table at once, as one `COPY … (format binary)`: PGlite parses every value
 * of an INSERT inside WebAssembly (a bytea in hex or base64 costs more than storing it) and a
 * server spends as long parsing a statement of many thousand parameters; binary rows are read
 * as they are, on both stores. PostgreSQL's binary COPY format:
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */

export type CopyType = 'bool' | 'int4' | 'float8' | 'text' | 'bytea' | 'timestamptz' | 'date';

export interface CopyColumn {
  name: string;
  type: CopyType;
}

/** One value per column, in the columns' order; null or undefined is NULL. */
export type CopyRow = readonly unknown[];

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkNames(table: string, columns: readonly CopyColumn[]): void {
  for (const name of [table, ...columns.map((c) => c.name)]) {
    if (!IDENTIFIER.test(name)) throw new TypeError(`not a plain SQL name: ${JSON.stringify(name)}`);
  }
  if (columns.length === 0) throw new TypeError('a copy needs at least one column');
}

/** PostgreSQL counts time from 2000-01-01 UTC; JavaScript from 1970. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

function instantMs(v: unknown, column: string): number {
  const ms = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  if (!Number.isFinite(ms)) throw new TypeError(`${column}: not a time: ${String(v)}`);
  return ms;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;

/** Date.UTC takes the years 0 to 99 for 1900 to 1999. */
const utcDay = (year: number, month: number, day: number) =>
  year >= 100 ? Date.UTC(year, month - 1, day) : new Date(0).setUTCFullYear(year, month - 1, day);

/** Microseconds as the two halves of a big-endian int64, without a BigInt per value. */
const TWO_32 = 2 ** 32;

/**
 * A growing buffer of its own, never a slice of Node's shared pool: the store's thread takes it
 * over. Integers go through a DataView (the engine writes those inline; Buffer's methods check
 * their arguments on every call), text is encoded once straight into place.
 */
class CopyWriter {
  buf = Buffer.from(new ArrayBuffer(1 << 16));
  view = new DataView(this.buf.buffer);
  at = 0;
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = Buffer.from(new ArrayBuffer(size));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  int16(v: number): void {
    this.room(2);
    this.view.setInt16(this.at, v);
    this.at += 2;
  }
  int32(v: number): void {
    this.room(4);
    this.view.setInt32(this.at, v);
    this.at += 4;
  }
  /** One field: its length, then its bytes. */
  field(type: CopyType, v: unknown, column: string): void {
    switch (type) {
      case 'bool':
        if (typeof v !== 'boolean') throw new TypeError(`${column}: not a boolean: ${String(v)}`);
        this.room(5);
        this.view.setInt32(this.at, 1);
        this.buf[this.at + 4] = v ? 1 : 0;
        this.at += 5;
        return;
      case 'int4':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < -2147483648 || v > 2147483647)
          throw new TypeError(`${column}: not an int4: ${String(v)}`);
        this.room(8);
        this.view.setInt32(this.at, 4);
        this.view.setInt32(this.at + 4, v);
        this.at += 8;
        return;
      case 'float8':
        if (typeof v !== 'number') throw new TypeError(`${column}: not a number: ${String(v)}`);
        this.room(12);
        this.view.setInt32(this.at, 8);
        this.view.setFloat64(this.at + 4, v);
        this.at += 12;
        return;
      case 'text': {
        if (typeof v !== 'string') throw new TypeError(`${column}: not a string: ${String(v)}`);
        // A UTF-16 unit never takes more than three bytes of UTF-8.
        this.room(4 + 3 * v.length);
        const n = this.buf.write(v, this.at + 4, 'utf8');
        this.view.setInt32(this.at, n);
        this.at += 4 + n;
        return;
      }
      case 'bytea':
        if (!(v instanceof Uint8Array)) throw new TypeError(`${column}: not bytes`);
        this.room(4 + v.length);
        this.view.setInt32(this.at, v.length);
        this.buf.set(v, this.at + 4);
        this.at += 4 + v.length;
        return;
      case 'timestamptz': {
        const us = Math.round((instantMs(v, column) - PG_EPOCH_MS) * 1000);
        const high = Math.floor(us / TWO_32);
        this.room(12);
        this.view.setInt32(this.at, 8);
        this.view.setInt32(this.at + 4, high);
        this.view.setUint32(this.at + 8, us - high * TWO_32);
        this.at += 12;
        return;
      }
      case 'date': {
        if (typeof v !== 'string' || !DATE_TEXT.test(v)) throw new TypeError(`${column}: not a YYYY-MM-DD date: ${String(v)}`);
        const year = Number(v.slice(0, 4));
        const month = Number(v.slice(5, 7));
        const day = Number(v.slice(8, 10));
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) throw new TypeError(`${column}: not a date: ${v}`);
        this.room(8);
        this.view.setInt32(this.at, 4);
        this.view.setInt32(this.at + 4, (utcDay(year, month, day) - PG_EPOCH_MS) / DAY_MS);
        this.at += 8;
        return;
      }
    }
  }
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * The rows in PostgreSQL's binary COPY format, in a buffer of their own that may be transferred.
 * Throws TypeError on a value its column cannot hold.
 */
export function binaryCopyData(columns: readonly CopyColumn[], rows: readonly CopyRow[]): Uint8Array<ArrayBuffer> {
  const w = new CopyWriter();
  w.room(SIGNATURE.length);
  w.at += SIGNATURE.copy(w.buf, 0);
  w.int32(0); // flags
  w.int32(0); // the header extension's length
  for (const row of rows) {
    if (row.length !== columns.length) throw new TypeError(`a row of ${row.length} values for ${columns.length} columns`);
    w.int16(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const v = row[i];
      if (v === null || v === undefined) w.int32(-1);
      else w.field(columns[i]!.type, v, columns[i]!.name);
    }
  }
  w.int16(-1);
  return new Uint8Array(w.buf.buffer, 0, w.at);
}

/**
 * The COPY statement that reads `binaryCopyData`: from a blob handed to PGlite with the
 * statement, or from the connection (`stdin`) on a server.
 */
export function copyStatement(table: string, columns: readonly CopyColumn[], from: 'blob' | 'stdin' = 'blob'): string {
  checkNames(table, columns);
  return `copy ${table} (${columns.map((c) => c.name).join(', ')}) from ${from === 'blob' ? "'/dev/blob'" : 'stdin'} with (format binary)`;
}
