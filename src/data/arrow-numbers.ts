// Arrow columns that read as numbers, decoded straight from their buffers (nulls are marked after).
import { type Data, DataType, DateUnit, Precision, TimeUnit } from 'apache-arrow';
import { booleanLabel, dateLabel, int64Error, maxSafeMagnitude, timestampLabel } from './columnar-dataset.js';

/** A numeric column, and how its values read as categories. */
export interface DecodedNumbers {
  readonly values: Float64Array;
  readonly label?: (value: number) => string;
}

/** Time units to milliseconds: multiply, or divide (x / 1000 is exact where x * 1e-3 may round off). */
const toMs: Record<TimeUnit, { multiply: number; divide: number }> = {
  [TimeUnit.SECOND]: { multiply: 1000, divide: 1 },
  [TimeUnit.MILLISECOND]: { multiply: 1, divide: 1 },
  [TimeUnit.MICROSECOND]: { multiply: 1, divide: 1e3 },
  [TimeUnit.NANOSECOND]: { multiply: 1, divide: 1e6 },
};

/**
 * The values of an Arrow column of numbers, booleans, decimals, dates, times, timestamps or durations
 * (dates and timestamps as epoch ms, times and durations as ms); undefined for other types.
 * Null slots are left as stored.
 *
 * @example
 * decodeArrowNumbers('x', table.schema.fields[0].type, table.getChildAt(0).data, table.numRows)
 */
export function decodeArrowNumbers(
  name: string,
  type: DataType,
  chunks: readonly Data[],
  nRows: number,
): DecodedNumbers | undefined {
  const values = new Float64Array(nRows);
  let fill: (data: Data, start: number) => void;
  let label: ((value: number) => string) | undefined;
  if (DataType.isNull(type)) fill = () => {};
  else if (DataType.isInt(type)) {
    fill =
      type.bitWidth < 64
        ? (data, start) => copyScaled(data.values, values, start, data.length, 1, 1)
        : (data, start) => copyInt64(data.values, values, start, data.length, 1, 1, !type.isSigned, name);
  } else if (DataType.isFloat(type)) {
    fill =
      type.precision === Precision.HALF
        ? (data, start) => copyHalfFloats(data.values, values, start, data.length)
        : (data, start) => copyScaled(data.values, values, start, data.length, 1, 1);
  } else if (DataType.isBool(type)) {
    fill = (data, start) => copyBits(data.values, data.offset, values, start, data.length);
    label = booleanLabel;
  } else if (DataType.isDecimal(type)) {
    const stride = type.bitWidth / 32;
    const divisor = 10 ** type.scale;
    fill = (data, start) => copyDecimals(data.values, stride, divisor, values, start, data.length);
  } else if (DataType.isDate(type)) {
    fill =
      type.unit === DateUnit.DAY
        ? (data, start) => copyScaled(data.values, values, start, data.length, 86_400_000, 1)
        : (data, start) => copyInt64(data.values, values, start, data.length, 1, 1, false);
    label = dateLabel;
  } else if (DataType.isTimestamp(type) || DataType.isTime(type) || DataType.isDuration(type)) {
    const { multiply, divide } = toMs[type.unit];
    const wide = !DataType.isTime(type) || type.bitWidth === 64;
    fill = wide
      ? (data, start) => copyInt64(data.values, values, start, data.length, multiply, divide, false)
      : (data, start) => copyScaled(data.values, values, start, data.length, multiply, divide);
    if (DataType.isTimestamp(type)) label = timestampLabel;
  } else return undefined;
  let start = 0;
  for (const data of chunks) {
    fill(data, start);
    start += data.length;
  }
  return label ? { values, label } : { values };
}

function copyScaled(
  source: ArrayLike<number>,
  out: Float64Array,
  start: number,
  n: number,
  multiply: number,
  divide: number,
) {
  if (multiply === 1 && divide === 1) {
    out.set((source as Float64Array).subarray(0, n), start);
    return;
  }
  for (let i = 0; i < n; i++) out[start + i] = (source[i]! * multiply) / divide;
}

/**
 * 64-bit integers as doubles from their two 32-bit halves (no BigInt per value). With `name`, a value
 * beyond ±2^53 is an error; without (timestamps in µs or ns), it is rounded, which costs < 1 µs.
 */
function copyInt64(
  source: BigInt64Array | BigUint64Array,
  out: Float64Array,
  start: number,
  n: number,
  multiply: number,
  divide: number,
  unsigned: boolean,
  name?: string,
) {
  const halves = new Int32Array(source.buffer, source.byteOffset, n * 2);
  const limit = maxSafeMagnitude / 2 ** 32;
  for (let i = 0; i < n; i++) {
    const low = halves[2 * i]! >>> 0;
    const high = unsigned ? halves[2 * i + 1]! >>> 0 : halves[2 * i + 1]!;
    if (name !== undefined && (high >= limit || high < -limit)) {
      const value = source[i]!;
      if (value > 2n ** 53n || value < -(2n ** 53n)) throw int64Error(name, start + i, value);
    }
    out[start + i] = ((high * 2 ** 32 + low) * multiply) / divide;
  }
}

function copyBits(bits: Uint8Array, offset: number, out: Float64Array, start: number, n: number) {
  for (let i = 0; i < n; i++) {
    const bit = offset + i;
    out[start + i] = (bits[bit >> 3]! >> (bit & 7)) & 1;
  }
}

/** Two's-complement little-endian words: the top word signed, the others unsigned. */
function copyDecimals(
  words: Uint32Array,
  stride: number,
  divisor: number,
  out: Float64Array,
  start: number,
  n: number,
) {
  for (let i = 0; i < n; i++) {
    const base = i * stride;
    let value = words[base + stride - 1]! | 0;
    for (let w = stride - 2; w >= 0; w--) value = value * 2 ** 32 + words[base + w]!;
    out[start + i] = value / divisor;
  }
}

function copyHalfFloats(halves: Uint16Array, out: Float64Array, start: number, n: number) {
  for (let i = 0; i < n; i++) {
    const h = halves[i]!;
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    out[start + i] =
      exponent === 0
        ? sign * 2 ** -14 * (fraction / 1024)
        : exponent === 31
          ? fraction
            ? Number.NaN
            : sign * Number.POSITIVE_INFINITY
          : sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
  }
}
