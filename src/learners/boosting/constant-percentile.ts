import type { LossTarget } from './boosting-loss.js';
import { percentile } from './percentile.js';
import { weightedPercentile } from './weighted-percentile.js';

/**
 * The q-th percentile of the target, the initial model of the median and quantile losses: as
 * scikit-learn's DummyRegressor, NumPy's interpolated percentile without sample weights and the
 * lower weighted percentile with them.
 *
 * @example
 * constantPercentile({ y: Float64Array.of(1, 2, 3, 4), sampleWeight: undefined }, 50) // 2.5
 */
export function constantPercentile(target: LossTarget, q: number): number {
  const values = target.y.slice();
  return target.sampleWeight ? weightedPercentile(values, target.sampleWeight, q) : percentile(values, q);
}
