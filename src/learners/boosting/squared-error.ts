import { type BoostingLoss, weightOf } from './boosting-loss.js';

/**
 * Least squares: the loss is the weighted mean of (y − raw)², the negative gradient the residual
 * y − raw, the initial model the weighted mean of y. A regression tree's leaf value, the mean
 * residual, already minimises it, so leaves need no line search.
 *
 * @example
 * const loss = squaredError();
 * loss.initRaw({ y: Float64Array.of(1, 2, 6), sampleWeight: undefined }) // Float64Array [3]
 */
export function squaredError(): BoostingLoss {
  return {
    nOutputs: 1,
    initRaw({ y, sampleWeight }) {
      let sum = 0;
      let total = 0;
      for (let r = 0; r < y.length; r++) {
        const w = weightOf(sampleWeight, r);
        sum += w * y[r]!;
        total += w;
      }
      return Float64Array.of(sum / total);
    },
    negativeGradient({ y }, raw, _k, rows, out) {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        out[r] = y[r]! - raw[r]!;
      }
    },
    value({ y, sampleWeight }, raw, rows) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const w = weightOf(sampleWeight, r);
        const d = y[r]! - raw[r]!;
        sum += w * d * d;
        total += w;
      }
      return sum / total;
    },
  };
}
