import { StacklearnError } from '../errors.js';

/**
 * Checks the arguments every metric shares: a non-empty `yTrue`, a prediction of the same length
 * and, when given, one weight per row with a positive total. Throws a StacklearnError naming the
 * metric and both lengths.
 *
 * @example
 * checkLengths('meanSquaredError', yTrue, yPred.length, 'yPred', sampleWeight);
 */
export function checkLengths(
  metric: string,
  yTrue: ArrayLike<number>,
  predictedLength: number,
  predictedName: string,
  sampleWeight: Float64Array | undefined,
): void {
  if (yTrue.length === 0) throw new StacklearnError(`${metric}: yTrue is empty; expected at least one value`);
  if (predictedLength !== yTrue.length) {
    throw new StacklearnError(
      `${metric}: yTrue has ${yTrue.length} values but ${predictedName} has ${predictedLength}; ` +
        'they must have the same length',
    );
  }
  if (!sampleWeight) return;
  if (sampleWeight.length !== yTrue.length) {
    throw new StacklearnError(
      `${metric}: sampleWeight has ${sampleWeight.length} values but yTrue has ${yTrue.length}`,
    );
  }
  let total = 0;
  for (let i = 0; i < sampleWeight.length; i++) total += sampleWeight[i]!;
  if (!(total > 0)) {
    throw new StacklearnError(`${metric}: sampleWeight sums to ${total}; expected a positive total`);
  }
}

/**
 * Checks that class codes are ≥ 0 (and below `nClasses` when given), naming the first bad row.
 *
 * @example
 * checkCodes('accuracyScore', 'yTrue', yTrue);
 */
export function checkCodes(metric: string, name: string, codes: Int32Array, nClasses?: number): void {
  const limit = nClasses ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0 || code >= limit) {
      const allowed = nClasses === undefined ? 'a class code ≥ 0' : `a class code in 0 … ${nClasses - 1}`;
      throw new StacklearnError(`${metric}: ${name}[${i}] is ${code}; expected ${allowed}`);
    }
  }
}

/**
 * The (weighted) mean of `term(i)` over rows 0 … n-1: numpy's `average(values, weights=w)`, which
 * every scikit-learn metric ends with.
 *
 * @example
 * weightedMean(yTrue.length, sampleWeight, (i) => Math.abs(yTrue[i]! - yPred[i]!));
 */
export function weightedMean(
  n: number,
  sampleWeight: Float64Array | undefined,
  term: (i: number) => number,
): number {
  let sum = 0;
  if (!sampleWeight) {
    for (let i = 0; i < n; i++) sum += term(i);
    return sum / n;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = sampleWeight[i]!;
    sum += w * term(i);
    total += w;
  }
  return sum / total;
}
