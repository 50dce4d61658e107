/**
 * RFC 8785 (JCS) canonical JSON of the public record: the exact bytes a log entry holds.
 * Serialization is the `canonicalize` package; before it runs, the value is checked so that
 * nothing is silently dropped or turned into null (which JSON.stringify would do for
 * undefined, functions and NaN): the entry must say exactly what the caller meant.
 */
import canonicalize from 'canonicalize';
import { utf8 } from './hash.ts';

export function canonicalJson(value: unknown): string {
  assertJsonValue(value, '$', new Set());
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalJson: the value has no JSON representation');
  return text;
}

/**
 * Whether `text`, which JSON.parse turned into `parsed`, is the canonical JSON of it. RFC 8785
 * writes numbers and strings exactly as JSON.stringify does, so when every object's keys are
 * already in UTF-16 order JSON.stringify (native, several times faster than `canonicalize`)
 * gives the canonical text; anything else (integer-like keys, which engines reorder) takes the
 * full comparison.
 */
export function isCanonicalText(text: string, parsed: unknown): boolean {
  if (keysInOrder(parsed)) return JSON.stringify(parsed) === text;
  return canonicalize(parsed) === text;
}

function keysInOrder(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysInOrder(item)) return false;
    return true;
  }
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!keysInOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The UTF-8 bytes of {@link canonicalJson}. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}

function assertJsonValue(value: unknown, path: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${path} is ${value}, which JSON cannot represent`);
      return;
    case 'undefined':
      throw new Error(`canonicalJson: ${path} is undefined (use null or leave the key out)`);
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new Error(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot represent`);
  }
  if (value === null) return;
  const object = value as object;
  if (seen.has(object)) throw new Error(`canonicalJson: ${path} refers back to itself`);
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    seen.add(object);
    assertJsonValue((object as { toJSON(): unknown }).toJSON(), path, seen);
    seen.delete(object);
    return;
  }
  seen.add(object);
  if (Array.isArray(object)) {
    for (const [i, item] of object.entries()) assertJsonValue(item, `${path}[${i}]`, seen);
  } else {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new Error(`canonicalJson: ${path} is a ${kind}, not a plain object`);
    }
    for (const [key, item] of Object.entries(object)) assertJsonValue(item, `${path}.${key}`, seen);
  }
  seen.delete(object);
}
