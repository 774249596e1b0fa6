import { StacklearnError } from '../../errors.js';
import { accuracyScore } from '../../metrics/classification.js';
import { r2Score } from '../../metrics/regression.js';
import { argmaxRows } from '../fit.js';
import type { TrainingData } from '../types.js';
import { treeSample } from './bootstrap.js';
import { type ForestArrays, forestLeaf, forestRoots } from './forest-arrays.js';

/** Out-of-bag predictions of the training rows and their score (R² or accuracy). */
export interface OutOfBag {
  /** Per row (× classes), the mean over the trees whose bootstrap sample left the row out; NaN for a row in every sample. */
  readonly prediction: Float64Array;
  readonly score: number;
}

/**
 * The out-of-bag predictions and score of a forest grown with `bootstrapSize` draws per tree from
 * `seed` (the samples are drawn again, as each tree drew them). As scikit-learn's `oob_score_`,
 * unweighted; rows in every bootstrap sample (rare with many trees) are left out of the score.
 * Throws a StacklearnError when no row was ever out of bag.
 *
 * @example
 * const { score } = outOfBag('randomForest', forest, data, seed, data.X.rows);
 */
export function outOfBag(
  kind: string,
  forest: ForestArrays,
  data: TrainingData,
  seed: number,
  bootstrapSize: number,
): OutOfBag {
  const { X } = data;
  const k = forest.nOutputs;
  const roots = forestRoots(forest);
  const sums = new Float64Array(X.rows * k);
  const votes = new Uint32Array(X.rows);
  for (let t = 0; t < roots.length; t++) {
    const counts = treeSample(seed, t, X.rows, bootstrapSize).counts!;
    for (let r = 0; r < X.rows; r++) {
      if (counts[r] !== 0) continue;
      const leaf = forestLeaf(forest, roots[t]!, X.data, r * X.cols) * k;
      for (let c = 0; c < k; c++) sums[r * k + c]! += forest.value[leaf + c]!;
      votes[r]!++;
    }
  }
  const kept: number[] = [];
  for (let r = 0; r < X.rows; r++) {
    for (let c = 0; c < k; c++) sums[r * k + c] = votes[r]! > 0 ? sums[r * k + c]! / votes[r]! : Number.NaN;
    if (votes[r]! > 0) kept.push(r);
  }
  if (kept.length === 0) {
    throw new StacklearnError(
      `${kind}: oobScore: no row was left out of any bootstrap sample (${roots.length} trees, ${X.rows} rows); use more trees or a smaller maxSamples`,
    );
  }
  return { prediction: sums, score: score(data, sums, kept, k) };
}

function score(data: TrainingData, prediction: Float64Array, kept: readonly number[], k: number): number {
  if (data.task === 'regression') {
    const yTrue = Float64Array.from(kept, (r) => data.y[r]!);
    return r2Score(
      yTrue,
      Float64Array.from(kept, (r) => prediction[r]!),
    );
  }
  const rows = new Float64Array(kept.length * k);
  kept.forEach((r, i) => {
    rows.set(prediction.subarray(r * k, (r + 1) * k), i * k);
  });
  return accuracyScore(
    Int32Array.from(kept, (r) => data.y[r]!),
    argmaxRows(rows, kept.length, k),
  );
}
