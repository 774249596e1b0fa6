import { StacklearnError } from '../errors.js';
import { restoreModel, toSavedModel } from '../learners/fit.js';
import type { Model, SavedModel } from '../learners/types.js';
import { crc32 } from './crc32.js';

/** The format name and the newest version this build reads and writes. */
export const modelFormat = 'stacklearn-model';
export const modelFormatVersion = 1;
const magic = Uint8Array.of(0x53, 0x4c, 0x4d, 0x0a); // "SLM\n"
const typedArrays = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof typedArrays;
type TypedArray = InstanceType<(typeof typedArrays)[TypedName]>;

/** The JSON header of a model file. */
export interface ModelEnvelope {
  readonly format: typeof modelFormat;
  readonly version: number;
  readonly createdWith: string;
  readonly createdAt: string;
  /** The saved model, with each typed array replaced by `{ $buffer: index }`. */
  readonly model: unknown;
  /** Type, byte offset (from the start of the data section) and length of each typed array. */
  readonly buffers: readonly { readonly type: TypedName; readonly offset: number; readonly length: number }[];
}

export interface EncodeModelOptions {
  /** Recorded in the file, e.g. "stacklearn 0.1.0". */
  readonly createdWith?: string;
  /** Recorded in the file (ISO time); fixed for byte-identical files from the same model. */
  readonly createdAt?: string;
}

/**
 * A model as the bytes of a model file: magic line, a JSON header (format, version, the model's
 * spec, schema and plain state) and the typed arrays raw, 8-byte aligned, then a CRC-32 of everything
 * before it. Same model and options → same bytes.
 *
 * @example
 * const bytes = encodeModel(model);
 * const again = decodeModel(bytes);
 */
export function encodeModel(model: Model, options: EncodeModelOptions = {}): Uint8Array {
  const buffers: TypedArray[] = [];
  const plain = extract(toSavedModel(model), buffers);
  let offset = 0;
  const layout = buffers.map((array) => {
    const entry = { type: array.constructor.name as TypedName, offset, length: array.length };
    offset += align8(array.byteLength);
    return entry;
  });
  const envelope: ModelEnvelope = {
    format: modelFormat,
    version: modelFormatVersion,
    createdWith: options.createdWith ?? 'stacklearn',
    createdAt: options.createdAt ?? new Date(0).toISOString(),
    model: plain,
    buffers: layout,
  };
  const header = new TextEncoder().encode(JSON.stringify(envelope));
  // magic, header length (u32), header, padding to 8, data, crc (u32)
  const dataStart = align8(magic.length + 4 + header.length);
  const total = dataStart + offset + 4;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(magic, 0);
  view.setUint32(magic.length, header.length, true);
  bytes.set(header, magic.length + 4);
  buffers.forEach((array, i) => {
    const source = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    bytes.set(source, dataStart + layout[i]!.offset);
  });
  view.setUint32(total - 4, crc32(bytes, 0, total - 4), true);
  return bytes;
}

/**
 * The model in the bytes of a model file. Refuses what is not a model file, a newer or unknown
 * version, a truncated or corrupt file, with a message saying which; evaluates no code from the file.
 *
 * @example
 * const model = decodeModel(await readFile('model.slm'));
 */
export function decodeModel(bytes: Uint8Array): Model {
  return restoreModel(decodeSaved(bytes));
}

/** The header of a model file (format, version, spec, schema) without building the model. */
export function readEnvelope(bytes: Uint8Array): ModelEnvelope {
  if (bytes.length < magic.length + 8 || magic.some((b, i) => bytes[i] !== b)) {
    throw new StacklearnError(
      'not a stacklearn model file (it does not start with the model-file signature)',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(magic.length, true);
  if (magic.length + 4 + headerLength + 4 > bytes.length) {
    throw new StacklearnError(
      `the model file is truncated: ${bytes.length} bytes, the header alone needs more`,
    );
  }
  let envelope: ModelEnvelope;
  try {
    envelope = JSON.parse(
      new TextDecoder().decode(bytes.subarray(magic.length + 4, magic.length + 4 + headerLength)),
    );
  } catch {
    throw new StacklearnError('the model file is corrupt: its header is not valid JSON');
  }
  if (envelope?.format !== modelFormat) {
    throw new StacklearnError(`not a stacklearn model file (format "${String(envelope?.format)}")`);
  }
  if (envelope.version !== modelFormatVersion) {
    throw new StacklearnError(
      `the model file has format version ${envelope.version}; this stacklearn reads version ${modelFormatVersion} ` +
        `(it was written by ${envelope.createdWith})`,
    );
  }
  const dataStart = align8(magic.length + 4 + headerLength);
  const last = envelope.buffers.at(-1);
  const dataLength = last ? last.offset + align8(last.length * typedArrays[last.type].BYTES_PER_ELEMENT) : 0;
  if (dataStart + dataLength + 4 !== bytes.length) {
    throw new StacklearnError(
      `the model file is truncated or has extra bytes: ${bytes.length} bytes, expected ${dataStart + dataLength + 4}`,
    );
  }
  const stored = view.getUint32(bytes.length - 4, true);
  if (crc32(bytes, 0, bytes.length - 4) !== stored) {
    throw new StacklearnError('the model file is corrupt: its checksum does not match its contents');
  }
  return envelope;
}

function decodeSaved(bytes: Uint8Array): SavedModel {
  const envelope = readEnvelope(bytes);
  const dataStart =
    bytes.byteOffset +
    align8(magic.length + 4 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(magic.length, true));
  const arrays = envelope.buffers.map(({ type, offset, length }) => {
    const Ctor = typedArrays[type];
    if (!Ctor) throw new StacklearnError(`the model file is corrupt: unknown array type "${type}"`);
    // Copy into a fresh, aligned buffer: the file's bytes may sit at any offset in memory.
    const start = dataStart + offset;
    const copy = bytes.buffer.slice(start, start + length * Ctor.BYTES_PER_ELEMENT) as ArrayBuffer;
    return new Ctor(copy);
  });
  return inject(envelope.model, arrays) as SavedModel;
}

function extract(value: unknown, buffers: TypedArray[]): unknown {
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    if (!(name in typedArrays)) throw new StacklearnError(`cannot store a ${name} in a model file`);
    buffers.push(value as TypedArray);
    return { $buffer: buffers.length - 1 };
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (Array.isArray(value)) return value.map((item) => extract(item, buffers));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      if (item !== undefined) out[key] = extract(item, buffers);
    return out;
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new StacklearnError(`cannot store a ${typeof value} in a model file`);
  }
  return value;
}

function inject(value: unknown, arrays: readonly TypedArray[]): unknown {
  if (Array.isArray(value)) return value.map((item) => inject(item, arrays));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$buffer === 'number') {
      const array = arrays[record.$buffer];
      if (!array) throw new StacklearnError(`the model file is corrupt: missing array #${record.$buffer}`);
      return array;
    }
    if (typeof record.$number === 'string') return Number(record.$number);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) out[key] = inject(item, arrays);
    return out;
  }
  return value;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
