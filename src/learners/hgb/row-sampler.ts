import { range } from '../../data/matrix.js';
import { createRandom } from '../../random.js';

/** Draws the rows of each boosting iteration (all of them when the fraction is 1). */
export interface RowSampler {
  /** Draws a new sample (no-op without subsampling). */
  draw(): void;
  /** Writes the sampled rows, ascending, into partition[0 …]; returns their number. */
  fill(partition: Uint32Array): number;
  /** The rows left out of the current sample, ascending. */
  readonly outOfSample: Uint32Array;
}

/**
 * A sampler of round(fraction · n) rows (at least 1) per iteration, without replacement, seeded.
 *
 * @example
 * const sampler = rowSampler(1000, 0.5, 7); sampler.draw(); const m = sampler.fill(partition); // 500
 */
export function rowSampler(n: number, fraction: number, seed: number): RowSampler {
  if (fraction >= 1) {
    // Copied into the partition for every tree (a copy is several times faster than the loop).
    const all = range(n);
    return {
      draw: () => {},
      fill(partition) {
        partition.set(all);
        return n;
      },
      outOfSample: new Uint32Array(0),
    };
  }
  const m = Math.max(1, Math.min(n, Math.round(fraction * n)));
  const random = createRandom(seed);
  const pool = range(n);
  const inSample = new Uint8Array(n);
  const sample = new Uint32Array(m);
  const outOfSample = new Uint32Array(n - m);
  return {
    draw() {
      for (let i = 0; i < m; i++) {
        const j = i + random.int(n - i);
        const t = pool[i]!;
        pool[i] = pool[j]!;
        pool[j] = t;
      }
      inSample.fill(0);
      for (let i = 0; i < m; i++) inSample[pool[i]!] = 1;
      let a = 0;
      let b = 0;
      for (let i = 0; i < n; i++) {
        if (inSample[i]) sample[a++] = i;
        else outOfSample[b++] = i;
      }
    },
    fill(partition) {
      partition.set(sample);
      return m;
    },
    outOfSample,
  };
}
