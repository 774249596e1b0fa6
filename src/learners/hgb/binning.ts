import { type Matrix, range } from '../../data/matrix.js';
import { StacklearnError } from '../../errors.js';
import { createRandom } from '../../random.js';
import { binTables, numericBin } from './bin-tables.js';
import { sortFloat64 } from './radix-sort.js';

/** Thresholds are clipped here: +∞ is kept for the split "every non-missing value goes left". */
const ALMOST_INF = 1e300;

/** Rows sampled to find the quantile thresholds when there are more (scikit-learn's default). */
export const BINNING_SUBSAMPLE = 200_000;

/** Category codes a categorical column may hold (one bitset of 256 bits per split). */
export const MAX_CATEGORY_CODE = 255;

/**
 * How raw feature values map to bins: ≤ maxBins bins for non-missing values, and the bin `maxBins`
 * for missing values (NaN), for every feature.
 */
export interface BinMapper {
  /** Bins for non-missing values at most; the missing-value bin's index. */
  readonly maxBins: number;
  /** 1 for a categorical feature. */
  readonly isCategorical: Uint8Array;
  /**
   * Per feature. Numeric: the increasing upper bounds of the bins but the last (x goes to the first
   * bin whose bound is ≥ x). Categorical: the category codes seen in training, in bin order.
   */
  readonly thresholds: readonly Float64Array[];
  /** Per feature: the bins used by non-missing values. */
  readonly nBinsNonMissing: Int32Array;
}

/**
 * The bin thresholds of one numeric feature, as scikit-learn's `_find_binning_thresholds`: the
 * midpoints between distinct values when there are at most `maxBins` of them, otherwise the
 * (maxBins − 1) interior quantiles (NumPy's "midpoint" percentiles). `values` holds no NaN; it is
 * sorted in place.
 *
 * @example
 * findBinThresholds(Float64Array.of(3, 1, 2, 2), 255) // Float64Array [1.5, 2.5]
 */
export function findBinThresholds(values: Float64Array, maxBins: number): Float64Array {
  sortFloat64(values);
  const n = values.length;
  let nDistinct = n === 0 ? 0 : 1;
  for (let i = 1; i < n; i++) if (values[i] !== values[i - 1]) nDistinct++;
  let out: Float64Array;
  if (nDistinct <= maxBins) {
    out = new Float64Array(Math.max(0, nDistinct - 1));
    let k = 0;
    for (let i = 1; i < n; i++) {
      if (values[i] !== values[i - 1]) out[k++] = (values[i - 1]! + values[i]!) * 0.5;
    }
  } else {
    out = new Float64Array(maxBins - 1);
    const step = 100 / maxBins;
    for (let i = 1; i < maxBins; i++) out[i - 1] = midpointPercentile(values, (i * step) / 100);
  }
  for (let i = 0; i < out.length; i++) if (out[i]! > ALMOST_INF) out[i] = ALMOST_INF;
  return out;
}

/** NumPy's `percentile(sorted, 100 q, method="midpoint")`, operation for operation. */
function midpointPercentile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const position = (n - 1) * q;
  const index = 0.5 * (Math.floor(position) + Math.ceil(position));
  if (index >= n - 1) return sorted[n - 1]!;
  if (index < 0) return sorted[0]!;
  const below = Math.floor(index);
  const a = sorted[below]!;
  const b = sorted[below + 1]!;
  const diff = b - a;
  // NumPy's _lerp: gamma is 0 on a whole index, else 0.5 (interpolated from the upper end).
  return index % 1 === 0 ? a + diff * 0 : b - diff * 0.5;
}

/**
 * Learns the bins of every column of `X` (rows `rows`, default all): quantile thresholds for
 * numeric columns (found on a seeded sample of 200 000 rows when there are more), one bin per
 * category seen for categorical ones. Throws when a categorical column holds something other than
 * a level code 0 … 255, or more distinct categories than `maxBins`.
 *
 * @example
 * const mapper = fitBinMapper(X, Uint8Array.of(0, 1), { maxBins: 255, seed: 0, names: ['x', 'colour'] });
 */
