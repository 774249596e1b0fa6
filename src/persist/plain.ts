import { StacklearnError } from '../errors.js';

type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Uint16Array
  | Uint8Array
  | Int8Array
  | Int16Array;

const constructors = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint16Array,
  Uint8Array,
  Int8Array,
  Int16Array,
} as const;
type TypedName = keyof typeof constructors;

/**
 * Turns a model state (plain objects, arrays, numbers, strings, typed arrays) into JSON-safe data:
 * typed arrays become `{ $typed, base64 }`, exact to the bit; non-finite numbers become strings.
 *
 * @example
 * JSON.stringify(toPlain({ w: Float64Array.of(1, 2) }))
 */
export function toPlain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name as TypedName;
    if (!(name in constructors)) throw new StacklearnError(`toPlain: cannot store a ${name}`);
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $typed: name, base64: bytesToBase64(bytes) };
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toPlain(item);
    return out;
  }
  if (typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') {
    throw new StacklearnError(`toPlain: cannot store a ${typeof value}`);
  }
  return value;
}

/** The inverse of toPlain. Never evaluates anything: only data comes back. */
export function fromPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$typed === 'string') {
      const name = record.$typed as TypedName;
      const Ctor = constructors[name];
      if (!Ctor || typeof record.base64 !== 'string')
        throw new StacklearnError(`fromPlain: bad typed array "${name}"`);
      const bytes = base64ToBytes(record.base64);
      if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) {
        throw new StacklearnError(
          `fromPlain: ${name} data has ${bytes.byteLength} bytes, not a whole number of values`,
        );
      }
      return new Ctor(
        bytes.buffer as ArrayBuffer,
        bytes.byteOffset,
        bytes.byteLength / Ctor.BYTES_PER_ELEMENT,
      ) as TypedArray;
    }
    if (typeof record.$number === 'string') return Number(record.$number);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) out[key] = fromPlain(item);
    return out;
  }
  return value;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lookup = new Int16Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;

function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const n = (a << 16) | (b << 8) | c;
    chunk += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    chunk += i + 1 < bytes.length ? alphabet[(n >> 6) & 63]! : '=';
    chunk += i + 2 < bytes.length ? alphabet[n & 63]! : '=';
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const digit = code < 128 ? lookup[code]! : -1;
    if (digit < 0) throw new StacklearnError(`fromPlain: invalid base64 character at position ${i}`);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
