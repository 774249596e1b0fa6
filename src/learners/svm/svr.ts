import { type Matrix, takeRows } from '../../data/matrix.js';
import type { ParamTable } from '../params.js';
import { types } from '../params.js';
import type { LearnerDef } from '../types.js';
import { type Kernel, kernelData, kernelValues, resolveGamma, rowNorms } from './kernel.js';
import { regressionQ } from './q-matrix.js';
import { type SvmParams, solverSettings, svmParams, weightedRows } from './shared-params.js';
import { solveSmo } from './smo.js';

export interface SvrParams extends SvmParams {
  readonly epsilon: number;
}

const params: ParamTable<SvrParams> = {
  ...svmParams,
  epsilon: {
    type: types.number(0),
    default: 0.1,
    doc: 'half-width of the tube within which errors are not penalised',
  },
};

/** The state: the support vectors and the decision function Σ dualCoef_s K(sv_s, x) + intercept. */
export interface SvrState {
  readonly kernel: Kernel;
  /** nSupport × nFeatures, row-major. */
  readonly supportVectors: Float64Array;
  /** α_s − α*_s per support vector. */
  readonly dualCoef: Float64Array;
  readonly intercept: number;
  /** Training row of each support vector (scikit-learn's support_). */
  readonly support: Int32Array;
  readonly iterations: number;
  /** false when maxIter stopped the solver before it reached tol. */
  readonly converged: boolean;
}

/**
 * ε-support vector regression (scikit-learn's SVR, libsvm's ε-SVR): the flattest function within ε
 * of the targets, errors beyond ε penalised linearly by C. Solved by SMO on the 2n-variable dual with
 * second-order working-set selection, shrinking and an LRU kernel cache. Sample weights scale C per
 * row (rows of weight 0 are left out). Wants standardised features.
 *
 * @example
 * const model = await fit({ kind: 'svr', kernel: 'rbf', C: 10, epsilon: 0.5 }, data);
 */
export const svr: LearnerDef<SvrParams, SvrState> = {
  kind: 'svr',
  summary: 'Support vector regression (ε-SVR; linear, poly, rbf or sigmoid kernel)',
  tasks: ['regression'],
  params,
  scaleSensitive: true,
  fit(p, data) {
    const kernel: Kernel = {
      kernel: p.kernel,
      gamma: resolveGamma(p.gamma, data.X),
      degree: p.degree,
      coef0: p.coef0,
    };
    const y = data.y as Float64Array;
    const { rows, weight } = weightedRows(data, 'svr');
    const n = rows.length;
    const linear = new Float64Array(2 * n);
    const sign = new Int8Array(2 * n);
    const C = new Float64Array(2 * n);
    for (let k = 0; k < n; k++) {
      const target = y[rows[k]!]!;
      linear[k] = p.epsilon - target;
      linear[k + n] = p.epsilon + target;
      sign[k] = 1;
      sign[k + n] = -1;
      C[k] = C[k + n] = p.C * weight[rows[k]!]!;
    }
    const settings = solverSettings(p);
    const solution = solveSmo({
      Q: regressionQ(kernelData(kernel, data.X), rows, settings.cacheBytes),
      p: linear,
      y: sign,
      C,
      tol: settings.tol,
      shrinking: settings.shrinking,
      maxIter: settings.maxIter,
    });
    const support: number[] = [];
    const coef: number[] = [];
    for (let k = 0; k < n; k++) {
      const c = solution.alpha[k]! - solution.alpha[k + n]!;
      if (c !== 0) {
        support.push(rows[k]!);
        coef.push(c);
      }
    }
    return {
      kernel,
      supportVectors: takeRows(data.X, support).data,
      dualCoef: Float64Array.from(coef),
      intercept: -solution.rho,
      support: Int32Array.from(support),
      iterations: solution.iterations,
      converged: solution.converged,
    };
  },
  predictor(state, info) {
    const decide = decisionEvaluator(state, info.features.length);
    return (X) => {
      const out = new Float64Array(X.rows);
      for (let r = 0; r < X.rows; r++) out[r] = decide(X, r);
      return out;
    };
  },
  rowPredictor(state, info) {
    const cols = info.features.length;
    const decide = decisionEvaluator(state, cols);
    const view: { rows: number; cols: number; data: Float64Array } = {
      rows: 1,
      cols,
      data: new Float64Array(cols),
    };
    return (row, out) => {
      view.data = row;
      out[0] = decide(view, 0);
    };
  },
};

/** The prediction of one row of X: Σ coef K(sv, x) + intercept, through a reused buffer. */
function decisionEvaluator(state: SvrState, nFeatures: number): (X: Matrix, row: number) => number {
  const { kernel, supportVectors, dualCoef, intercept } = state;
  const nSupport = dualCoef.length;
  const svNorms =
    kernel.kernel === 'rbf' ? rowNorms(supportVectors, nSupport, nFeatures) : new Float64Array(0);
  const values = new Float64Array(nSupport);
  return (X, row) => {
    kernelValues(kernel, supportVectors, svNorms, X, row, values);
    let sum = intercept;
    for (let s = 0; s < nSupport; s++) sum += dualCoef[s]! * values[s]!;
    return sum;
  };
}
