/**
 * Generated requests for the route fuzz test: a seeded PRNG, values a hostile or broken client
 * sends (NUL bytes, lone surrogates, huge or wrong-typed values, bad JSON and multipart), and
 * the bodies each kind of route reads. Pure apart from the PRNG's state, so a seed replays.
 */
import { createHmac } from 'node:crypto';
import { encodeArmoredReport } from '../src/core/armor.ts';

/** mulberry32: small, fast and good enough to pick test cases; the seed replays a run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

/** Strings that have broken servers: what PostgreSQL refuses first, then everything else odd. */
export function nastyString(r: Rng, valid: string): string {
  // A NUL is what PostgreSQL refuses outright, so it comes up most.
  switch (r.chance(0.3) ? r.int(3) : r.int(16)) {
    case 0:
      return `${valid}\u0000`;
    case 1:
      return `a\u0000b`;
    case 2: {
      const at = r.int(valid.length + 1);
      return `${valid.slice(0, at)}\u0000${valid.slice(at)}`;
    }
    case 3:
      return `${valid}\ud800`;
    case 4:
      return '\udfff x';
    case 5:
      return 'x'.repeat(r.pick([300, 5001, 70_000]));
    case 6:
      return r.pick(['', ' ', '\n', '\t\r\n']);
    case 7:
      return r.pick(['-1', '0', '1e309', 'NaN', '99999999999999999999', '1.5', '0x10', '2147483648']);
    case 8:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${x} is one of the hostile strings
      return r.pick(['<script>alert(1)</script>', '"\'><', '${x}', '../../etc/passwd', '%00', '%', '\\', "'; drop table reports; --"]);
    case 9:
      return r.pick(['😀🏳️‍🌈', 'Алматы', 'العربية', '\u202eevil', '\ufeff', '\uffff', '\u0001\u001f\u007f']);
    case 10:
      return r.pick(['2022-01-05', '2022-13-45', '2022-01-05T14:00:00Z', '9999-12-31', '0000-00-00', '05.01 14:00']);
    case 11:
      return r.pick(['null', 'true', '[]', '{}', 'undefined', '__proto__', 'constructor']);
    default:
      return valid;
  }
}

/** A JSON value for a field: mostly a string, sometimes the wrong type altogether. */
export function nastyJsonValue(r: Rng, valid: unknown): unknown {
  switch (r.int(10)) {
    case 0:
      return r.pick([null, true, 0, -1, 1e308, 2 ** 53 + 1]);
    case 1:
      return r.pick([[], [valid], ['a\u0000'], [[[[[]]]]]]);
    case 2:
      return r.pick<Record<string, unknown>>([{}, { a: 'b' }, { 'k\u0000': 1 }, { toString: 'x' }]);
    default:
      return typeof valid === 'string' ? nastyString(r, valid) : valid;
  }
}

/** Mutates a few fields of a valid body; sometimes adds an unknown one, sometimes drops one. */
export function mutateFields(r: Rng, base: Record<string, string>): Record<string, string> {
  const out = { ...base };
  const keys = Object.keys(out);
  // Mostly one field at a time, so the others stay valid and the request gets deep.
  const n = r.chance(0.7) ? 1 : 2 + r.int(2);
  for (let i = 0; i < n && keys.length > 0; i++) {
    const k = r.pick(keys);
    out[k] = nastyString(r, out[k]!);
  }
  if (r.chance(0.1) && keys.length > 0) delete out[r.pick(keys)];
  if (r.chance(0.1)) out[r.pick(['x\u0000', 'extra', '\ud800', 'k'.repeat(5000)])] = nastyString(r, 'v');
  return out;
}

export function mutateJson(r: Rng, base: Record<string, unknown>): unknown {
  if (r.chance(0.05)) return r.pick([null, 'text', 42, [base]]);
  const out: Record<string, unknown> = { ...base };
  const keys = Object.keys(out);
  const n = r.chance(0.7) ? 1 : 2 + r.int(2);
  for (let i = 0; i < n && keys.length > 0; i++) {
    const k = r.pick(keys);
    const v = out[k];
    out[k] =
      v !== null && typeof v === 'object' && !Array.isArray(v) && r.chance(0.7)
        ? mutateJson(r, v as Record<string, unknown>)
        : nastyJsonValue(r, v);
  }
  if (r.chance(0.1)) out[r.pick(['x\u0000', 'extra', '\ud800'])] = 'v';
  return out;
}

