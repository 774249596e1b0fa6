import { range } from '../../data/matrix.js';
import type { Random } from '../../random.js';

/** One stage's rows: the sample it is fitted on and the rest, both ascending. */
export interface RowSample {
  readonly inBag: Uint32Array;
  readonly outOfBag: Uint32Array;
}

/**
 * A sampler of `nInBag` of `n` rows without replacement, a fresh uniform sample per call (stochastic
 * gradient boosting's subsample).
 *
 * @example
 * const draw = createSubsampler(100, 80, createRandom(0));
 * const { inBag, outOfBag } = draw(); // 80 and 20 row indices
 */
export function createSubsampler(n: number, nInBag: number, random: Random): () => RowSample {
  const order = range(n);
  const chosen = new Uint8Array(n);
  return () => {
    // Partial Fisher–Yates: order[0 … nInBag) becomes a uniform sample (any starting order will do).
    for (let i = 0; i < nInBag; i++) {
      const j = i + random.int(n - i);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    chosen.fill(0);
    for (let i = 0; i < nInBag; i++) chosen[order[i]!] = 1;
    const inBag = new Uint32Array(nInBag);
    const outOfBag = new Uint32Array(n - nInBag);
    let a = 0;
    let b = 0;
    for (let r = 0; r < n; r++) {
      if (chosen[r]) inBag[a++] = r;
      else outOfBag[b++] = r;
    }
    return { inBag, outOfBag };
  };
}
