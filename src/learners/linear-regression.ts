import { StacklearnError } from '../errors.js';
import { centeredDesign, interceptFor } from './linear/centered-design.js';
import { leastSquares } from './linear/least-squares.js';
import { linearDecision } from './linear/linear-decision.js';
import { type ParamTable, types } from './params.js';
import type { LearnerDef } from './types.js';

export interface LinearRegressionParams {
  readonly fitIntercept: boolean;
}

const params: ParamTable<LinearRegressionParams> = {
  fitIntercept: {
    type: types.bool(),
    default: true,
    doc: 'fit an intercept (X and y are centred on their weighted means first); false: the line passes through 0',
  },
};

/**
 * What a fitted linear regressor holds (`model.state`): prediction is `coef · x + intercept`.
 * `rank` is the numerical rank of the (centred, weighted) design, as scikit-learn's `rank_`.
 */
export interface LinearRegressionState {
  /** One coefficient per feature, in column order (scikit-learn's `coef_`). */
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly rank: number;
}

/**
 * Ordinary least squares, weighted by `sampleWeight`, solved by a pivoted Householder QR. A
 * rank-deficient design (duplicate or collinear columns, more columns than rows) gets the
 * minimum-norm solution, as scikit-learn's lstsq-based LinearRegression does. Coefficients are in
 * `model.state.coef`, the intercept in `model.state.intercept`.
 *
 * @example
 * const model = await fit({ kind: 'linearRegression' }, data);
 * (model.state as LinearRegressionState).coef
 */
export const linearRegression: LearnerDef<LinearRegressionParams, LinearRegressionState> = {
  kind: 'linearRegression',
  summary: 'Ordinary least squares (minimum-norm when the columns are collinear)',
  tasks: ['regression'],
  params,
  fit({ fitIntercept }, data) {
    if (data.task !== 'regression') throw new StacklearnError('linearRegression: does not do classification');
    const design = centeredDesign('linearRegression', data.X, data.y, data.sampleWeight, fitIntercept);
    const { x: coef, rank } = leastSquares(design.a, data.X.rows, data.X.cols, design.b);
    return { coef, intercept: interceptFor(design, coef), rank };
  },
  predictor({ coef, intercept }) {
    const bias = Float64Array.of(intercept);
    return (X) => linearDecision(X, coef, bias);
  },
};
