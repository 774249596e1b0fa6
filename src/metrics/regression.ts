import { checkLengths, weightedMean } from './inputs.js';

/**
 * Mean squared error, weighted by `sampleWeight` when given (scikit-learn's `mean_squared_error`).
 *
 * @example
 * meanSquaredError(Float64Array.of(1, 2), Float64Array.of(1, 4)) // 2
 */
export function meanSquaredError(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  checkLengths('meanSquaredError', yTrue, yPred.length, 'yPred', sampleWeight);
  return weightedMean(yTrue.length, sampleWeight, (i) => {
    const d = yTrue[i]! - yPred[i]!;
    return d * d;
  });
}

/**
 * The square root of the mean squared error, in the target's units.
 *
 * @example
 * rootMeanSquaredError(Float64Array.of(1, 2), Float64Array.of(1, 4)) // 1.4142…
 */
export function rootMeanSquaredError(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  checkLengths('rootMeanSquaredError', yTrue, yPred.length, 'yPred', sampleWeight);
  return Math.sqrt(meanSquaredError(yTrue, yPred, sampleWeight));
}

/**
 * Mean absolute error, weighted by `sampleWeight` when given.
 *
 * @example
 * meanAbsoluteError(Float64Array.of(1, 2), Float64Array.of(0, 4)) // 1.5
 */
export function meanAbsoluteError(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  checkLengths('meanAbsoluteError', yTrue, yPred.length, 'yPred', sampleWeight);
  return weightedMean(yTrue.length, sampleWeight, (i) => Math.abs(yTrue[i]! - yPred[i]!));
}

/**
 * Coefficient of determination R² = 1 − SSres / SStot, with scikit-learn's conventions: when the
 * truth is constant (SStot = 0) the score is 1 for a perfect prediction and 0 otherwise; with fewer
 * than two rows it is undefined and NaN is returned.
 *
 * @example
 * r2Score(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 4)) // 0.5
 */
export function r2Score(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number {
  checkLengths('r2Score', yTrue, yPred.length, 'yPred', sampleWeight);
  const n = yTrue.length;
  if (n < 2) return Number.NaN;
  const w = sampleWeight;
  let residual = 0;
  let constant = true;
  for (let i = 0; i < n; i++) {
    const d = yTrue[i]! - yPred[i]!;
    residual += (w ? w[i]! : 1) * d * d;
    if (yTrue[i] !== yTrue[0]) constant = false;
  }
  // A constant truth has SStot = 0 exactly, even where its computed mean would round off it.
  let total = 0;
  if (!constant) {
    const mean = weightedMean(n, w, (i) => yTrue[i]!);
    for (let i = 0; i < n; i++) {
      const d = yTrue[i]! - mean;
      total += (w ? w[i]! : 1) * d * d;
    }
  }
  if (residual === 0) return 1;
  if (total === 0) return 0;
  return 1 - residual / total;
}

/**
 * Mean absolute percentage error |y − ŷ| / max(|y|, ε) as a fraction (0.1 is 10 %), with
 * ε = 2.220446049250313e-16 as scikit-learn uses: a zero in `yTrue` gives a huge error, not a
 * division by zero.
 *
 * @example
 * meanAbsolutePercentageError(Float64Array.of(2, 4), Float64Array.of(1, 5)) // 0.375
 */
export function meanAbsolutePercentageError(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  checkLengths('meanAbsolutePercentageError', yTrue, yPred.length, 'yPred', sampleWeight);
  return weightedMean(
    yTrue.length,
    sampleWeight,
    (i) => Math.abs(yPred[i]! - yTrue[i]!) / Math.max(Math.abs(yTrue[i]!), Number.EPSILON),
  );
}
