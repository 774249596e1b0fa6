import { takeValues } from '../data/matrix.js';
import type { TrainingData } from '../learners/types.js';

/**
 * The target (and weights, groups) of some rows without their features — what scoring and fold making
 * read — so scoring a subset does not copy X. X is kept as a matrix of no columns.
 *
 * @example
 * evaluatePredictions(targetRows(data, covered), predictions)
 */
export function targetRows<T extends TrainingData>(data: T, rows: ArrayLike<number>): T {
  const X = { rows: rows.length, cols: 0, data: new Float64Array(0) };
  const sampleWeight = data.sampleWeight ? takeValues(data.sampleWeight, rows) : undefined;
  const groups = data.groups ? takeValues(data.groups, rows) : undefined;
  const y = takeValues(data.y, rows);
  return { ...data, X, features: [], y, sampleWeight, groups } as T;
}
