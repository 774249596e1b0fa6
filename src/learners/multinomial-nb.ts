import { StacklearnError } from '../errors.js';
import { ALPHA_MIN, classCounts } from './naive-bayes/class-counts.js';
import { classLogPrior } from './naive-bayes/class-log-prior.js';
import { linearJointLogLikelihood, linearLogProba } from './naive-bayes/linear-log-proba.js';
import { type ParamTable, types } from './params.js';
import { softmaxRowsInPlace } from './softmax-rows.js';
import type { ClassificationData, LearnerDef } from './types.js';

export interface MultinomialNBParams {
  readonly alpha: number;
  readonly fitPrior: boolean;
  readonly classPrior: readonly number[] | null;
}

const params: ParamTable<MultinomialNBParams> = {
  alpha: {
    type: types.number(0),
    default: 1,
    doc: 'additive (Laplace / Lidstone) smoothing of the feature counts; values below 1e-10 count as 1e-10',
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

/** What a multinomial naive Bayes model learned (scikit-learn's attribute names, in camelCase). */
interface MultinomialNBState {
  readonly classCount: Float64Array;
  /** classes × features: weighted feature totals per class. */
  readonly featureCount: Float64Array;
  /** classes × features: log P(feature | class) after smoothing. */
  readonly featureLogProb: Float64Array;
  readonly classLogPrior: Float64Array;
}

/**
 * Multinomial naive Bayes, as scikit-learn's MultinomialNB: for counts (word counts, event
 * counts) or other non-negative features. A negative value is refused, naming its row and column.
 * Sample weights weight the counts.
 *
 * @example
 * await fit({ kind: 'multinomialNB', alpha: 0.5 }, counts)
 */
export const multinomialNB: LearnerDef<MultinomialNBParams, MultinomialNBState> = {
  kind: 'multinomialNB',
  summary: 'Multinomial naive Bayes for counts and other non-negative features',
  tasks: ['classification'],
  params,
  fit({ alpha, fitPrior, classPrior }, data) {
    if (data.task === 'regression') throw new StacklearnError('multinomialNB: does not do regression');
    checkNonNegative(data);
    const { classCount, featureCount } = classCounts(data, null);
    const k = classCount.length;
    const cols = data.X.cols;
    const smoothing = Math.max(alpha, ALPHA_MIN);
    const featureLogProb = new Float64Array(k * cols);
    for (let c = 0; c < k; c++) {
      let total = 0;
      for (let j = 0; j < cols; j++) total += featureCount[c * cols + j]! + smoothing;
      const logTotal = Math.log(total);
      for (let j = 0; j < cols; j++) {
        featureLogProb[c * cols + j] = Math.log(featureCount[c * cols + j]! + smoothing) - logTotal;
      }
    }
    return {
      classCount,
      featureCount,
      featureLogProb,
      classLogPrior: classLogPrior('multinomialNB', classCount, fitPrior, classPrior, data.classes),
    };
  },
  predictor({ featureLogProb, classLogPrior }) {
    return (X) => linearLogProba(X, featureLogProb, classLogPrior, classLogPrior.length, null);
  },
  rowPredictor({ featureLogProb, classLogPrior }) {
    const k = classLogPrior.length;
    const cols = featureLogProb.length / k;
    return (row, out) => {
      linearJointLogLikelihood(row, 0, cols, featureLogProb, classLogPrior, k, null, out, 0);
      softmaxRowsInPlace(out, 1, k);
    };
  },
};

function checkNonNegative(data: ClassificationData): void {
  const { rows, cols, data: values } = data.X;
  for (let i = 0; i < rows * cols; i++) {
    if (values[i]! < 0) {
      const name = data.features[i % cols]?.name ?? `#${i % cols}`;
      throw new StacklearnError(
        `multinomialNB: column "${name}" has the negative value ${values[i]} at row ${Math.floor(i / cols)}; ` +
          'multinomialNB needs counts or other non-negative features (try gaussianNB, or a min-max scaler)',
      );
    }
  }
}
