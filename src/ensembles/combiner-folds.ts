import type { TrainingData } from '../learners/types.js';
import { deriveSeed } from '../random.js';
import { type Fold, makeFolds } from '../select/folds.js';
import type { SharedFolds } from './shared-folds.js';
import { targetRows } from './target-rows.js';

/**
 * Folds for cross-validating an ensemble's combiner (final estimator, learned weights, selection)
 * on its members' out-of-sample predictions, as positions into `shared.covered`. For k-fold these
 * are the shared folds themselves, so the combiner is scored on rows it did not learn from; for a
 * holdout, up to 5 shuffled (stratified) folds of the held-out rows — null when there are too few
 * rows (fewer than 2 of some class) to make two.
 *
 * @example
 * const folds = combinerFolds(shared, data, seed); // then crossValidateCombiner(folds, …)
 */
export function combinerFolds(shared: SharedFolds, data: TrainingData, seed: number): Fold[] | null {
  if (shared.source === 'outOfFold' && shared.covered.length === data.y.length) return [...shared.folds];
  const held = targetRows(data, shared.covered);
  let k = Math.min(5, held.y.length);
  if (held.task !== 'regression') {
    const counts = new Uint32Array(held.classes.length);
    for (let i = 0; i < held.y.length; i++) counts[held.y[i]!]!++;
    for (const count of counts) if (count > 0) k = Math.min(k, count);
  }
  return k < 2 ? null : makeFolds(k, held, deriveSeed(seed, 'combiner'));
}

/**
 * The combiner's out-of-fold outputs: for each fold, `fitPredict(train, test, f)` learns on the
 * `train` positions and returns `test.length × width` outputs for the `test` positions.
 *
 * @example
 * await crossValidateCombiner(folds, covered.length, 1, (train, test) => …)
 */
export async function crossValidateCombiner(
  folds: readonly Fold[],
  positions: number,
  width: number,
  fitPredict: (train: Uint32Array, test: Uint32Array, fold: number) => Float64Array | Promise<Float64Array>,
): Promise<Float64Array> {
  const out = new Float64Array(positions * width).fill(Number.NaN);
  for (const [f, fold] of folds.entries()) {
    const predicted = await fitPredict(fold.train, fold.test, f);
    for (let t = 0; t < fold.test.length; t++) {
      out.set(predicted.subarray(t * width, (t + 1) * width), fold.test[t]! * width);
    }
  }
  return out;
}
