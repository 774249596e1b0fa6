import type { Matrix } from '../../data/matrix.js';

/** The kernel families of libsvm (and scikit-learn's SVR / SVC). */
export type KernelName = 'linear' | 'poly' | 'rbf' | 'sigmoid';

/**
 * A kernel with every parameter resolved (gamma as a number): what a fitted SVM stores.
 * linear: ⟨a, b⟩; poly: (γ⟨a, b⟩ + coef0)^degree; rbf: exp(−γ‖a − b‖²); sigmoid: tanh(γ⟨a, b⟩ + coef0).
 *
 * @example
 * const k: Kernel = { kernel: 'rbf', gamma: 0.5, degree: 3, coef0: 0 };
 */
export interface Kernel {
  readonly kernel: KernelName;
  readonly gamma: number;
  readonly degree: number;
  readonly coef0: number;
}

/** Training rows seen through a kernel: the row-major values and, for rbf, each row's squared norm. */
export interface KernelData {
  readonly kernel: Kernel;
  readonly values: Float64Array;
  readonly cols: number;
  /** ‖x_r‖² per row (rbf only; empty otherwise). */
  readonly norms: Float64Array;
}

/**
 * gamma as scikit-learn resolves it: 'scale' is 1 / (nFeatures · Var(X)) over every value of the
 * training matrix (1 when that variance is 0), 'auto' is 1 / nFeatures, a number is itself.
 *
 * @example
 * resolveGamma('auto', X) // 1 / X.cols
 */
export function resolveGamma(gamma: 'scale' | 'auto' | number, X: Matrix): number {
  if (typeof gamma === 'number') return gamma;
  if (gamma === 'auto') return 1 / X.cols;
  const n = X.data.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += X.data[i]!;
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const d = X.data[i]! - mean;
    variance += d * d;
  }
  variance /= n;
  return variance === 0 ? 1 : 1 / (X.cols * variance);
}

/**
 * The kernel view of a matrix (squared row norms precomputed for rbf).
 *
 * @example
 * const data = kernelData({ kernel: 'rbf', gamma: 0.2, degree: 3, coef0: 0 }, X);
 */
export function kernelData(kernel: Kernel, X: Matrix): KernelData {
  return {
    kernel,
    values: X.data,
    cols: X.cols,
    norms: kernel.kernel === 'rbf' ? rowNorms(X.data, X.rows, X.cols) : new Float64Array(0),
  };
}

/**
 * ‖x_r‖² for each row of a row-major array.
 *
 * @example
 * rowNorms(Float64Array.of(1, 2, 3, 4), 2, 2) // Float64Array [5, 25]
 */
export function rowNorms(values: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    const start = r * cols;
    for (let c = 0; c < cols; c++) sum += values[start + c]! * values[start + c]!;
    out[r] = sum;
  }
  return out;
}

/**
 * out[t] = K(x_a, x_rows[t]) for t in [from, to): the inner loop of training (a kernel-row fill of the
 * cache).
 *
 * @example
 * kernelRow(data, 4, order, row, 0, activeSize) // row[t] = K(x_4, x_order[t])
 */
export function kernelRow(
  data: KernelData,
  a: number,
  rows: Int32Array,
  out: Float32Array,
  from: number,
  to: number,
): void {
  const { values, cols, norms } = data;
  const { kernel, gamma, degree, coef0 } = data.kernel;
  const aStart = a * cols;
  for (let t = from; t < to; t++) {
    const b = rows[t]!;
    const bStart = b * cols;
    let dot = 0;
    for (let c = 0; c < cols; c++) dot += values[aStart + c]! * values[bStart + c]!;
    out[t] = applyKernel(kernel, dot, gamma, degree, coef0, norms[a]!, norms[b]!);
  }
}

/**
 * K(x_a, x_b) for two rows of the training data.
 *
 * @example
 * kernelAt(data, 0, 0) // 1 for rbf
 */
export function kernelAt(data: KernelData, a: number, b: number): number {
  const { values, cols, norms } = data;
  const { kernel, gamma, degree, coef0 } = data.kernel;
  let dot = 0;
  for (let c = 0; c < cols; c++) dot += values[a * cols + c]! * values[b * cols + c]!;
  return applyKernel(kernel, dot, gamma, degree, coef0, norms[a]!, norms[b]!);
}

/**
 * out[s] = K(sv_s, x) for every support vector, x being row `row` of `X` (prediction's hot loop:
 * one pass over the support vectors, no allocation).
 *
 * @example
 * kernelValues(kernel, supportVectors, svNorms, X, row, values) // values[s] = K(sv_s, x_row)
 */
export function kernelValues(
  kernel: Kernel,
  supportVectors: Float64Array,
  svNorms: Float64Array,
  X: Matrix,
  row: number,
  out: Float64Array,
): void {
  const cols = X.cols;
  const x = X.data;
  const xStart = row * cols;
  const n = out.length;
  const { gamma, degree, coef0 } = kernel;
  let xNorm = 0;
  if (kernel.kernel === 'rbf') for (let c = 0; c < cols; c++) xNorm += x[xStart + c]! * x[xStart + c]!;
  for (let s = 0; s < n; s++) {
    const sStart = s * cols;
    let dot = 0;
    for (let c = 0; c < cols; c++) dot += supportVectors[sStart + c]! * x[xStart + c]!;
    out[s] = applyKernel(kernel.kernel, dot, gamma, degree, coef0, svNorms[s] ?? 0, xNorm);
  }
}

/** The kernel value from the dot product (and, for rbf, the two squared norms). */
function applyKernel(
  kernel: KernelName,
  dot: number,
  gamma: number,
  degree: number,
  coef0: number,
  normA: number,
  normB: number,
): number {
  switch (kernel) {
    case 'linear':
      return dot;
    case 'poly':
      return powInt(gamma * dot + coef0, degree);
    case 'rbf':
      return Math.exp(-gamma * (normA + normB - 2 * dot));
    case 'sigmoid':
      return Math.tanh(gamma * dot + coef0);
  }
}

/** base^times by squaring, as libsvm's powi (so poly kernels round as libsvm's do). */
function powInt(base: number, times: number): number {
  let result = 1;
  let power = base;
  for (let t = times; t > 0; t = Math.floor(t / 2)) {
    if (t % 2 === 1) result *= power;
    power *= power;
  }
  return result;
}
