import type { HgbLoss, LossTarget } from './loss.js';

/**
 * Half squared error ½(y − raw)², identity link: gradient raw − y, hessian 1 (times the row weight).
 *
 * @example
 * const loss = squaredError(false);
 */
export function squaredError(weighted: boolean): HgbLoss {
  return {
    name: 'squared_error',
    nTrees: 1,
    link: 'identity',
    constantHessian: !weighted,
    rowwise: true,
    baseline({ y, sampleWeight: w }: LossTarget) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        sum += wi * y[i]!;
        total += wi;
      }
      return Float64Array.of(sum / total);
    },
    gradients({ y, sampleWeight: w }, raw, g, h) {
      const n = y.length;
      let sum = 0;
      if (!w) {
        for (let i = 0; i < n; i++) {
          const d = raw[i]! - y[i]!;
          g[i] = d;
          sum += d * d;
        }
        return (0.5 * sum) / n;
      }
      let total = 0;
      for (let i = 0; i < n; i++) {
        const d = raw[i]! - y[i]!;
        g[i] = w[i]! * d;
        h[i] = w[i]!;
        sum += w[i]! * d * d;
        total += w[i]!;
      }
      return (0.5 * sum) / total;
    },
    loss({ y, sampleWeight: w }, raw) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const d = raw[i]! - y[i]!;
        const wi = w ? w[i]! : 1;
        sum += wi * d * d;
        total += wi;
      }
      return (0.5 * sum) / total;
    },
  };
}
