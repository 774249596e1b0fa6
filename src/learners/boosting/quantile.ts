import { type BoostingLoss, differences, weightOf, weightsOf } from './boosting-loss.js';
import { constantPercentile } from './constant-percentile.js';
import { weightedPercentile } from './weighted-percentile.js';

/**
 * The pinball loss of quantile regression: alpha · (y − raw) above the prediction, (1 − alpha) ·
 * (raw − y) below. The initial model and each leaf's value are the (weighted) alpha-quantile of y − raw.
 *
 * @example
 * const loss = quantile(0.9); // fits the conditional 90th percentile
 */
export function quantile(alpha: number): BoostingLoss {
  const q = alpha * 100;
  return {
    nOutputs: 1,
    initRaw: (target) => Float64Array.of(constantPercentile(target, q)),
    negativeGradient({ y }, raw, _k, rows, out) {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        out[r] = y[r]! > raw[r]! ? alpha : -(1 - alpha);
      }
    },
    leafValue({ y, sampleWeight }, raw, _k, _residual, rows, start, end) {
      return weightedPercentile(
        differences(y, raw, rows, start, end),
        weightsOf(sampleWeight, rows, start, end),
        q,
      );
    },
    value({ y, sampleWeight }, raw, rows) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const w = weightOf(sampleWeight, r);
        const d = y[r]! - raw[r]!;
        sum += d > 0 ? alpha * w * d : -(1 - alpha) * w * d;
        total += w;
      }
      return sum / total;
    },
  };
}
