import { StacklearnError } from '../../errors.js';

/** A `classWeight` parameter as scikit-learn takes it: none, 'balanced', or a weight per class label. */
export type ClassWeight = null | 'balanced' | Readonly<Record<string, number>>;

/**
 * The weight of each class (in code order) from a record keyed by class label; classes it does not
 * name weigh 1. Refuses labels that are not classes and weights that are not finite numbers ≥ 0.
 *
 * @example
 * classWeightsFromRecord('logisticRegression', { yes: 3 }, ['no', 'yes']) // [1, 3]
 */
export function classWeightsFromRecord(
  kind: string,
  record: Readonly<Record<string, unknown>>,
  classes: readonly string[],
): Float64Array {
  const weights = new Float64Array(classes.length).fill(1);
  for (const [label, value] of Object.entries(record)) {
    const code = classes.indexOf(label);
    if (code < 0) {
      throw new StacklearnError(
        `${kind}: classWeight names class "${label}", which is not among the classes (${classes.join(', ')})`,
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new StacklearnError(
        `${kind}: classWeight for class "${label}" must be a number ≥ 0; received ${JSON.stringify(value)}`,
      );
    }
    weights[code] = value;
  }
  return weights;
}

/**
 * scikit-learn's 'balanced' class weights, n / (k · countᶜ) from the unweighted class counts, so
 * that every class carries the same total weight. A class with no rows gets Infinity (never used).
 *
 * @example
 * balancedClassWeights(Int32Array.of(0, 0, 0, 1), 2) // [2/3, 2]
 */
export function balancedClassWeights(y: ArrayLike<number>, k: number): Float64Array {
  const counts = new Float64Array(k);
  for (let i = 0; i < y.length; i++) counts[y[i]!]!++;
  return counts.map((count) => y.length / (k * count));
}
