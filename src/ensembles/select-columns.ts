import type { Matrix } from '../data/matrix.js';
import type { TrainingData } from '../learners/types.js';

/**
 * The columns of X at `columns`, in that order (repeats allowed).
 *
 * @example
 * selectColumns(matrix([[1, 2, 3]]), Uint32Array.of(2, 0)) // [[3, 1]]
 */
export function selectColumns(X: Matrix, columns: Uint32Array): Matrix {
  const width = columns.length;
  const out = new Float64Array(X.rows * width);
  for (let i = 0; i < X.rows; i++) {
    const from = i * X.cols;
    const to = i * width;
    for (let j = 0; j < width; j++) out[to + j] = X.data[from + columns[j]!]!;
  }
  return { rows: X.rows, cols: width, data: out };
}

/**
 * Training data restricted to some feature columns (the target and weights unchanged).
 *
 * @example
 * selectDataColumns(data, Uint32Array.of(0, 3)).features // [data.features[0], data.features[3]]
 */
export function selectDataColumns<T extends TrainingData>(data: T, columns: Uint32Array): T {
  const features = Array.from(columns, (j) => data.features[j]!);
  return { ...data, X: selectColumns(data.X, columns), features };
}
