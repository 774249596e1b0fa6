import type { Matrix } from '../data/matrix.js';
import { leastSquares } from '../learners/linear/least-squares.js';

/** Options of nnls. */
export interface NnlsOptions {
  /** Least-squares solves before giving up and returning the current feasible point; default 3 · cols + 30. */
  readonly maxIter?: number;
  /** Gradient entries up to this count as zero; default 10 · ε · ‖A‖₁ · max(rows, cols), as MATLAB's lsqnonneg. */
  readonly tol?: number;
}

/** The solution of a non-negative least-squares problem. */
export interface NnlsSolution {
  readonly x: Float64Array;
  /** ‖A·x − b‖. */
  readonly residualNorm: number;
}

/**
 * Non-negative least squares: the x ≥ 0 minimising ‖A·x − b‖, by Lawson and Hanson's active-set
 * method (Solving Least Squares Problems, 1974, ch. 23). Variables enter the passive set by largest
 * gradient; when an unconstrained solve on the passive set goes negative, the step is cut back to
 * the boundary and the variables that reach zero leave. A is row-major; neither input is modified.
 *
 * @example
 * nnls(matrix([[1, 0], [0, 1]]), Float64Array.of(2, -1)).x // [2, 0]
 */
export function nnls(A: Matrix, b: Float64Array, options: NnlsOptions = {}): NnlsSolution {
  const { rows, cols } = A;
  const tol = options.tol ?? 10 * Number.EPSILON * normOne(A) * Math.max(rows, cols);
  const maxIter = options.maxIter ?? 3 * cols + 30;
  const x = new Float64Array(cols);
  const passive = new Uint8Array(cols);
  let w = gradient(A, b, x);
  let solves = 0;
  outer: while (solves < maxIter) {
    let j = -1;
    for (let k = 0; k < cols; k++) if (!passive[k] && w[k]! > tol && (j < 0 || w[k]! > w[j]!)) j = k;
    if (j < 0) break;
    passive[j] = 1;
    let first = true;
    for (;;) {
      const z = solvePassive(A, b, passive);
      solves++;
      if (first && z[j]! <= 0) {
        // Rounding made the entering variable useless: skip it this round (Lawson–Hanson step 6).
        passive[j] = 0;
        w[j] = 0;
        continue outer;
      }
      first = false;
      let alpha = Number.POSITIVE_INFINITY;
      for (let k = 0; k < cols; k++) {
        if (passive[k] && z[k]! <= 0) alpha = Math.min(alpha, x[k]! / (x[k]! - z[k]!));
      }
      if (alpha === Number.POSITIVE_INFINITY) {
        x.set(z);
        break;
      }
      for (let k = 0; k < cols; k++) {
        x[k] = x[k]! + alpha * (z[k]! - x[k]!);
        if (passive[k] && x[k]! <= tol) {
          passive[k] = 0;
          x[k] = 0;
        }
      }
      if (solves >= maxIter) break outer;
    }
    w = gradient(A, b, x);
  }
  return { x, residualNorm: Math.sqrt(residualSquares(A, b, x)) };
}

/** The unconstrained least-squares solution on the passive columns, zero elsewhere. */
function solvePassive(A: Matrix, b: Float64Array, passive: Uint8Array): Float64Array {
  const { rows, cols } = A;
  const chosen: number[] = [];
  for (let k = 0; k < cols; k++) if (passive[k]) chosen.push(k);
  // leastSquares takes a column-major matrix.
  const sub = new Float64Array(rows * chosen.length);
  for (const [c, k] of chosen.entries()) {
    for (let i = 0; i < rows; i++) sub[c * rows + i] = A.data[i * cols + k]!;
  }
  const { x: solution } = leastSquares(sub, rows, chosen.length, b);
  const z = new Float64Array(cols);
  for (const [c, k] of chosen.entries()) z[k] = solution[c]!;
  return z;
}

/** Aᵀ·(b − A·x): minus half the gradient of the squared residual. */
function gradient(A: Matrix, b: Float64Array, x: Float64Array): Float64Array {
  const { rows, cols, data } = A;
  const w = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    let r = b[i]!;
    for (let k = 0; k < cols; k++) r -= data[i * cols + k]! * x[k]!;
    for (let k = 0; k < cols; k++) w[k] = w[k]! + data[i * cols + k]! * r;
  }
  return w;
}

function residualSquares(A: Matrix, b: Float64Array, x: Float64Array): number {
  const { rows, cols, data } = A;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    let r = b[i]!;
    for (let k = 0; k < cols; k++) r -= data[i * cols + k]! * x[k]!;
    sum += r * r;
  }
  return sum;
}

function normOne(A: Matrix): number {
  const sums = new Float64Array(A.cols);
  for (let i = 0; i < A.data.length; i++) sums[i % A.cols] = sums[i % A.cols]! + Math.abs(A.data[i]!);
  return sums.reduce((a, b) => Math.max(a, b), 0);
}
