import type { Matrix } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { checkPriorCount } from './naive-bayes/class-log-prior.js';
import { type ParamTable, types } from './params.js';
import { softmaxRowsInPlace } from './softmax-rows.js';
import type { ClassificationData, LearnerDef } from './types.js';

export interface GaussianNBParams {
  readonly priors: readonly number[] | null;
  readonly varSmoothing: number;
}

const params: ParamTable<GaussianNBParams> = {
  priors: {
    type: types.nullable({ type: 'array', items: types.number(0) }),
    default: null,
    doc: 'prior probability of each class, in class order (summing to 1); null: the (weighted) class frequencies',
  },
  varSmoothing: {
    type: types.number(0),
    default: 1e-9,
    doc: 'added to every variance: this fraction of the largest feature variance, for numerical stability',
  },
};

/** What a Gaussian naive Bayes model learned (scikit-learn's attribute names, in camelCase). */
interface GaussianNBState {
  /** classes × features: the (weighted) mean of each feature within each class. */
  readonly theta: Float64Array;
  /** classes × features: the (weighted) variance of each feature within each class, plus epsilon. */
  readonly var: Float64Array;
  readonly classPrior: Float64Array;
  /** Total weight of each class (its row count when unweighted). */
  readonly classCount: Float64Array;
  /** What was added to the variances: varSmoothing × the largest feature variance. */
  readonly epsilon: number;
}

/**
 * Gaussian naive Bayes, as scikit-learn's GaussianNB: each feature is normal within each class,
 * independently of the others. Sample weights weight the class means, variances and frequencies
 * (epsilon comes from the unweighted variances, as in scikit-learn). A class with no weight gets
 * prior 0 (unless `priors` says otherwise).
 *
 * @example
 * await fit({ kind: 'gaussianNB' }, data)
 */
export const gaussianNB: LearnerDef<GaussianNBParams, GaussianNBState> = {
  kind: 'gaussianNB',
  summary: 'Gaussian naive Bayes: per-class normal features, independent given the class',
  tasks: ['classification'],
  params,
  fit({ priors, varSmoothing }, data) {
    if (data.task === 'regression') throw new StacklearnError('gaussianNB: does not do regression');
    const { classCount, theta, variance } = classMoments(data);
    const epsilon = varSmoothing * largestVariance(data.X);
    for (let i = 0; i < variance.length; i++) variance[i]! += epsilon;
    return {
      theta,
      var: variance,
      classPrior: resolvePriors(priors, classCount, data.classes),
      classCount,
      epsilon,
    };
  },
  predictor(state) {
    const score = gaussianScorer(state);
    const k = state.classPrior.length;
    const cols = state.theta.length / k;
    return (X) => {
      const out = new Float64Array(X.rows * k);
      for (let i = 0; i < X.rows; i++) score(X.data, i * cols, out, i * k);
      return softmaxRowsInPlace(out, X.rows, k);
    };
  },
  rowPredictor(state) {
    const score = gaussianScorer(state);
    const k = state.classPrior.length;
    return (row, out) => {
      score(row, 0, out, 0);
      softmaxRowsInPlace(out, 1, k);
    };
  },
};

/**
 * The joint log-likelihood of one row (`data` from `start`) under each class, into `out` from
 * `outStart`; allocates nothing per call.
 */
function gaussianScorer(
  state: GaussianNBState,
): (data: Float64Array, start: number, out: Float64Array, outStart: number) => void {
  const { theta, classPrior } = state;
  const k = classPrior.length;
  const cols = theta.length / k;
  const inverse = state.var.map((v) => 1 / v);
  // Per class: log prior − ½ Σⱼ log(2π σ²ⱼ), the part of the log-likelihood that does not depend on x.
  const constant = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.log(2 * Math.PI * state.var[c * cols + j]!);
    constant[c] = Math.log(classPrior[c]!) - 0.5 * sum;
  }
  return (data, start, out, outStart) => {
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        const d = data[start + j]! - theta[c * cols + j]!;
        sum += d * d * inverse[c * cols + j]!;
      }
      out[outStart + c] = constant[c]! - 0.5 * sum;
    }
  };
}

/** Per class: total weight, and the weighted mean and (population) variance of each feature. */
function classMoments(data: ClassificationData): {
  classCount: Float64Array;
  theta: Float64Array;
  variance: Float64Array;
} {
  const { X, y, sampleWeight } = data;
  const { rows, cols } = X;
  const k = data.classes.length;
  const classCount = new Float64Array(k);
  const theta = new Float64Array(k * cols);
  const variance = new Float64Array(k * cols);
  for (let i = 0; i < rows; i++) {
    const w = sampleWeight ? sampleWeight[i]! : 1;
    const c = y[i]!;
    classCount[c]! += w;
    for (let j = 0; j < cols; j++) theta[c * cols + j]! += w * X.data[i * cols + j]!;
  }
  // scikit-learn leaves the mean and variance of a weightless class at 0.
  const inverse = classCount.map((count) => (Math.abs(count) <= 1e-8 ? 0 : 1 / count));
  for (let i = 0; i < theta.length; i++) theta[i]! *= inverse[Math.floor(i / cols)]!;
  for (let i = 0; i < rows; i++) {
    const w = sampleWeight ? sampleWeight[i]! : 1;
    const c = y[i]!;
    for (let j = 0; j < cols; j++) {
      const d = X.data[i * cols + j]! - theta[c * cols + j]!;
      variance[c * cols + j]! += w * d * d;
    }
  }
  for (let i = 0; i < variance.length; i++) variance[i]! *= inverse[Math.floor(i / cols)]!;
  return { classCount, theta, variance };
}

/** The largest (unweighted, population) variance among the columns of X. */
function largestVariance(X: Matrix): number {
  let largest = 0;
  for (let j = 0; j < X.cols; j++) {
    let mean = 0;
    for (let i = 0; i < X.rows; i++) mean += X.data[i * X.cols + j]!;
    mean /= X.rows;
    let sum = 0;
    for (let i = 0; i < X.rows; i++) {
      const d = X.data[i * X.cols + j]! - mean;
      sum += d * d;
    }
    largest = Math.max(largest, sum / X.rows);
  }
  return largest;
}

function resolvePriors(
  priors: readonly number[] | null,
  classCount: Float64Array,
  classes: readonly string[],
): Float64Array {
  if (priors === null) {
    let total = 0;
    for (const count of classCount) total += count;
    return classCount.map((count) => count / total);
  }
  checkPriorCount('gaussianNB', 'priors', priors, classes);
  const sum = priors.reduce((a, b) => a + b, 0);
  // The tolerance of numpy.isclose, which scikit-learn uses.
  if (Math.abs(sum - 1) > 1e-8 + 1e-5) {
    throw new StacklearnError(
      `gaussianNB: parameter "priors" must sum to 1; received values summing to ${sum}`,
    );
  }
  return Float64Array.from(priors);
}
