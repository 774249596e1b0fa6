import { applyQ, applyQt, householderQr } from './householder-qr.js';

/** The minimum-norm least-squares solution and the numerical rank it was found at. */
export interface LeastSquaresSolution {
  readonly x: Float64Array;
  readonly rank: number;
}

/**
 * The x of smallest norm among those minimising ‖A·x − b‖, for a column-major m × n matrix A of
 * any shape and rank: what LAPACK's xGELSY (and, up to the rank cut-off, scipy's lstsq) returns.
 * A complete orthogonal decomposition: a pivoted QR reveals the rank r; when r < n the r × n
 * trapezoid [R₁₁ R₁₂] is factorised again (a QR of its transpose) to find the shortest solution.
 * Columns whose remaining norm is below `rcond` · |R₀₀| count as dependent (default eps · max(m, n)).
 * `a` and `b` are not modified.
 *
 * @example
 * // two identical columns share the weight equally
 * leastSquares(Float64Array.of(1, 1, 1, 1), 2, 2, Float64Array.of(2, 2)).x // [1, 1]
 */
export function leastSquares(
  a: Float64Array,
  rows: number,
  cols: number,
  b: Float64Array,
  rcond?: number,
): LeastSquaresSolution {
  const factors = householderQr(a.slice(), rows, cols, { pivot: true, rcond });
  const { qr, perm, rank } = factors;
  const c = b.slice();
  applyQt(factors, c);
  const z = new Float64Array(cols);
  if (rank === cols) {
    // Full column rank: back substitution with R, a column at a time.
    const rhs = c.subarray(0, cols);
    for (let j = cols - 1; j >= 0; j--) {
      const zj = rhs[j]! / qr[j * rows + j]!;
      z[j] = zj;
      for (let i = 0; i < j; i++) rhs[i]! -= qr[j * rows + i]! * zj;
    }
  } else if (rank > 0) {
    minimumNormSolve(qr, rows, cols, rank, c, z);
  }
  const x = new Float64Array(cols);
  for (let j = 0; j < cols; j++) x[perm[j]!] = z[j]!;
  return { x, rank };
}

/**
 * Solves [R₁₁ R₁₂]·z = c (r equations, n unknowns) for the shortest z: with Mᵀ = Q₂·R₂,
 * M·z = R₂ᵀ·(Q₂ᵀ·z), so u = Q₂ᵀ·z solves R₂ᵀ·u = c in its first r entries and is zero after them.
 */
function minimumNormSolve(
  qr: Float64Array,
  rows: number,
  cols: number,
  rank: number,
  c: Float64Array,
  z: Float64Array,
): void {
  // Column i of the transpose (cols × rank, column-major) is row i of the trapezoid.
  const transposed = new Float64Array(cols * rank);
  for (let i = 0; i < rank; i++) {
    for (let j = i; j < cols; j++) transposed[i * cols + j] = qr[j * rows + i]!;
  }
  const second = householderQr(transposed, cols, rank, { pivot: false });
  const r2 = second.qr;
  // Forward substitution with R₂ᵀ (lower triangular): column i of R₂ holds row i of R₂ᵀ.
  for (let i = 0; i < rank; i++) {
    let s = c[i]!;
    for (let j = 0; j < i; j++) s -= r2[i * cols + j]! * z[j]!;
    z[i] = s / r2[i * cols + i]!;
  }
  applyQ(second, z);
}
