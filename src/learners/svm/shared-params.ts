import { StacklearnError } from '../../errors.js';
import type { ParamTable } from '../params.js';
import { types } from '../params.js';
import type { TrainingData } from '../types.js';
import type { KernelName } from './kernel.js';

/** The parameters SVR and SVC share (scikit-learn's names, camelCase). */
export interface SvmParams {
  readonly kernel: KernelName;
  readonly C: number;
  readonly gamma: 'scale' | 'auto' | number;
  readonly degree: number;
  readonly coef0: number;
  readonly tol: number;
  readonly maxIter: number | null;
  readonly shrinking: boolean;
  readonly cacheSize: number;
}

/**
 * Their declarations, spread into each learner's table.
 *
 * @example
 * const params: ParamTable<SvrParams> = { ...svmParams, epsilon: { ... } };
 */
export const svmParams: ParamTable<SvmParams> = {
  kernel: {
    type: types.oneOf('linear', 'poly', 'rbf', 'sigmoid'),
    default: 'rbf',
    doc: 'kernel: "linear" ⟨a,b⟩, "poly" (gamma⟨a,b⟩ + coef0)^degree, "rbf" exp(-gamma‖a-b‖²), "sigmoid" tanh(gamma⟨a,b⟩ + coef0)',
  },
  C: {
    type: types.positive(),
    default: 1,
    doc: 'regularisation: the penalty on margin violations (larger fits closer)',
  },
  gamma: {
    type: types.anyOf(types.oneOf('scale', 'auto'), types.positive()),
    default: 'scale',
    doc: 'kernel coefficient for rbf, poly and sigmoid: "scale" = 1 / (nFeatures · variance of X), "auto" = 1 / nFeatures, or a number > 0',
  },
  degree: { type: types.int(1), default: 3, doc: 'degree of the poly kernel' },
  coef0: { type: types.number(), default: 0, doc: 'constant term of the poly and sigmoid kernels' },
  tol: {
    type: types.positive(),
    default: 1e-3,
    doc: 'stopping tolerance of the solver (maximal KKT violation)',
  },
  maxIter: {
    type: types.nullable(types.int(1)),
    default: null,
    doc: 'iteration limit of the solver (null: none); a fit stopped early records converged: false',
  },
  shrinking: {
    type: types.bool(),
    default: true,
    doc: 'shrink the active set of the solver (faster, same result)',
  },
  cacheSize: { type: types.positive(), default: 200, doc: 'kernel cache size in MB' },
};

/** What the solver needs besides the problem. */
export interface SolverSettings {
  readonly tol: number;
  readonly shrinking: boolean;
  readonly maxIter: number | null;
  readonly cacheBytes: number;
}

/**
 * The solver settings of resolved parameters (cacheSize in MB becomes bytes).
 *
 * @example
 * solverSettings(params).cacheBytes // 200 · 2²⁰ by default
 */
export function solverSettings(params: SvmParams): SolverSettings {
  return {
    tol: params.tol,
    shrinking: params.shrinking,
    maxIter: params.maxIter,
    cacheBytes: params.cacheSize * 2 ** 20,
  };
}

/**
 * The rows an SVM trains on and their C multipliers: rows of weight 0 are left out (libsvm requires
 * C > 0; scikit-learn drops them the same way), the others keep their weight.
 *
 * @example
 * const { rows, weight } = weightedRows(data, 'svr');
 */
export function weightedRows(data: TrainingData, kind: string): { rows: Int32Array; weight: Float64Array } {
  const n = data.X.rows;
  const w = data.sampleWeight;
  if (!w) return { rows: Int32Array.from({ length: n }, (_, i) => i), weight: new Float64Array(n).fill(1) };
  let kept = 0;
  for (let i = 0; i < n; i++) if (w[i]! > 0) kept++;
  if (kept === 0) {
    throw new StacklearnError(`${kind}: every sampleWeight is 0; at least one row needs a positive weight`);
  }
  const rows = new Int32Array(kept);
  for (let i = 0, k = 0; i < n; i++) if (w[i]! > 0) rows[k++] = i;
  return { rows, weight: w };
}
