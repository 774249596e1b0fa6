import type { Random } from '../../random.js';

/**
 * How many of n features a fraction keeps: ⌈fraction · n⌉, at least 1 (scikit-learn's rounding
 * for max_features).
 *
 * @example
 * sampleSize(0.3, 10) // 3
 */
export function sampleSize(fraction: number, n: number): number {
  return Math.max(1, Math.ceil(fraction * n));
}

/**
 * Moves `k` entries of `values`, drawn at random without replacement (a partial Fisher–Yates
 * shuffle), to its front, in ascending order.
 *
 * @example
 * const features = Int32Array.of(0, 1, 2, 3, 4);
 * drawToFront(features, 2, createRandom(1)); // features[0] < features[1], both drawn
 */
export function drawToFront(values: Int32Array, k: number, random: Random): void {
  for (let i = 0; i < k; i++) {
    const j = i + random.int(values.length - i);
    const t = values[i]!;
    values[i] = values[j]!;
    values[j] = t;
  }
  values.subarray(0, k).sort();
}
