import type { Matrix } from '../../data/matrix.js';
import { sortPairs } from './sort-pairs.js';

/**
 * X prepared for growing trees: its columns one after the other (column j is
 * `columns[j·rows … (j+1)·rows)`) and, for the 'best' splitter, per column the row indices in
 * ascending order of value (`order`) and each row's rank (same layout). Made once and shared by
 * every tree of an ensemble (and, in shared memory, by every worker thread).
 */
export interface TreeColumns {
  readonly rows: number;
  readonly cols: number;
  readonly columns: Float64Array;
  readonly order?: Uint32Array;
  /** Per column, each row's dense rank among the column's distinct values (equal values, equal ranks). */
  readonly ranks?: Uint32Array;
  /** Bits needed for the largest rank. */
  readonly rankBits?: number;
}

/**
 * The column-major copy of X, with each column's sort order and ranks when `sorted` (what the
 * 'best' splitter sorts nodes with; the 'random' splitter needs none).
 *
 * @example
 * const prepared = prepareColumns(X, true);
 * prepared.columns[j * X.rows + i] === X.data[i * X.cols + j]; // true
 */
export function prepareColumns(X: Matrix, sorted: boolean): TreeColumns {
  const { rows, cols, data } = X;
  const columns = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) columns[j * rows + i] = data[o + j]!;
  }
  if (!sorted) return { rows, cols, columns };
  const order = new Uint32Array(rows * cols);
  const values = new Float64Array(rows);
  const indices = new Uint32Array(rows);
  for (let j = 0; j < cols; j++) {
    values.set(columns.subarray(j * rows, (j + 1) * rows));
    for (let i = 0; i < rows; i++) indices[i] = i;
    sortPairs(values, indices, 0, rows);
    order.set(indices, j * rows);
  }
  return withRanks({ rows, cols, columns, order });
}

/**
 * The prepared columns with their ranks (computed from the sort order when missing, e.g. after
 * the columns were reordered by hand).
 *
 * @example
 * const { ranks, rankBits } = withRanks({ rows, cols, columns, order });
 */
export function withRanks(prepared: TreeColumns): TreeColumns {
  if (prepared.ranks && prepared.rankBits !== undefined) return prepared;
  const { rows, cols, columns } = prepared;
  const order = prepared.order ?? prepareColumns(columnsAsRows(prepared), true).order!;
  const ranks = new Uint32Array(rows * cols);
  let maxRank = 0;
  for (let j = 0; j < cols; j++) {
    const base = j * rows;
    let rank = 0;
    for (let i = 0; i < rows; i++) {
      const r = order[base + i]!;
      if (i > 0 && columns[base + r]! > columns[base + order[base + i - 1]!]!) rank++;
      ranks[base + r] = rank;
    }
    maxRank = Math.max(maxRank, rank);
  }
  return { ...prepared, order, ranks, rankBits: Math.max(1, Math.ceil(Math.log2(maxRank + 1))) };
}

/** The row-major matrix of prepared columns. */
function columnsAsRows({ rows, cols, columns }: TreeColumns): Matrix {
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) data[i * cols + j] = columns[j * rows + i]!;
  return { rows, cols, data };
}
