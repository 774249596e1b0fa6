import type { ClassificationData } from '../types.js';

/** scikit-learn raises a smaller smoothing alpha to this, so that no log-probability is -Infinity. */
export const ALPHA_MIN = 1e-10;

/** Per-class totals of the (weighted) rows: what the discrete naive Bayes learners estimate from. */
export interface ClassCounts {
  /** Total weight of each class (its row count when unweighted). */
  readonly classCount: Float64Array;
  /** classes × features, row-major: the weighted sum of each feature over the rows of each class. */
  readonly featureCount: Float64Array;
}

/**
 * Sums the rows of each class, weighted by `data.sampleWeight`. With a `binarize` threshold a value
 * counts as 1 when it is above the threshold and 0 otherwise (Bernoulli naive Bayes).
 *
 * @example
 * classCounts(data, null).featureCount // [Σ x₀ over class 0, Σ x₁ over class 0, ..., Σ x₀ over class 1, ...]
 */
export function classCounts(data: ClassificationData, binarize: number | null): ClassCounts {
  const { X, y, sampleWeight } = data;
  const k = data.classes.length;
  const cols = X.cols;
  const classCount = new Float64Array(k);
  const featureCount = new Float64Array(k * cols);
  for (let i = 0; i < X.rows; i++) {
    const w = sampleWeight ? sampleWeight[i]! : 1;
    const c = y[i]!;
    classCount[c]! += w;
    const row = i * cols;
    const out = c * cols;
    if (binarize === null) {
      for (let j = 0; j < cols; j++) featureCount[out + j]! += w * X.data[row + j]!;
    } else {
      for (let j = 0; j < cols; j++) if (X.data[row + j]! > binarize) featureCount[out + j]! += w;
    }
  }
  return { classCount, featureCount };
}