export function fitBinMapper(
  X: Matrix,
  isCategorical: Uint8Array,
  options: { readonly maxBins: number; readonly seed: number; readonly names: readonly string[] },
  rows?: Uint32Array,
): BinMapper {
  const all = rows ?? range(X.rows);
  const categorical = categoricalBins(X, isCategorical, options, all);
  const numeric = numericColumns(isCategorical);
  const found = numericThresholds(X, binningSample(all, options.seed), numeric, options.maxBins);
  return binMapperOf(options.maxBins, isCategorical, categorical, numeric, found);
}

/**
 * The BinMapper of the categorical columns' bins (from categoricalBins) and the numeric columns'
 * thresholds, found[c] for column numeric[c].
 *
 * @example
 * const mapper = binMapperOf(255, isCategorical, categoricalBins(X, isCategorical, options, rows), numeric, found);
 */
export function binMapperOf(
  maxBins: number,
  isCategorical: Uint8Array,
  categorical: { thresholds: Float64Array[]; nBinsNonMissing: Int32Array },
  numeric: readonly number[],
  found: readonly Float64Array[],
): BinMapper {
  const { thresholds, nBinsNonMissing } = categorical;
  numeric.forEach((j, c) => {
    thresholds[j] = found[c]!;
    nBinsNonMissing[j] = found[c]!.length + 1;
  });
  return { maxBins, isCategorical, thresholds, nBinsNonMissing };
}

/**
 * The categorical columns' bins of fitBinMapper: their thresholds (category codes seen, checked)
 * and bin counts, with the numeric columns' left empty.
 *
 * @example
 * const { thresholds, nBinsNonMissing } = categoricalBins(X, isCategorical, options, rows);
 */
export function categoricalBins(
  X: Matrix,
  isCategorical: Uint8Array,
  options: { readonly maxBins: number; readonly names: readonly string[] },
  rows: Uint32Array,
): { thresholds: Float64Array[]; nBinsNonMissing: Int32Array } {
  const thresholds: Float64Array[] = new Array(X.cols);
  const nBinsNonMissing = new Int32Array(X.cols);
  for (let j = 0; j < X.cols; j++) {
    if (!isCategorical[j]) continue;
    thresholds[j] = categoriesOf(X, j, rows, options.names[j] ?? `column ${j}`, options.maxBins);
    nBinsNonMissing[j] = thresholds[j]!.length;
  }
  return { thresholds, nBinsNonMissing };
}

/**
 * The indices of the columns that are not categorical.
 *
 * @example
 * numericColumns(Uint8Array.of(0, 1, 0)) // [0, 2]
 */
export function numericColumns(isCategorical: Uint8Array): number[] {
  const out: number[] = [];
  for (let j = 0; j < isCategorical.length; j++) if (!isCategorical[j]) out.push(j);
  return out;
}

/**
 * The rows numeric thresholds are found on: `rows` itself up to BINNING_SUBSAMPLE of them, else a
 * seeded sample of that many; in ascending order, so that numericThresholds reads X (row-major)
 * front to back. The thresholds depend only on the sampled values, not on their order.
 *
 * @example
 * const sample = binningSample(trainRows, seed);
 */
export function binningSample(rows: Uint32Array, seed: number): Uint32Array {
  return ascending(rows.length > BINNING_SUBSAMPLE ? sampleRows(rows, BINNING_SUBSAMPLE, seed) : rows);
}

/**
 * `rows` in ascending order: itself when it already is, else a sorted copy — by marking the row
 * ids in a byte map and reading it back (branchless), or by the built-in sort when ids repeat.
 */
function ascending(rows: Uint32Array): Uint32Array {
  let max = 0;
  let sorted = true;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r < max) sorted = false;
    else max = r;
  }
  if (sorted) return rows;
  const marked = new Uint8Array(max + 1);
  for (let i = 0; i < rows.length; i++) marked[rows[i]!] = 1;
  // One spare slot: each id is written at the next free place, which advances past marked ones.
  const out = new Uint32Array(rows.length + 1);
  let k = 0;
  for (let r = 0; r <= max; r++) {
    out[k] = r;
    k += marked[r]!;
  }
  return k === rows.length ? out.subarray(0, k) : rows.slice().sort();
}

/**
 * findBinThresholds of the numeric columns `columns` of X over the sampled rows, in that order.
 * Columns are copied out a block at a time, reading the sampled rows in the sample's order (X is
 * row-major: binningSample's ascending order reads it front to back).
 *
 * @example
 * const [t0, t3] = numericThresholds(X, sample, [0, 3], 255);
 */
