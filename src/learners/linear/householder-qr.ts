/**
 * A Householder QR factorisation A·P = Q·R of an m × n matrix, stored compactly as LAPACK does:
 * R on and above the diagonal, each Householder vector below it (its leading 1 implied).
 */
export interface QrFactors {
  /** The factors, column-major (rows × cols). */
  readonly qr: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** The scalar of each reflector H = I − τ·v·vᵀ. */
  readonly tau: Float64Array;
  /** Column j of A·P is column perm[j] of A (the identity without pivoting). */
  readonly perm: Int32Array;
  /** Reflectors applied: the numerical rank with pivoting, min(rows, cols) without. */
  readonly rank: number;
}

const eps = 2 ** -52;

/**
 * Factorises the column-major m × n matrix `a` in place (it becomes the `qr` field). With `pivot`,
 * the column of largest remaining norm goes first (LAPACK's xGEQP3 with its norm downdating), and
 * the factorisation stops once that norm falls to `rcond` · |R₀₀|: the steps taken are the rank.
 *
 * @example
 * const { qr, rank } = householderQr(Float64Array.of(1, 1, 2, 2), 2, 2, { pivot: true }); // rank 1
 */
export function householderQr(
  a: Float64Array,
  rows: number,
  cols: number,
  options: { readonly pivot: boolean; readonly rcond?: number },
): QrFactors {
  const steps = Math.min(rows, cols);
  const tau = new Float64Array(steps);
  const perm = new Int32Array(cols);
  for (let j = 0; j < cols; j++) perm[j] = j;
  // Partial column norms (LAPACK's vn1) and the norms they were last recomputed at (vn2).
  const partial = new Float64Array(cols);
  const reference = new Float64Array(cols);
  if (options.pivot) {
    for (let j = 0; j < cols; j++) {
      partial[j] = columnNorm(a, rows, j, 0);
      reference[j] = partial[j]!;
    }
  }
  const rcond = options.rcond ?? eps * Math.max(rows, cols);
  let threshold = 0;
  let rank = steps;
  for (let k = 0; k < steps; k++) {
    if (options.pivot) {
      let best = k;
      for (let j = k + 1; j < cols; j++) if (partial[j]! > partial[best]!) best = j;
      if (best !== k) swapColumns(a, rows, k, best, perm, partial, reference);
      if (k === 0) threshold = rcond * partial[0]!;
      if (!(partial[k]! > threshold)) {
        rank = k;
        break;
      }
    }
    tau[k] = reflect(a, rows, k);
    applyReflector(a, rows, cols, k, tau[k]!);
    if (options.pivot) downdateNorms(a, rows, cols, k, partial, reference);
  }
  return { qr: a, rows, cols, tau, perm, rank };
}

/**
 * Overwrites `b` (length rows) with Qᵀ·b.
 *
 * @example
 * applyQt(factors, b); // b[0 … rank-1] now holds the coordinates of b in the column space
 */
export function applyQt(factors: QrFactors, b: Float64Array): void {
  for (let k = 0; k < factors.rank; k++) reflectVector(factors, k, b);
}

/**
 * Overwrites `b` (length rows) with Q·b.
 *
 * @example
 * applyQ(factors, u); // back from the QR basis to the original coordinates
 */
export function applyQ(factors: QrFactors, b: Float64Array): void {
  for (let k = factors.rank - 1; k >= 0; k--) reflectVector(factors, k, b);
}

/** Builds the reflector that zeroes column k below the diagonal; returns τ. */
function reflect(a: Float64Array, rows: number, k: number): number {
  const start = k * rows;
  const x0 = a[start + k]!;
  let sigma = 0;
  for (let i = k + 1; i < rows; i++) sigma += a[start + i]! * a[start + i]!;
  if (sigma === 0) return 0;
  const norm = Math.sqrt(x0 * x0 + sigma);
  const beta = x0 >= 0 ? -norm : norm;
  const scale = 1 / (x0 - beta);
  for (let i = k + 1; i < rows; i++) a[start + i]! *= scale;
  a[start + k] = beta;
  return (beta - x0) / beta;
}

/** Applies reflector k to the columns right of it. */
function applyReflector(a: Float64Array, rows: number, cols: number, k: number, t: number): void {
  if (t === 0) return;
  const v = k * rows;
  for (let j = k + 1; j < cols; j++) {
    const c = j * rows;
    let s = a[c + k]!;
    for (let i = k + 1; i < rows; i++) s += a[v + i]! * a[c + i]!;
    s *= t;
    a[c + k]! -= s;
    for (let i = k + 1; i < rows; i++) a[c + i]! -= s * a[v + i]!;
  }
}

function reflectVector(factors: QrFactors, k: number, b: Float64Array): void {
  const t = factors.tau[k]!;
  if (t === 0) return;
  const { qr, rows } = factors;
  const v = k * rows;
  let s = b[k]!;
  for (let i = k + 1; i < rows; i++) s += qr[v + i]! * b[i]!;
  s *= t;
  b[k]! -= s;
  for (let i = k + 1; i < rows; i++) b[i]! -= s * qr[v + i]!;
}

// The remaining norm of column j shrinks by the entry just moved into row k; recompute it from
// scratch when cancellation has eaten most of its digits (LAPACK's tol3z test).
function downdateNorms(
  a: Float64Array,
  rows: number,
  cols: number,
  k: number,
  partial: Float64Array,
  reference: Float64Array,
): void {
  for (let j = k + 1; j < cols; j++) {
    if (partial[j] === 0) continue;
    const ratio = Math.abs(a[j * rows + k]!) / partial[j]!;
    const left = Math.max(0, 1 - ratio * ratio);
    const drift = left * (partial[j]! / reference[j]!) ** 2;
    if (drift <= Math.sqrt(eps)) {
      partial[j] = columnNorm(a, rows, j, k + 1);
      reference[j] = partial[j]!;
    } else {
      partial[j]! *= Math.sqrt(left);
    }
  }
}

function columnNorm(a: Float64Array, rows: number, j: number, from: number): number {
  // Scaled to avoid overflow / underflow in the squares.
  let scale = 0;
  for (let i = from; i < rows; i++) scale = Math.max(scale, Math.abs(a[j * rows + i]!));
  if (scale === 0) return 0;
  let sum = 0;
  for (let i = from; i < rows; i++) {
    const v = a[j * rows + i]! / scale;
    sum += v * v;
  }
  return scale * Math.sqrt(sum);
}

function swapColumns(
  a: Float64Array,
  rows: number,
  j: number,
  k: number,
  perm: Int32Array,
  partial: Float64Array,
  reference: Float64Array,
): void {
  for (let i = 0; i < rows; i++) {
    const t = a[j * rows + i]!;
    a[j * rows + i] = a[k * rows + i]!;
    a[k * rows + i] = t;
  }
  for (const v of [perm, partial, reference]) {
    const t = v[j]!;
    v[j] = v[k]!;
    v[k] = t;
  }
}
