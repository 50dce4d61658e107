/**
 * Byte helpers shared by the log: SHA-256 and the strict encodings the formats use. No Node
 * modules (no Buffer), so the same code verifies in a browser.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

export const HASH_SIZE = 32;

export type Sha256 = (bytes: Uint8Array) => Uint8Array;

let sha256Implementation: Sha256 = nobleSha256;

export function sha256(bytes: Uint8Array): Uint8Array {
  return sha256Implementation(bytes);
}

/**
 * Replaces the pure-JavaScript SHA-256 for the whole process: a server hands in node:crypto's,
 * several times faster, which this folder may not import because it also runs in browsers.
 */
export function useSha256(implementation: Sha256): void {
  sha256Implementation = implementation;
}

const encoder = new TextEncoder();
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Decodes UTF-8, throwing on invalid sequences instead of substituting U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string {
  return strictDecoder.decode(bytes);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const HEX = '0123456789abcdef';
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b >> 4]! + HEX[b & 15]!;
  return out;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error(`not hexadecimal: "${hex.slice(0, 20)}"`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Standard base64 (RFC 4648 section 4) with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${B64[n >> 18]! + B64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]!}=`;
  }
  return out;
}

/**
 * Standard base64 with padding, strictly: only the 64 characters, length a multiple of four,
 * padding only at the end, and unused trailing bits zero, so every byte string has exactly
 * one accepted encoding (a flipped character can never decode to the same bytes).
 */
export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const values: number[] = [];
    for (let j = 0; j < 4; j++) {
      const c = text[i + j]!;
      if (c === '=' && last && j >= 4 - padding) {
        values.push(0);
        continue;
      }
      const v = B64_VALUE.get(c);
      if (v === undefined) throw new Error(`base64: invalid character ${JSON.stringify(c)} at ${i + j}`);
      values.push(v);
    }
    const n = (values[0]! << 18) | (values[1]! << 12) | (values[2]! << 6) | values[3]!;
    if (last && padding === 2 && (n & 0xffff) !== 0) throw new Error('base64: non-zero bits before padding');
    if (last && padding === 1 && (n & 0xff) !== 0) throw new Error('base64: non-zero bits before padding');
    out[at++] = n >> 16;
    if (at < out.length) out[at++] = (n >> 8) & 255;
    if (at < out.length) out[at++] = n & 255;
  }
  return out;
}
