import { weightedPercentile } from '../../boosting/weighted-percentile.js';
import { median } from './absolute-error.js';
import type { HgbLoss, LeafRows, LossTarget } from './loss.js';

/**
 * Huber loss (not in scikit-learn 1.2's histogram boosting; this follows its
 * GradientBoostingRegressor): each iteration δ is the `alpha` quantile of |y − raw|; the loss is
 * ½r² within δ and δ(|r| − δ/2) beyond, the gradient raw − y clipped to [−δ, δ], the hessian 1; a
 * leaf takes the median residual plus the mean of its clipped deviations from that median.
 *
 * @example
 * const loss = huber(0.9, false);
 */
export function huber(alpha: number, weighted: boolean): HgbLoss {
  let delta = Number.NaN;
  const valueAt = (r: number, d: number): number => {
    const a = Math.abs(r);
    return a <= d ? 0.5 * r * r : d * (a - 0.5 * d);
  };
  const lossWith = ({ y, sampleWeight: w }: LossTarget, raw: Float64Array, d: number): number => {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      const wi = w ? w[i]! : 1;
      sum += wi * valueAt(y[i]! - raw[i]!, d);
      total += wi;
    }
    return sum / total;
  };
  return {
    name: 'huber',
    nTrees: 1,
    link: 'identity',
    constantHessian: !weighted,
    // The threshold delta is a quantile of every row's residual.
    rowwise: false,
    baseline: ({ y, sampleWeight }: LossTarget) => Float64Array.of(median(y.slice(), sampleWeight)),
    gradients(target, raw, g, h) {
      const { y, sampleWeight: w } = target;
      const n = y.length;
      const absolute = new Float64Array(n);
      for (let i = 0; i < n; i++) absolute[i] = Math.abs(y[i]! - raw[i]!);
      delta = weightedPercentile(absolute, w, alpha * 100);
      for (let i = 0; i < n; i++) {
        const d = raw[i]! - y[i]!;
        const clipped = Math.min(Math.max(d, -delta), delta);
        const wi = w ? w[i]! : 1;
        g[i] = wi * clipped;
        if (w) h[i] = wi;
      }
      return lossWith(target, raw, delta);
    },
    loss(target, raw) {
      if (Number.isNaN(delta)) {
        const absolute = new Float64Array(target.y.length);
        for (let i = 0; i < absolute.length; i++) absolute[i] = Math.abs(target.y[i]! - raw[i]!);
        return lossWith(target, raw, weightedPercentile(absolute, target.sampleWeight, alpha * 100));
      }
      return lossWith(target, raw, delta);
    },
    leafValue({ y, sampleWeight: w }, raw, leaf: LeafRows) {
      const residual = new Float64Array(leaf.count);
      const weights = w ? new Float64Array(leaf.count) : undefined;
      for (let k = 0; k < leaf.count; k++) {
        const i = leaf.partition[leaf.start + k]!;
        residual[k] = y[i]! - raw[i]!;
        if (weights) weights[k] = w![i]!;
      }
      const center = median(residual.slice(), weights);
      let sum = 0;
      let total = 0;
      for (let k = 0; k < leaf.count; k++) {
        const d = residual[k]! - center;
        const wk = weights ? weights[k]! : 1;
        sum += wk * Math.sign(d) * Math.min(delta, Math.abs(d));
        total += wk;
      }
      return center + sum / total;
    },
  };
}
