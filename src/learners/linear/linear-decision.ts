import type { Matrix } from '../../data/matrix.js';

/**
 * The linear scores X·Wᵀ + b for k outputs: `coef` is k × cols, row-major (one row per output, as
 * scikit-learn's `coef_`), `intercept` has k entries. Returns rows × k values, row-major, written
 * into `out` when given (so that a caller can avoid a second allocation).
 *
 * @example
 * linearDecision(X, Float64Array.of(2, -1), Float64Array.of(0.5)) // 2·x₀ − x₁ + 0.5 per row
 */
export function linearDecision(
  X: Matrix,
  coef: Float64Array,
  intercept: Float64Array,
  out: Float64Array = new Float64Array(X.rows * intercept.length),
): Float64Array {
  const { rows, cols, data } = X;
  const k = intercept.length;
  for (let i = 0; i < rows; i++) {
    const x = i * cols;
    for (let c = 0; c < k; c++) {
      const w = c * cols;
      let s = intercept[c]!;
      for (let j = 0; j < cols; j++) s += coef[w + j]! * data[x + j]!;
      out[i * k + c] = s;
    }
  }
  return out;
}
