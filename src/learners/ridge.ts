import { StacklearnError } from '../errors.js';
import { type CenteredDesign, centeredDesign, interceptFor } from './linear/centered-design.js';
import { cholesky, choleskySolve } from './linear/cholesky.js';
import { leastSquares } from './linear/least-squares.js';
import { linearDecision } from './linear/linear-decision.js';
import { type ParamTable, types } from './params.js';
import type { LearnerDef } from './types.js';

export interface RidgeParams {
  readonly alpha: number;
  readonly fitIntercept: boolean;
}

const params: ParamTable<RidgeParams> = {
  alpha: {
    type: types.number(0),
    default: 1,
    doc: 'L2 penalty strength: minimises Σ wᵢ (yᵢ − ŷᵢ)² + alpha ‖coef‖² (0 is ordinary least squares)',
  },
  fitIntercept: {
    type: types.bool(),
    default: true,
    doc: 'fit an (unpenalised) intercept by centring X and y on their weighted means',
  },
};

/** What a fitted ridge model holds (`model.state`): prediction is `coef · x + intercept`. */
export interface RidgeState {
  /** One coefficient per feature, in column order (scikit-learn's `coef_`). */
  readonly coef: Float64Array;
  readonly intercept: number;
}

// Below this reciprocal condition estimate of XᵀWX + αI the normal equations lose too many digits.
const minReciprocalCondition = 1e-10;

/**
 * Ridge regression (L2-penalised least squares) with scikit-learn's semantics: sample weights,
 * intercept unpenalised. Solves (XᵀWX + αI)·coef = XᵀWy by Cholesky, or — when that system is
 * ill-conditioned (e.g. alpha 0 on collinear columns) — the augmented least-squares problem
 * [√W·X; √α·I]·coef ≈ [√W·y; 0] by pivoted QR, which gives the minimum-norm solution at alpha 0.
 * Coefficients are in `model.state.coef`, the intercept in `model.state.intercept`.
 *
 * @example
 * const model = await fit({ kind: 'ridge', alpha: 10 }, data);
 */
export const ridge: LearnerDef<RidgeParams, RidgeState> = {
  kind: 'ridge',
  summary: 'Least squares with an L2 penalty on the coefficients',
  tasks: ['regression'],
  params,
  // The penalty treats all coefficients alike, so it depends on the scale of each column.
  scaleSensitive: true,
  fit({ alpha, fitIntercept }, data) {
    if (data.task !== 'regression') throw new StacklearnError('ridge: does not do classification');
    const design = centeredDesign('ridge', data.X, data.y, data.sampleWeight, fitIntercept);
    const coef =
      solveNormalEquations(design, data.X.rows, data.X.cols, alpha) ??
      solveAugmented(design, data.X.rows, data.X.cols, alpha);
    return { coef, intercept: interceptFor(design, coef) };
  },
  predictor({ coef, intercept }) {
    const bias = Float64Array.of(intercept);
    return (X) => linearDecision(X, coef, bias);
  },
};

/** Cholesky on AᵀA + αI; undefined when it is too ill-conditioned to trust. */
function solveNormalEquations(
  { a, b }: CenteredDesign,
  rows: number,
  cols: number,
  alpha: number,
): Float64Array | undefined {
  const gram = new Float64Array(cols * cols);
  const rhs = new Float64Array(cols);
  for (let i = 0; i < cols; i++) {
    const ci = i * rows;
    for (let j = 0; j <= i; j++) {
      const cj = j * rows;
      let s = 0;
      for (let r = 0; r < rows; r++) s += a[ci + r]! * a[cj + r]!;
      gram[i * cols + j] = s;
    }
    gram[i * cols + i]! += alpha;
    let s = 0;
    for (let r = 0; r < rows; r++) s += a[ci + r]! * b[r]!;
    rhs[i] = s;
  }
  if (cholesky(gram, cols) < minReciprocalCondition) return undefined;
  return choleskySolve(gram, cols, rhs);
}

/** The same problem as least squares on [A; √α·I], [b; 0]: squares the condition number less. */
function solveAugmented({ a, b }: CenteredDesign, rows: number, cols: number, alpha: number): Float64Array {
  const height = rows + cols;
  const augmented = new Float64Array(height * cols);
  const root = Math.sqrt(alpha);
  for (let j = 0; j < cols; j++) {
    augmented.set(a.subarray(j * rows, (j + 1) * rows), j * height);
    augmented[j * height + rows + j] = root;
  }
  const target = new Float64Array(height);
  target.set(b);
  return leastSquares(augmented, height, cols, target).x;
}