export function numericThresholds(
  X: Matrix,
  sample: Uint32Array,
  columns: readonly number[],
  maxBins: number,
): Float64Array[] {
  const out: Float64Array[] = [];
  const m = sample.length;
  const blockSize = Math.max(1, Math.min(columns.length, Math.floor(2_000_000 / Math.max(1, m))));
  const block = new Float64Array(blockSize * m);
  const counts = new Int32Array(blockSize);
  for (let first = 0; first < columns.length; first += blockSize) {
    const width = Math.min(blockSize, columns.length - first);
    counts.fill(0);
    for (let i = 0; i < m; i++) {
      const base = sample[i]! * X.cols;
      for (let c = 0; c < width; c++) {
        const v = X.data[base + columns[first + c]!]!;
        if (!Number.isNaN(v)) block[c * m + counts[c]!++] = v;
      }
    }
    for (let c = 0; c < width; c++)
      out.push(findBinThresholds(block.subarray(c * m, c * m + counts[c]!), maxBins));
  }
  return out;
}

/** The distinct category codes of column j, checked. */
function categoriesOf(X: Matrix, j: number, rows: Uint32Array, name: string, maxBins: number): Float64Array {
  const seen = new Uint8Array(MAX_CATEGORY_CODE + 1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const v = X.data[r * X.cols + j]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v) || v < 0 || v > MAX_CATEGORY_CODE) {
      throw new StacklearnError(
        `histGradientBoosting: categorical column "${name}" must hold level codes 0 … ${MAX_CATEGORY_CODE}; ` +
          `received ${v} at row ${r} (set categoricalFeatures: "none" to treat it as numeric)`,
      );
    }
    seen[v] = 1;
  }
  const codes: number[] = [];
  for (let c = 0; c <= MAX_CATEGORY_CODE; c++) if (seen[c]) codes.push(c);
  if (codes.length > maxBins) {
    throw new StacklearnError(
      `histGradientBoosting: categorical column "${name}" has ${codes.length} categories; ` +
        `at most maxBins = ${maxBins} are supported (raise maxBins or set categoricalFeatures: "none")`,
    );
  }
  return Float64Array.from(codes);
}

/**
 * The bins of rows `rows` (default all) of `X`, column-major: bins[j * nRows + i] is the bin of
 * row rows[i] in column j; NaN and categories unseen in training go to the missing-value bin.
 * With `rowMajorOut`, the same bins are also written there row-major (bins[i * nCols + j]). Only
 * the rows i = from … to-1 are binned (default all), so threads can share the work.
 *
 * @example
 * const binned = binColumns(X, mapper); // Uint8Array of X.rows × X.cols
 */
export function binColumns(
  X: Matrix,
  mapper: BinMapper,
  rows?: Uint32Array,
  out?: Uint8Array,
  rowMajorOut?: Uint8Array,
  from = 0,
  to = rows ? rows.length : X.rows,
): Uint8Array {
  const n = rows ? rows.length : X.rows;
  const { data, cols } = X;
  const bins = out ?? new Uint8Array(n * cols);
  const missingBin = mapper.maxBins;
  const tables = binTables(mapper);
  const { slots } = tables;
  // Rows outer, columns inner: X is read once, in order.
  for (let i = from; i < to; i++) {
    const base = (rows ? rows[i]! : i) * cols;
    for (let j = 0; j < cols; j++) {
      const x = data[base + j]!;
      // NaN fails every comparison: the missing bin on both paths.
      const bin = !mapper.isCategorical[j]
        ? numericBin(tables, j, x)
        : x >= 0 && x <= MAX_CATEGORY_CODE && Number.isInteger(x)
          ? slots[j * 256 + x]!
          : missingBin;
      bins[j * n + i] = bin;
      if (rowMajorOut) rowMajorOut[i * cols + j] = bin;
    }
  }
  return bins;
}

/** `size` distinct entries of `rows`, drawn with a seeded partial Fisher–Yates shuffle. */
function sampleRows(rows: Uint32Array, size: number, seed: number): Uint32Array {
  const random = createRandom(seed);
  const pool = rows.slice();
  for (let i = 0; i < size; i++) {
    const k = i + random.int(pool.length - i);
    const t = pool[i]!;
    pool[i] = pool[k]!;
    pool[k] = t;
  }
  return pool.subarray(0, size);
}
