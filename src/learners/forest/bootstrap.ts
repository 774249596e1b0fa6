import { createRandom, deriveSeed, type Random } from '../../random.js';

/**
 * How many times each of `nRows` rows is drawn in a bootstrap sample of `nSamples` draws with
 * replacement (scikit-learn's `bincount(randint(0, nRows, nSamples))`).
 *
 * @example
 * const counts = bootstrapCounts(100, 100, createRandom(deriveSeed(seed, 'tree', 0)));
 */
export function bootstrapCounts(nRows: number, nSamples: number, random: Random): Uint32Array {
  const counts = new Uint32Array(nRows);
  for (let i = 0; i < nSamples; i++) counts[random.int(nRows)]!++;
  return counts;
}

/**
 * Tree `tree`'s random stream (seeded by `deriveSeed(seed, 'tree', tree)`, whatever thread grows it)
 * and its bootstrap counts, drawn first from that stream; no counts when `bootstrapSize` is 0.
 *
 * @example
 * const { random, counts } = treeSample(seed, 3, X.rows, X.rows);
 */
export function treeSample(
  seed: number,
  tree: number,
  nRows: number,
  bootstrapSize: number,
): { random: Random; counts: Uint32Array | undefined } {
  const random = createRandom(deriveSeed(seed, 'tree', tree));
  return { random, counts: bootstrapSize > 0 ? bootstrapCounts(nRows, bootstrapSize, random) : undefined };
}
