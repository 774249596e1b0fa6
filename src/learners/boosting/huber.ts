import { type BoostingLoss, differences, type LossTarget, weightOf, weightsOf } from './boosting-loss.js';
import { constantPercentile } from './constant-percentile.js';
import { weightedPercentile } from './weighted-percentile.js';

/**
 * Huber's loss, as Friedman (2001) and scikit-learn: squared below γ, linear above, where γ is the
 * alpha-quantile of |y − raw|, re-estimated at every stage from the rows the stage fits (the loss
 * value uses the latest γ). The initial model is the median; a leaf's value is the median of
 * y − raw plus the weighted mean of the clipped deviations from it.
 *
 * Two choices differ from scikit-learn 1.2: with `subsample` < 1 it estimates γ from all rows (we
 * use the stage's sample only), and it averages the clipped deviations without weights (we weigh
 * them). Both agree without weights and sampling.
 *
 * @example
 * const loss = huber(0.9);
 */
export function huber(alpha: number): BoostingLoss {
  let gamma: number | undefined;
  const gammaOf = (target: LossTarget, raw: Float64Array, rows: Uint32Array): number => {
    const absolute = differences(target.y, raw, rows, 0, rows.length).map(Math.abs);
    return weightedPercentile(absolute, weightsOf(target.sampleWeight, rows, 0, rows.length), alpha * 100);
  };
  return {
    nOutputs: 1,
    initRaw: (target) => Float64Array.of(constantPercentile(target, 50)),
    negativeGradient(target, raw, _k, rows, out) {
      const g = gammaOf(target, raw, rows);
      gamma = g;
      const { y } = target;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const d = y[r]! - raw[r]!;
        out[r] = Math.abs(d) <= g ? d : g * Math.sign(d);
      }
    },
    leafValue({ y, sampleWeight }, raw, _k, _residual, rows, start, end) {
      const g = gamma!;
      const median = weightedPercentile(
        differences(y, raw, rows, start, end),
        weightsOf(sampleWeight, rows, start, end),
        50,
      );
      let sum = 0;
      let total = 0;
      for (let i = start; i < end; i++) {
        const r = rows[i]!;
        const w = weightOf(sampleWeight, r);
        const d = y[r]! - raw[r]! - median;
        sum += w * Math.sign(d) * Math.min(Math.abs(d), g);
        total += w;
      }
      return median + sum / total;
    },
    value(target, raw, rows) {
      const g = gamma ?? gammaOf(target, raw, rows);
      const { y, sampleWeight } = target;
      let sum = 0;
      let total = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const w = weightOf(sampleWeight, r);
        const d = Math.abs(y[r]! - raw[r]!);
        sum += d <= g ? 0.5 * w * d * d : w * g * (d - g / 2);
        total += w;
      }
      return sum / total;
    },
  };
}
