import { type ColumnData, parquetMetadata, parquetRead, parquetSchema, type SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { StacklearnError } from '../errors.js';
import {
  booleanLabel,
  type ColumnarOptions,
  type ColumnDraft,
  dateLabel,
  finishDataset,
  int64Error,
  maxSafeMagnitude,
  pickColumns,
  textCoder,
  timestampLabel,
} from './columnar-dataset.js';
import { listNames } from './columns.js';
import type { Dataset } from './dataset.js';

/** How one Parquet column turns into numbers: raw values are divided by `divide` (time units to ms). */
type Decoder =
  | { readonly kind: 'number'; readonly divide: number; readonly label?: (value: number) => string }
  | { readonly kind: 'int64' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'text' };

// hyparquet's default parsers build a Date per value; epoch milliseconds go straight into the column.
const parsers = {
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us) / 1e3,
  timestampFromNanoseconds: (ns: bigint) => Number(ns) / 1e6,
  dateFromDays: (days: number) => days * 86_400_000,
};

/**
 * A dataset from the bytes of a Parquet file (every codec: snappy, gzip, zstd, brotli, lz4). Types map
 * to kinds: integers, floats, decimals and booleans (0/1) are numeric, and so are dates and timestamps
 * (epoch milliseconds, UTC; times of day as milliseconds since midnight); text is categorical with
 * levels sorted as `sortLevels` does; nulls are NaN. An int64 beyond ±2^53 and nested or binary
 * columns are refused with an error naming the column (`columns` can leave them out). `kinds`
 * overrides as in CSV: a categorical date reads as '2001-01-31', a categorical boolean as 'true'.
 * Columns are decoded straight into Float64Arrays, one row group at a time.
 *
 * @example
 * const dataset = await parseParquet(await readFile('flights.parquet'), { columns: ['delay', 'origin'] });
 */
export async function parseParquet(
  bytes: Uint8Array | ArrayBuffer,
  options: ColumnarOptions = {},
): Promise<Dataset> {
  const file = toArrayBuffer(bytes);
  const metadata = attempt(() => parquetMetadata(file));
  const columns = parquetSchema(metadata).children;
  const names = pickColumns(
    columns.map((c) => c.element.name),
    options,
    'Parquet',
  );
  const nRows = Number(metadata.num_rows);
  if (nRows === 0)
    throw new StacklearnError(`the Parquet data has columns (${listNames(names, 10)}) but no rows`);
  const sinks = new Map(
    names.map((name) => {
      const decoder = decoderOf(columns.find((c) => c.element.name === name)!);
      return [name, { decoder, values: new Float64Array(nRows), coder: textCoder() }];
    }),
  );
  // hyparquet does not await onChunk, so an error thrown there would go unhandled: keep it for later.
  let failure: unknown;
  const onChunk = ({ columnName, columnData, rowStart }: ColumnData): void => {
    const sink = sinks.get(columnName)!;
    try {
      write(sink.decoder, columnName, columnData, sink.values, rowStart, sink.coder.code);
    } catch (error) {
      failure ??= error;
    }
  };
  // One row group at a time keeps hyparquet's intermediate arrays small (faster, less memory).
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    await attemptAsync(() =>
      parquetRead({ file, metadata, columns: names, rowStart, rowEnd, compressors, parsers, onChunk }),
    );
    if (failure) throw failure;
    rowStart = rowEnd;
  }
  const drafts = [...sinks].map(([name, { decoder, values, coder }]): ColumnDraft => {
    if (decoder.kind === 'text') return { kind: 'categorical', name, codes: values, levels: coder.levels };
    const label =
      decoder.kind === 'boolean' ? booleanLabel : decoder.kind === 'number' ? decoder.label : undefined;
    return label ? { kind: 'numeric', name, values, label } : { kind: 'numeric', name, values };
  });
  return finishDataset(drafts, nRows, options);
}

function toArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  const { buffer, byteOffset, byteLength } = bytes;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
}

function attempt<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new StacklearnError(`cannot read the Parquet data: ${(error as Error).message}`);
  }
}

