import { check } from '../errors.js';

/** A dense row-major matrix of float64; NaN marks a missing value. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * A matrix over `data` (copied only when given as nested arrays).
 *
 * @example
 * const X = matrix([[1, 2], [3, 4]]);
 * X.data[1 * X.cols + 0]; // 3
 */
export function matrix(rows: readonly (readonly number[])[]): Matrix;
export function matrix(rows: number, cols: number, data?: Float64Array): Matrix;
export function matrix(
  rowsOrValues: number | readonly (readonly number[])[],
  cols?: number,
  data?: Float64Array,
): Matrix {
  if (typeof rowsOrValues === 'number') {
    const nCols = cols ?? 0;
    const values = data ?? new Float64Array(rowsOrValues * nCols);
    check(
      values.length === rowsOrValues * nCols,
      `matrix: data has ${values.length} values, expected rows × cols = ${rowsOrValues * nCols}`,
    );
    return { rows: rowsOrValues, cols: nCols, data: values };
  }
  const nRows = rowsOrValues.length;
  const nCols = nRows === 0 ? 0 : rowsOrValues[0]!.length;
  const values = new Float64Array(nRows * nCols);
  for (let i = 0; i < nRows; i++) {
    const row = rowsOrValues[i]!;
    check(row.length === nCols, `matrix: row ${i} has ${row.length} values, expected ${nCols}`);
    for (let j = 0; j < nCols; j++) values[i * nCols + j] = row[j]!;
  }
  return { rows: nRows, cols: nCols, data: values };
}

/** The rows of `X` at `indices`, in that order (a copy: learners that need views use the indices). */
export function takeRows(X: Matrix, indices: ArrayLike<number>): Matrix {
  const out = new Float64Array(indices.length * X.cols);
  for (let i = 0; i < indices.length; i++) {
    const start = indices[i]! * X.cols;
    out.set(X.data.subarray(start, start + X.cols), i * X.cols);
  }
  return { rows: indices.length, cols: X.cols, data: out };
}

/** Values of `values` at `indices` (same array type). */
export function takeValues<T extends Float64Array | Int32Array>(values: T, indices: ArrayLike<number>): T {
  const out = new (values.constructor as new (n: number) => T)(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]!]!;
  return out;
}

/** Column `j` of `X` as a new array. */
export function column(X: Matrix, j: number): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) out[i] = X.data[i * X.cols + j]!;
  return out;
}

/** The row indices 0 … n-1. */
export function range(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