/** application/x-www-form-urlencoded, with raw bytes sometimes instead of percent escapes. */
export function urlEncoded(r: Rng, fields: Record<string, string>): Uint8Array<ArrayBuffer> {
  const text = new URLSearchParams(fields).toString();
  if (r.chance(0.15)) {
    const raw = r.pick(['%FF%FE', '%C0%AF', '%ED%A0%80', '%', '%0', '&&&==', '\u0000']);
    return new Uint8Array(Buffer.from(`${text}&${raw}`));
  }
  return new Uint8Array(Buffer.from(text));
}

export interface MultipartFile {
  field: string;
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** multipart/form-data written by hand, so file names and headers can hold anything. */
export function multipart(r: Rng, fields: Record<string, string>, files: MultipartFile[]): { body: Uint8Array<ArrayBuffer>; type: string } {
  const boundary = `----fuzz${r.int(1e9)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
    );
    parts.push(Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  const broken = r.chance(0.15);
  if (!broken) parts.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(parts);
  const cut = broken && r.chance(0.5) ? body.subarray(0, r.int(body.length + 1)) : body;
  const type = broken && r.chance(0.3) ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`;
  return { body: new Uint8Array(cut), type };
}

/** A file name from an upload form: the kinds of names a phone or a hostile client sends. */
export function fileName(r: Rng, valid: string): string {
  return r.chance(0.5) ? valid : r.pick(['a\u0000b.jpg', '\ud800.jpg', '../../x.jpg', '', 'x'.repeat(3000), 'photo".jpg', 'ф.jpg']);
}

/** The smallest JPEG most decoders accept, and a few bytes that only claim to be one. */
export const TINY_JPEG = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9',
  'hex',
);

/** SMS Gateway for Android's signature over the raw body and the timestamp. */
export function gatewaySignature(secret: string, body: Uint8Array, timestamp: string): string {
  return createHmac('sha256', secret).update(body).update(timestamp).digest('hex');
}

/** A pasted armored block whose report holds the nasty text, or a block that was damaged on the way. */
export function armoredPaste(r: Rng): string {
  const block = encodeArmoredReport({
    deviceId: `fuzzDevice0000000000000000000${r.int(10)}`,
    what: nastyString(r, 'Crowd at the square'),
    where: nastyString(r, 'Almaty'),
    howKnown: 'saw',
  });
  if (r.chance(0.2)) return block.replace(/[A-Za-z]/, 'Q');
  return r.chance(0.2) ? `${block}\n${block}` : block;
}

/** An add-checkpoint body for a mirrored log, sometimes with a NUL, a control or a line gone. */
export function witnessBody(r: Rng, bodies: readonly string[], origin: string): Uint8Array<ArrayBuffer> {
  let text = r.pick(bodies);
  switch (r.int(6)) {
    case 0:
      text = text.replace(origin, `${origin}\u0000`);
      break;
    case 1: {
      const at = r.int(text.length);
      text = `${text.slice(0, at)}${r.pick(['\u0000', '\ud800', '\r', '\u0001', ' '])}${text.slice(at)}`;
      break;
    }
    case 2:
      text = text
        .split('\n')
        .filter(() => r.chance(0.8))
        .join('\n');
      break;
    case 3:
      return new Uint8Array(Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0xfe, 0x00])]));
    default:
  }
  return new Uint8Array(Buffer.from(text));
}

/** A Telegram export upload: one message or the whole result.json made hostile, with or without its photo. */
export function telegramUpload(r: Rng, exported: Record<string, unknown>, csrf: string) {
  const result = structuredClone(exported) as { messages: Record<string, unknown>[] } & Record<string, unknown>;
  const k = r.int(result.messages.length);
  result.messages[k] = mutateJson(r, result.messages[k]!) as Record<string, unknown>;
  const json = r.chance(0.8)
    ? JSON.stringify(r.chance(0.3) ? mutateJson(r, result) : result)
    : r.pick(['{', 'null', '[]', '{"messages":{}}']);
  const files = [{ field: 'result', name: fileName(r, 'result.json'), type: 'application/json', bytes: Buffer.from(json) }];
  if (r.chance(0.5))
    files.push({ field: 'media', name: fileName(r, 'photos/photo_1@05-01-2022_14-00-00.jpg'), type: 'image/jpeg', bytes: TINY_JPEG });
  return multipart(r, { _csrf: csrf, utc_offset: nastyString(r, '+06:00') }, files);
}
