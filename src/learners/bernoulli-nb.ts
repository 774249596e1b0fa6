import { StacklearnError } from '../errors.js';
import { ALPHA_MIN, classCounts } from './naive-bayes/class-counts.js';
import { classLogPrior } from './naive-bayes/class-log-prior.js';
import { linearJointLogLikelihood, linearLogProba } from './naive-bayes/linear-log-proba.js';
import { type ParamTable, types } from './params.js';
import { softmaxRowsInPlace } from './softmax-rows.js';
import type { LearnerDef } from './types.js';

export interface BernoulliNBParams {
  readonly alpha: number;
  readonly binarize: number | null;
  readonly fitPrior: boolean;
  readonly classPrior: readonly number[] | null;
}

const params: ParamTable<BernoulliNBParams> = {
  alpha: {
    type: types.number(0),
    default: 1,
    doc: 'additive (Laplace / Lidstone) smoothing of the feature counts; values below 1e-10 count as 1e-10',
  },
  binarize: {
    type: types.nullable(types.number()),
    default: 0,
    doc: 'a value above this threshold counts as present (1), otherwise absent (0); null: X already holds 0 / 1',
  },
  fitPrior: {
    type: types.bool(),
    default: true,
    doc: 'learn the class priors from the (weighted) class frequencies; false: uniform priors',
  },
  classPrior: {
    type: types.nullable({ type: 'array', items: types.number(0) }),
    default: null,
    doc: 'prior probability of each class, in class order; overrides fitPrior',
  },
};

/** What a Bernoulli naive Bayes model learned (scikit-learn's attribute names, in camelCase). */
interface BernoulliNBState {
  readonly binarize: number | null;
  readonly classCount: Float64Array;
  /** classes × features: weighted count of rows where the feature is present, per class. */
  readonly featureCount: Float64Array;
  /** classes × features: log P(feature present | class) after smoothing. */
  readonly featureLogProb: Float64Array;
  readonly classLogPrior: Float64Array;
}

/**
 * Bernoulli naive Bayes, as scikit-learn's BernoulliNB: each feature is present or absent, and an
 * absent feature counts as evidence too. Values are binarized at `binarize` (with `null`, X must
 * already hold 0 / 1: other values enter the likelihood linearly, as in scikit-learn). Sample
 * weights weight the counts.
 *
 * @example
 * await fit({ kind: 'bernoulliNB', binarize: 0.5 }, data)
 */
export const bernoulliNB: LearnerDef<BernoulliNBParams, BernoulliNBState> = {
  kind: 'bernoulliNB',
  summary: 'Bernoulli naive Bayes for binary (present / absent) features',
  tasks: ['classification'],
  params,
  fit({ alpha, binarize, fitPrior, classPrior }, data) {
    if (data.task === 'regression') throw new StacklearnError('bernoulliNB: does not do regression');
    const { classCount, featureCount } = classCounts(data, binarize);
    const k = classCount.length;
    const cols = data.X.cols;
    const smoothing = Math.max(alpha, ALPHA_MIN);
    const featureLogProb = new Float64Array(k * cols);
    for (let c = 0; c < k; c++) {
      const logTotal = Math.log(classCount[c]! + 2 * smoothing);
      for (let j = 0; j < cols; j++) {
        featureLogProb[c * cols + j] = Math.log(featureCount[c * cols + j]! + smoothing) - logTotal;
      }
    }
    return {
      binarize,
      classCount,
      featureCount,
      featureLogProb,
      classLogPrior: classLogPrior('bernoulliNB', classCount, fitPrior, classPrior, data.classes),
    };
  },
  predictor(state) {
    const { weights, bias, k } = linearForm(state);
    return (X) => linearLogProba(X, weights, bias, k, state.binarize);
  },
  rowPredictor(state) {
    const { weights, bias, k } = linearForm(state);
    const cols = weights.length / k;
    return (row, out) => {
      linearJointLogLikelihood(row, 0, cols, weights, bias, k, state.binarize, out, 0);
      softmaxRowsInPlace(out, 1, k);
    };
  },
};

/** log P(x | c) = Σⱼ xⱼ·(log pⱼ − log(1 − pⱼ)) + Σⱼ log(1 − pⱼ): linear in x. */
function linearForm({ featureLogProb, classLogPrior }: BernoulliNBState): {
  weights: Float64Array;
  bias: Float64Array;
  k: number;
} {
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
  return { weights, bias, k };
}