async function attemptAsync(read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (error instanceof StacklearnError) throw error;
    throw new StacklearnError(`cannot read the Parquet data: ${(error as Error).message}`);
  }
}

const timeDivisor = { MILLIS: 1, MICROS: 1e3, NANOS: 1e6 } as const;

function decoderOf(column: SchemaTree): Decoder {
  const { element } = column;
  const logical = element.logical_type;
  const converted = element.converted_type;
  const annotation = logical?.type ?? converted;
  const unsupported = (type: string): never => {
    throw new StacklearnError(
      `column "${element.name}" has the Parquet type ${type}, which cannot be a feature; supported are numbers, ` +
        'booleans, decimals, dates, timestamps and text (leave the column out with options.columns)',
    );
  };
  if (column.children.length > 0) return unsupported(annotation ?? 'STRUCT');
  if (element.repetition_type === 'REPEATED') return unsupported(`repeated ${element.type}`);
  if (annotation === 'DECIMAL' || annotation === 'FLOAT16') return { kind: 'number', divide: 1 };
  if (annotation === 'DATE') return { kind: 'number', divide: 1, label: dateLabel };
  if (annotation === 'TIMESTAMP' || annotation === 'TIMESTAMP_MILLIS' || annotation === 'TIMESTAMP_MICROS') {
    return { kind: 'number', divide: 1, label: timestampLabel };
  }
  if (logical?.type === 'TIME') return { kind: 'number', divide: timeDivisor[logical.unit] };
  if (converted === 'TIME_MILLIS' || converted === 'TIME_MICROS') {
    return { kind: 'number', divide: converted === 'TIME_MILLIS' ? 1 : 1e3 };
  }
  switch (element.type) {
    case 'BOOLEAN':
      return { kind: 'boolean' };
    case 'INT32':
    case 'FLOAT':
    case 'DOUBLE':
      return { kind: 'number', divide: 1 };
    case 'INT64':
      return { kind: 'int64' };
    case 'INT96':
      return { kind: 'number', divide: 1, label: timestampLabel };
    case 'BYTE_ARRAY':
      if (
        annotation === undefined ||
        annotation === 'STRING' ||
        annotation === 'UTF8' ||
        annotation === 'ENUM'
      ) {
        return { kind: 'text' };
      }
      return unsupported(annotation);
    default:
      return unsupported(annotation ?? element.type ?? 'unknown');
  }
}

/** Writes one decoded chunk (a typed array, or an array with null for missing) into the column. */
function write(
  decoder: Decoder,
  name: string,
  data: ArrayLike<unknown>,
  out: Float64Array,
  start: number,
  code: (text: string) => number,
): void {
  const n = Math.min(data.length, out.length - start);
  switch (decoder.kind) {
    case 'number': {
      const divide = decoder.divide;
      if (
        divide === 1 &&
        ArrayBuffer.isView(data) &&
        !(data instanceof BigInt64Array || data instanceof BigUint64Array)
      ) {
        out.set((data as Float64Array).subarray(0, n), start);
        return;
      }
      for (let i = 0; i < n; i++) {
        const v = data[i] as number | bigint | null | undefined;
        out[start + i] = v === null || v === undefined ? Number.NaN : Number(v) / divide;
      }
      return;
    }
    case 'int64':
      for (let i = 0; i < n; i++) {
        const v = data[i] as bigint | null | undefined;
        if (v === null || v === undefined) {
          out[start + i] = Number.NaN;
          continue;
        }
        const x = Number(v);
        // The exact test runs only near the limit, where Number() may have rounded.
        if (!(Math.abs(x) < maxSafeMagnitude) && (v > 2n ** 53n || v < -(2n ** 53n))) {
          throw int64Error(name, start + i, v);
        }
        out[start + i] = x;
      }
      return;
    case 'boolean':
      for (let i = 0; i < n; i++) {
        const v = data[i] as boolean | null | undefined;
        out[start + i] = v === null || v === undefined ? Number.NaN : v ? 1 : 0;
      }
      return;
    case 'text':
      for (let i = 0; i < n; i++) {
        const v = data[i] as string | null | undefined;
        out[start + i] = v === null || v === undefined ? Number.NaN : code(v);
      }
      return;
  }
}
