import type { LogisticRegressionState } from '../../learners/logistic-regression.js';
import type { LearnerConverter } from './converter.js';
import { attr } from './graph-builder.js';
import { linearScores } from './linear.js';
import { binaryProbabilities, normalizeRows } from './probabilities.js';

/**
 * logisticRegression's class probabilities: a Gemm for the scores, then the sigmoid of the one
 * score of a binary model ([1 − p, p]), the softmax of a multinomial one, or the one-vs-rest
 * sigmoids normalised to sum 1 — as the learner's predictor does.
 *
 * @example
 * convertLogisticRegression(model.state, model.info, 'X', context) // [N, classes]
 */
export const convertLogisticRegression: LearnerConverter<LogisticRegressionState> = (
  { multiClass, coef, intercept },
  _info,
  input,
  { graph },
) => {
  const scores = linearScores(graph, input, coef, intercept);
  if (intercept.length === 1) return binaryProbabilities(graph, graph.op('Sigmoid', [scores]));
  if (multiClass === 'multinomial') return graph.op('Softmax', [scores], { axis: attr.int(1) });
  return normalizeRows(graph, graph.op('Sigmoid', [scores]));
};
