import { percentile } from '../../boosting/percentile.js';
import { weightedPercentile } from '../../boosting/weighted-percentile.js';
import type { HgbLoss, LeafRows, LossTarget } from './loss.js';

/**
 * Absolute error |y − raw|, identity link: gradient sign(raw − y) (−1 on ties, as scikit-learn),
 * hessian 1; leaves take the (weighted) median of their residuals, as scikit-learn does.
 *
 * @example
 * const loss = absoluteError(false);
 */
export function absoluteError(weighted: boolean): HgbLoss {
  return {
    name: 'absolute_error',
    nTrees: 1,
    link: 'identity',
    constantHessian: !weighted,
    rowwise: true,
    baseline: ({ y, sampleWeight }: LossTarget) => Float64Array.of(median(y.slice(), sampleWeight)),
    gradients({ y, sampleWeight: w }, raw, g, h) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        const d = raw[i]! - y[i]!;
        g[i] = d > 0 ? wi : -wi;
        if (w) h[i] = wi;
        sum += wi * Math.abs(d);
        total += wi;
      }
      return sum / total;
    },
    loss({ y, sampleWeight: w }, raw) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        sum += wi * Math.abs(raw[i]! - y[i]!);
        total += wi;
      }
      return sum / total;
    },
    leafValue({ y, sampleWeight: w }, raw, leaf: LeafRows) {
      const residual = new Float64Array(leaf.count);
      const weights = w ? new Float64Array(leaf.count) : undefined;
      for (let k = 0; k < leaf.count; k++) {
        const i = leaf.partition[leaf.start + k]!;
        residual[k] = y[i]! - raw[i]!;
        if (weights) weights[k] = w![i]!;
      }
      return median(residual, weights);
    },
  };
}

/**
 * NumPy's median without weights, scikit-learn's lower weighted percentile with them (sorts `values`).
 *
 * @example
 * median(Float64Array.of(4, 1, 3, 2), undefined) // 2.5
 */
export function median(values: Float64Array, weights: Float64Array | undefined): number {
  return weights ? weightedPercentile(values, weights, 50) : percentile(values, 50);
}
