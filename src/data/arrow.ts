import {
  CompressionType,
  compressionRegistry,
  type Data,
  type DataType,
  makeVector,
  type Table,
  Type,
  tableFromIPC,
} from 'apache-arrow';
import { decompressZstd } from 'hyparquet-compressors';
import { StacklearnError } from '../errors.js';
import { decodeArrowNumbers } from './arrow-numbers.js';
import {
  type ColumnarOptions,
  type ColumnDraft,
  finishDataset,
  pickColumns,
  textCoder,
} from './columnar-dataset.js';
import { listNames } from './columns.js';
import type { Dataset } from './dataset.js';
import { decodeLz4Frame } from './lz4-frame.js';

/**
 * A dataset from Arrow IPC bytes: the file format (`.arrow`, Feather v2 `.feather`) or the stream
 * format (`.arrows`, `.ipc`), uncompressed or with LZ4 / ZSTD buffers. Types map to kinds: integers,
 * floats, decimals and booleans (0/1) are numeric, and so are dates and timestamps (epoch
 * milliseconds, UTC; times of day and durations in milliseconds); strings and dictionary columns
 * are categorical with levels sorted as `sortLevels` does (only the levels that occur); nulls are NaN.
 * An int64 beyond ±2^53 and nested or binary columns are refused with an error naming the column
 * (`columns` can leave them out). `kinds` overrides as in CSV.
 *
 * @example
 * const dataset = parseArrow(await readFile('flights-200k.arrow'), { kinds: { distance: 'numeric' } });
 */
export function parseArrow(bytes: Uint8Array | ArrayBuffer, options: ColumnarOptions = {}): Dataset {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.length >= 4 && String.fromCharCode(...view.subarray(0, 4)) === 'FEA1') {
    throw new StacklearnError(
      'this is a Feather version 1 file, which cannot be read; save it again as Feather version 2 ' +
        '(pyarrow.feather.write_feather, or pandas DataFrame.to_feather with pyarrow ≥ 0.17)',
    );
  }
  registerCodecs();
  let table: Table;
  try {
    table = tableFromIPC(view);
  } catch (error) {
    throw new StacklearnError(`cannot read the Arrow IPC data: ${(error as Error).message}`);
  }
  const fields = table.schema.fields;
  if (fields.length === 0) {
    throw new StacklearnError('the Arrow IPC data has no columns (is it empty, or not Arrow?)');
  }
  const names = pickColumns(
    fields.map((f) => f.name),
    options,
    'Arrow',
  );
  const nRows = table.numRows;
  if (nRows === 0)
    throw new StacklearnError(`the Arrow data has columns (${listNames(names, 10)}) but no rows`);
  const drafts = names.map((name): ColumnDraft => {
    const index = fields.findIndex((f) => f.name === name);
    const chunks = table.getChildAt(index)!.data as readonly Data[];
    return decodeColumn(name, fields[index]!.type, chunks, nRows);
  });
  return finishDataset(drafts, nRows, options);
}

// apache-arrow decodes compressed buffers with codecs registered globally; ours fill gaps only.
function registerCodecs(): void {
  if (!compressionRegistry.get(CompressionType.ZSTD)) {
    compressionRegistry.set(CompressionType.ZSTD, { decode: (data) => decompressZstd(data) });
  }
  if (!compressionRegistry.get(CompressionType.LZ4_FRAME)) {
    compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: decodeLz4Frame });
  }
}

function decodeColumn(name: string, type: DataType, chunks: readonly Data[], nRows: number): ColumnDraft {
  const typeId = type.typeId;
  if (
    typeId === Type.Utf8 ||
    typeId === Type.LargeUtf8 ||
    typeId === Type.Utf8View ||
    typeId === Type.Dictionary
  ) {
    if (typeId === Type.Dictionary) checkDictionary(name, type);
    const codes = new Float64Array(nRows);
    const coder = textCoder();
    const dictionaries = new Map<object, Float64Array>();
    let start = 0;
    for (const data of chunks) {
      if (typeId === Type.Dictionary) writeDictionary(data, codes, start, coder.code, dictionaries);
      else writeText(data, codes, start, coder.code);
      markNulls(data, codes, start);
      start += data.length;
    }
    return { kind: 'categorical', name, codes, levels: coder.levels };
  }
  const decoded = decodeArrowNumbers(name, type, chunks, nRows);
  if (!decoded) {
    throw new StacklearnError(
      `column "${name}" has the Arrow type ${String(type)}, which cannot be a feature; supported are numbers, ` +
        'booleans, decimals, dates, timestamps, strings and dictionaries (leave the column out with options.columns)',
    );
  }
  let start = 0;
  for (const data of chunks) {
    markNulls(data, decoded.values, start);
    start += data.length;
  }
  return { kind: 'numeric', name, ...decoded };
}

function checkDictionary(name: string, type: DataType): void {
  const valueType = (type as DataType & { dictionary: DataType }).dictionary;
  const id = valueType.typeId;
  if (
    id !== Type.Utf8 &&
    id !== Type.LargeUtf8 &&
    id !== Type.Utf8View &&
    id !== Type.Int &&
    id !== Type.Float
  ) {
    throw new StacklearnError(
      `column "${name}" is a dictionary of ${String(valueType)}, which cannot be a feature; ` +
        'dictionaries of strings or numbers are read as categories',
    );
  }
}

const utf8 = new TextDecoder();

function writeText(data: Data, out: Float64Array, start: number, code: (text: string) => number): void {
  const { valueOffsets, values } = data as Data & {
    valueOffsets?: Int32Array | BigInt64Array;
    values: Uint8Array;
  };
  if (data.typeId === Type.Utf8View || !valueOffsets) {
    const vector = makeVector(data);
    for (let i = 0; i < data.length; i++) {
      const text = vector.get(i) as string | null;
      out[start + i] = text === null ? Number.NaN : code(text);
    }
    return;
  }
  for (let i = 0; i < data.length; i++) {
    const from = Number(valueOffsets[i]!);
    const to = Number(valueOffsets[i + 1]!);
    out[start + i] = code(utf8.decode(values.subarray(from, to)));
  }
}

/** Dictionary indices → codes; each dictionary (batches may share one) is decoded once. */
function writeDictionary(
  data: Data,
  out: Float64Array,
  start: number,
  code: (text: string) => number,
  dictionaryCodes: Map<object, Float64Array>,
): void {
  const dictionary = data.dictionary!;
  let codes = dictionaryCodes.get(dictionary);
  if (!codes) {
    codes = new Float64Array(dictionary.length);
    for (let k = 0; k < dictionary.length; k++) {
      const value = dictionary.get(k) as string | number | bigint | null;
      codes[k] = value === null ? Number.NaN : code(String(value));
    }
    dictionaryCodes.set(dictionary, codes);
  }
  const indices = data.values as Int32Array | BigInt64Array;
  for (let i = 0; i < data.length; i++) out[start + i] = codes[Number(indices[i]!)] ?? Number.NaN;
}

/** Sets NaN where the validity bitmap marks a null (bits count from data.offset). */
function markNulls(data: Data, out: Float64Array, start: number): void {
  if (data.typeId === Type.Null) {
    out.fill(Number.NaN, start, start + data.length);
    return;
  }
  if (data.nullCount === 0 || !data.nullBitmap || data.nullBitmap.length === 0) return;
  const bitmap = data.nullBitmap;
  const offset = data.offset;
  for (let i = 0; i < data.length; i++) {
    const bit = offset + i;
    if (((bitmap[bit >> 3]! >> (bit & 7)) & 1) === 0) out[start + i] = Number.NaN;
  }
}
