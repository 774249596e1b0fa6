import { type Random, shuffleInPlace } from '../../random.js';
import { type KernelData, kernelAt } from './kernel.js';
import { type Sigmoid, sigmoidTrain } from './platt.js';
import { classificationQ } from './q-matrix.js';
import type { SolverSettings } from './shared-params.js';
import { solveSmo } from './smo.js';

/** One fitted two-class SVM over training rows: f(x) = Σ coef_k K(x_rows[k], x) − rho. */
export interface BinarySvc {
  /** y_k α_k per row of the problem (0 for rows that are not support vectors). */
  readonly coef: Float64Array;
  readonly rho: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * C-SVC on the training rows `rows` with labels ±1 and per-row bounds C (libsvm's solve_c_svc):
 * min ½ αᵀQα − Σα, yᵀα = 0, 0 ≤ α_k ≤ C_k.
 *
 * @example
 * const svc = fitBinarySvc(data, Int32Array.of(0, 1, 2, 3), Int8Array.of(1, 1, -1, -1), new Float64Array(4).fill(1), settings);
 */
export function fitBinarySvc(
  data: KernelData,
  rows: Int32Array,
  y: Int8Array,
  C: Float64Array,
  settings: SolverSettings,
): BinarySvc {
  const l = rows.length;
  const solution = solveSmo({
    Q: classificationQ(data, rows, y, settings.cacheBytes),
    p: new Float64Array(l).fill(-1),
    y,
    C,
    tol: settings.tol,
    shrinking: settings.shrinking,
    maxIter: settings.maxIter,
  });
  const coef = solution.alpha;
  for (let k = 0; k < l; k++) coef[k] = coef[k]! * y[k]!;
  return { coef, rho: solution.rho, iterations: solution.iterations, converged: solution.converged };
}

/** f(x_target) for a fitted binary SVM, x_target being a row of the training data. */
function decisionAt(data: KernelData, rows: Int32Array, svc: BinarySvc, target: number): number {
  let sum = -svc.rho;
  for (let k = 0; k < rows.length; k++) {
    const c = svc.coef[k]!;
    if (c !== 0) sum += c * kernelAt(data, rows[k]!, target);
  }
  return sum;
}

const FOLDS = 5;

/**
 * Platt's sigmoid for one binary problem, fitted on 5-fold cross-validated decision values (libsvm's
 * svm_binary_svc_probability; folds from `random`). Folds whose training part holds one class only
 * give that class's sign, as in libsvm.
 *
 * @example
 * const sigmoid = plattSigmoid(data, rows, y, C, settings, createRandom(seed));
 */
export function plattSigmoid(
  data: KernelData,
  rows: Int32Array,
  y: Int8Array,
  C: Float64Array,
  settings: SolverSettings,
  random: Random,
): Sigmoid {
  const l = rows.length;
  const perm = shuffleInPlace(
    Int32Array.from({ length: l }, (_, i) => i),
    random,
  );
  const decision = new Float64Array(l);
  for (let fold = 0; fold < FOLDS; fold++) {
    const begin = Math.floor((fold * l) / FOLDS);
    const end = Math.floor(((fold + 1) * l) / FOLDS);
    const m = l - (end - begin);
    const subRows = new Int32Array(m);
    const subY = new Int8Array(m);
    const subC = new Float64Array(m);
    let positives = 0;
    for (let t = 0, k = 0; t < l; t++) {
      if (t >= begin && t < end) continue;
      const i = perm[t]!;
      subRows[k] = rows[i]!;
      subY[k] = y[i]!;
      subC[k] = C[i]!;
      if (y[i]! > 0) positives++;
      k++;
    }
    const negatives = m - positives;
    if (positives === 0 || negatives === 0) {
      const value = positives > 0 ? 1 : negatives > 0 ? -1 : 0;
      for (let t = begin; t < end; t++) decision[perm[t]!] = value;
      continue;
    }
    const svc = fitBinarySvc(data, subRows, subY, subC, settings);
    for (let t = begin; t < end; t++) decision[perm[t]!] = decisionAt(data, subRows, svc, rows[perm[t]!]!);
  }
  return sigmoidTrain(decision, y);
}
