import { StacklearnError } from '../../../errors.js';
import type { HgbLoss, LossTarget } from './loss.js';

/**
 * Half Poisson deviance exp(raw) − y·raw (log link): gradient exp(raw) − y, hessian exp(raw).
 * Needs y ≥ 0 with a positive sum.
 *
 * @example
 * const loss = poisson({ y, sampleWeight: undefined });
 */
export function poisson(target: LossTarget): HgbLoss {
  const { y } = target;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    if (!(y[i]! >= 0)) {
      throw new StacklearnError(
        `histGradientBoosting: loss "poisson" needs y ≥ 0; received ${y[i]} at row ${i}`,
      );
    }
    sum += y[i]!;
  }
  if (!(sum > 0)) throw new StacklearnError('histGradientBoosting: loss "poisson" needs a positive sum of y');
  return {
    name: 'poisson',
    nTrees: 1,
    link: 'log',
    constantHessian: false,
    rowwise: true,
    baseline({ y, sampleWeight: w }) {
      let s = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        s += wi * y[i]!;
        total += wi;
      }
      // scikit-learn clips the mean into the open interval (0, ∞) by 10 machine epsilons.
      return Float64Array.of(Math.log(Math.max(s / total, 10 * Number.EPSILON)));
    },
    gradients({ y, sampleWeight: w }, raw, g, h) {
      let s = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        const mu = Math.exp(raw[i]!);
        g[i] = wi * (mu - y[i]!);
        h[i] = wi * mu;
        s += wi * (mu - y[i]! * raw[i]!);
        total += wi;
      }
      return s / total;
    },
    loss({ y, sampleWeight: w }, raw) {
      let s = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        s += wi * (Math.exp(raw[i]!) - y[i]! * raw[i]!);
        total += wi;
      }
      return s / total;
    },
  };
}
