import { type BoostingLoss, differences, weightOf, weightsOf } from './boosting-loss.js';
import { constantPercentile } from './constant-percentile.js';
import { weightedPercentile } from './weighted-percentile.js';

/**
 * Least absolute deviation: the loss is the weighted mean of |y − raw|, the negative gradient its
 * sign (−1 at 0, as scikit-learn), the initial model and each leaf's value the (weighted) median of
 * y − raw.
 *
 * @example
 * const loss = absoluteError();
 * loss.initRaw({ y: Float64Array.of(1, 2, 10), sampleWeight: undefined }) // Float64Array [2]
 */
export function absoluteError(): BoostingLoss {
  return {
    nOutputs: 1,
    initRaw: (target) => Float64Array.of(constantPercentile(target, 50)),
    negativeGradient({ y }, raw, _k, rows, out) {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        out[r] = y[r]! - raw[r]! > 0 ? 1 : -1;
      }
    },
    leafValue({ y, sampleWeight }, raw, _k, _residual, rows, start, end) {
      return weightedPercentile(
        differences(y, raw, rows, start, end),
        weightsOf(sampleWeight, rows, start, end),
        50,
      );
    },
    value({ y, sampleWeight }, raw, rows) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const w = weightOf(sampleWeight, r);
        sum += w * Math.abs(y[r]! - raw[r]!);
        total += w;
      }
      return sum / total;
    },
  };
}
