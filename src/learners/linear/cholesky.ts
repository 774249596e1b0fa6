/**
 * Factorises the symmetric positive definite n × n matrix `a` (row-major; only its lower triangle is
 * read) in place into L with A = L·Lᵀ, L in the lower triangle. Returns an estimate of the reciprocal
 * condition number, (min Lᵢᵢ / max Lᵢᵢ)², or 0 when A is not numerically positive definite — callers
 * fall back to an orthogonal method below their threshold.
 *
 * @example
 * const a = Float64Array.of(4, 2, 2, 3);
 * cholesky(a, 2); // a is now [2, 2, 1, √2] (lower triangle: L = [[2, 0], [1, √2]])
 */
export function cholesky(a: Float64Array, n: number): number {
  let smallest = Number.POSITIVE_INFINITY;
  let largest = 0;
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = a[rowJ + j]!;
    for (let k = 0; k < j; k++) d -= a[rowJ + k]! * a[rowJ + k]!;
    if (!(d > 0)) return 0;
    const ljj = Math.sqrt(d);
    a[rowJ + j] = ljj;
    smallest = Math.min(smallest, ljj);
    largest = Math.max(largest, ljj);
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j]!;
      for (let k = 0; k < j; k++) s -= a[rowI + k]! * a[rowJ + k]!;
      a[rowI + j] = s / ljj;
    }
  }
  return n === 0 ? 1 : (smallest / largest) ** 2;
}

/**
 * Solves A·x = b given the factor L from `cholesky` (forward then backward substitution); `b` is
 * overwritten with x and returned.
 *
 * @example
 * choleskySolve(l, 2, Float64Array.of(6, 5)) // x with A·x = [6, 5]
 */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  return b;
}
