import { StacklearnError } from '../errors.js';
import type { Random } from '../random.js';

/**
 * How many of `n` rows or columns a fraction (≤ 1) or a count (an integer > 1) stands for: a
 * fraction takes ⌊fraction · n⌋, at least 1. A count above n is refused.
 *
 * @example
 * sampleCount('bagging', 'maxSamples', 0.5, 301) // 150
 */
export function sampleCount(owner: string, param: string, value: number, n: number): number {
  if (value <= 1) return Math.max(1, Math.floor(value * n));
  if (!Number.isInteger(value) || value > n) {
    throw new StacklearnError(
      `${owner}: parameter "${param}" must be a fraction in (0, 1] or a whole count ≤ ${n}; received ${value}`,
    );
  }
  return value;
}

/**
 * `count` indices of 0 … n-1, drawn with replacement or without, sorted ascending.
 *
 * @example
 * drawIndices(10, 10, true, createRandom(1)) // a bootstrap sample, repeats included
 */
export function drawIndices(n: number, count: number, withReplacement: boolean, random: Random): Uint32Array {
  const out = new Uint32Array(count);
  if (withReplacement) {
    for (let i = 0; i < count; i++) out[i] = random.int(n);
  } else {
    // A partial Fisher–Yates shuffle: the first `count` places of a random permutation.
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = 0; i < count; i++) {
      const j = i + random.int(n - i);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
      out[i] = order[i]!;
    }
  }
  return out.sort();
}
