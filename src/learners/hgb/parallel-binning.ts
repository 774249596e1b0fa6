import type { Matrix } from '../../data/matrix.js';
import { type Executor, registerTask } from '../executor.js';
import {
  type BinMapper,
  binColumns,
  binMapperOf,
  binningSample,
  categoricalBins,
  fitBinMapper,
  numericColumns,
  numericThresholds,
} from './binning.js';

const THRESHOLDS = 'hgb.binThresholds';
const BIN_ROWS = 'hgb.binRows';

/** Training data smaller than this (rows × columns) is binned on the calling thread alone. */
const PARALLEL_BINNING = 1_000_000;

/** What a helper needs to find thresholds or bin rows: the data in shared memory. */
interface BinningPayload {
  readonly data: Float64Array;
  readonly nRows: number;
  readonly cols: number;
  readonly rows: Uint32Array;
}

interface ThresholdsPayload extends BinningPayload {
  readonly sample: Uint32Array;
  readonly columns: readonly number[];
  readonly maxBins: number;
}

interface BinRowsPayload extends BinningPayload {
  readonly mapper: BinMapper;
  readonly columnsOut: Uint8Array;
  readonly rowBinsOut: Uint8Array;
  readonly from: number;
  readonly to: number;
}

const matrixOf = (payload: BinningPayload): Matrix => ({
  data: payload.data,
  rows: payload.nRows,
  cols: payload.cols,
});

registerTask(THRESHOLDS, (payload: ThresholdsPayload) =>
  numericThresholds(matrixOf(payload), payload.sample, payload.columns, payload.maxBins),
);
registerTask(BIN_ROWS, (payload: BinRowsPayload) => {
  const { mapper, rows, columnsOut, rowBinsOut, from, to } = payload;
  binColumns(matrixOf(payload), mapper, rows, columnsOut, rowBinsOut, from, to);
  return null;
});

/**
 * fitBinMapper and binColumns of the training rows, with one helper thread of `executor` when
 * there is one and the data is large: the helper finds half of the numeric columns' thresholds,
 * then bins half of the rows, while this thread does the other halves. Every column's thresholds
 * and every row's bins are computed as on one thread: the result does not depend on the threads.
 * `columnsOut` and `rowBinsOut` must be shared memory when an executor is given.
 *
 * @example
 * const mapper = await binTrainingRows(X, isCategorical, options, rows, columns, rowBins, executor);
 */
export async function binTrainingRows(
  X: Matrix,
  isCategorical: Uint8Array,
  options: { readonly maxBins: number; readonly seed: number; readonly names: readonly string[] },
  rows: Uint32Array,
  columnsOut: Uint8Array,
  rowBinsOut: Uint8Array,
  executor: Executor | undefined,
): Promise<BinMapper> {
  if (executor === undefined || rows.length * X.cols < PARALLEL_BINNING) {
    const mapper = fitBinMapper(X, isCategorical, options, rows);
    binColumns(X, mapper, rows, columnsOut, rowBinsOut);
    return mapper;
  }
  const { maxBins } = options;
  const categorical = categoricalBins(X, isCategorical, options, rows);
  const numeric = numericColumns(isCategorical);
  const sample = binningSample(rows, options.seed);
  // The whole of X goes to shared memory (one copy per fit), for the helper to read.
  const shared: BinningPayload = {
    data: executor.share(X.data),
    nRows: X.rows,
    cols: X.cols,
    rows: executor.share(rows),
  };
  // The helper takes the second half of the numeric columns, this thread the first.
  const half = Math.ceil(numeric.length / 2);
  const helperThresholds = executor.run(THRESHOLDS, {
    ...shared,
    sample: executor.share(sample),
    columns: numeric.slice(half),
    maxBins,
  } satisfies ThresholdsPayload) as Promise<Float64Array[]>;
  const found = [
    ...numericThresholds(X, sample, numeric.slice(0, half), maxBins),
    ...(await helperThresholds),
  ];
  const mapper = binMapperOf(maxBins, isCategorical, categorical, numeric, found);
  const middle = Math.floor(rows.length / 2);
  const helperBins = executor.run(BIN_ROWS, {
    ...shared,
    mapper,
    columnsOut,
    rowBinsOut,
    from: middle,
    to: rows.length,
  } satisfies BinRowsPayload);
  binColumns(X, mapper, rows, columnsOut, rowBinsOut, 0, middle);
  await helperBins;
  return mapper;
}
