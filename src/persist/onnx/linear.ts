import type { LinearRegressionState } from '../../learners/linear-regression.js';
import type { RidgeState } from '../../learners/ridge.js';
import type { SgdRegressorState } from '../../learners/sgd-regressor.js';
import type { LearnerConverter } from './converter.js';
import { attr, type GraphBuilder } from './graph-builder.js';

/**
 * The linear scores X·coefᵀ + intercept as one Gemm node: [N, k] for `coef` k × features
 * (row-major, as the learners store it) and k intercepts.
 *
 * @example
 * const scores = linearScores(graph, 'X', state.coef, Float64Array.of(state.intercept));
 */
export function linearScores(
  graph: GraphBuilder,
  input: string,
  coef: Float64Array,
  intercept: Float64Array,
): string {
  const k = intercept.length;
  const weights = graph.constant(coef, [k, coef.length / k]);
  return graph.op('Gemm', [input, weights, graph.constant(intercept, [k])], { transB: attr.int(1) });
}

/**
 * linearRegression, ridge and sgdRegressor: `coef · x + intercept` (a Gemm).
 *
 * @example
 * convertLinearRegressor(model.state, model.info, 'X', context) // [N, 1]
 */
export const convertLinearRegressor: LearnerConverter<
  LinearRegressionState | RidgeState | SgdRegressorState
> = ({ coef, intercept }, _info, input, { graph }) =>
  linearScores(graph, input, coef, Float64Array.of(intercept));
