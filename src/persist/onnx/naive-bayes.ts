import type { LearnerConverter } from './converter.js';
import { attr, castTo } from './graph-builder.js';
import { linearScores } from './linear.js';

/** gaussianNB's state (see src/learners/gaussian-nb.ts). */
interface GaussianNBState {
  /** classes × features. */
  readonly theta: Float64Array;
  readonly var: Float64Array;
  readonly classPrior: Float64Array;
}

/**
 * gaussianNB: per class, log prior − ½ Σⱼ log(2πσ²) − ½ Σⱼ (xⱼ − θⱼ)² / σ²ⱼ (the differences over
 * a [N, classes, features] broadcast, as the library computes them), then the softmax.
 *
 * @example
 * convertGaussianNB(model.state, model.info, 'X', context)
 */
export const convertGaussianNB: LearnerConverter<GaussianNBState> = (state, _info, input, { graph }) => {
  const { theta, classPrior } = state;
  const k = classPrior.length;
  const cols = theta.length / k;
  const constant = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.log(2 * Math.PI * state.var[c * cols + j]!);
    constant[c] = Math.log(classPrior[c]!) - 0.5 * sum;
  }
  const rows = graph.op('Unsqueeze', [input, graph.int64([1])]);
  const diff = graph.op('Sub', [rows, graph.constant(theta, [k, cols])]);
  const inverse = graph.constant(
    state.var.map((v) => 1 / v),
    [k, cols],
  );
  const scaled = graph.op('Mul', [graph.op('Mul', [diff, diff]), inverse]);
  const sum = graph.op('ReduceSum', [scaled, graph.int64([2])], { keepdims: attr.int(0) });
  const jll = graph.op('Sub', [
    graph.constant(constant, [k]),
    graph.op('Mul', [sum, graph.constant([0.5], [1])]),
  ]);
  return graph.op('Softmax', [jll], { axis: attr.int(1) });
};

/**
 * multinomialNB: the softmax of X·featureLogProbᵀ + classLogPrior.
 *
 * @example
 * convertMultinomialNB(model.state, model.info, 'X', context)
 */
export const convertMultinomialNB: LearnerConverter<{
  readonly featureLogProb: Float64Array;
  readonly classLogPrior: Float64Array;
}> = ({ featureLogProb, classLogPrior }, _info, input, { graph }) =>
  graph.op('Softmax', [linearScores(graph, input, featureLogProb, classLogPrior)], { axis: attr.int(1) });

/**
 * bernoulliNB: values binarized (x > binarize, as 0 / 1) unless binarize is null, then the softmax
 * of the linear form of the Bernoulli log-likelihood: Σⱼ xⱼ·(log pⱼ − log(1 − pⱼ)) + Σⱼ log(1 − pⱼ)
 * + log prior, with the weights computed as the library's predictor computes them.
 *
 * @example
 * convertBernoulliNB(model.state, model.info, 'X', context)
 */
export const convertBernoulliNB: LearnerConverter<{
  readonly binarize: number | null;
  readonly featureLogProb: Float64Array;
  readonly classLogPrior: Float64Array;
}> = ({ binarize, featureLogProb, classLogPrior }, _info, input, { graph }) => {
  const k = classLogPrior.length;
  const cols = featureLogProb.length / k;
  const weights = new Float64Array(k * cols);
  const bias = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let absent = 0;
    for (let j = 0; j < cols; j++) {
      const logP = featureLogProb[c * cols + j]!;
      const logNotP = Math.log(1 - Math.exp(logP));
      weights[c * cols + j] = logP - logNotP;
      absent += logNotP;
    }
    bias[c] = classLogPrior[c]! + absent;
  }
  const present =
    binarize === null
      ? input
      : graph.op('Cast', [graph.op('Greater', [input, graph.constant([binarize], [1])])], {
          to: attr.int(castTo[graph.elementType]),
        });
  return graph.op('Softmax', [linearScores(graph, present, weights, bias)], { axis: attr.int(1) });
};
