import type { TrainingData } from '../learners/types.js';
import { takeRows, takeValues } from './matrix.js';

/**
 * The rows of training data at `indices` (a fold, a bootstrap sample), target, weights and groups
 * included.
 *
 * @example
 * const train = subsetData(data, folds[0].train);
 */
export function subsetData<T extends TrainingData>(data: T, indices: ArrayLike<number>): T {
  const X = takeRows(data.X, indices);
  const sampleWeight = data.sampleWeight ? takeValues(data.sampleWeight, indices) : undefined;
  const groups = data.groups ? takeValues(data.groups, indices) : undefined;
  if (data.task === 'regression') {
    return { ...data, X, y: takeValues(data.y, indices), sampleWeight, groups } as T;
  }
  return { ...data, X, y: takeValues(data.y, indices), sampleWeight, groups } as T;
}
