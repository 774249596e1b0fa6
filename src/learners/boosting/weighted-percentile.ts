import { sortPairs } from '../tree/sort-pairs.js';

/**
 * The lower weighted percentile, as scikit-learn's `_weighted_percentile` (used by gradient
 * boosting for its medians and quantiles): the smallest value whose cumulative weight, in sorted
 * order, reaches `percentile / 100` of the total weight. `values` is sorted in place; `weights`
 * (same length; absent: all 1) is left alone.
 *
 * @example
 * weightedPercentile(Float64Array.of(3, 1, 2), undefined, 50) // 2
 * weightedPercentile(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 5), 50) // 3
 */
export function weightedPercentile(
  values: Float64Array,
  weights: Float64Array | undefined,
  percentile: number,
): number {
  const n = values.length;
  if (!weights) {
    values.sort();
    // Unit weights: the cumulative weight at sorted index i is exactly i + 1.
    const target = (percentile / 100) * n;
    return values[Math.min(n - 1, Math.max(0, Math.ceil(target) - 1))]!;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  sortPairs(values, order, 0, n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[order[i]!]!;
  let target = (percentile / 100) * total;
  // scikit-learn skips leading zero weights for percentile 0: the target becomes the smallest positive number.
  if (target === 0) target = Number.MIN_VALUE;
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    cumulative += weights[order[i]!]!;
    if (cumulative >= target) return values[i]!;
  }
  return values[n - 1]!;
}
