import type { HgbLoss, LossTarget } from './loss.js';

/**
 * Half binomial loss log(1 + e^raw) − y·raw (logit link, y in {0, 1}): gradient p − y, hessian
 * p(1 − p) with p the logistic of raw.
 *
 * @example
 * const loss = binaryLogLoss();
 */
export function binaryLogLoss(): HgbLoss {
  return {
    name: 'log_loss',
    nTrees: 1,
    link: 'logit',
    constantHessian: false,
    rowwise: true,
    baseline({ y, sampleWeight: w }: LossTarget) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        sum += wi * y[i]!;
        total += wi;
      }
      // scikit-learn clips the mean into (0, 1) by 10 machine epsilons before the logit.
      const eps = 10 * Number.EPSILON;
      const p = Math.min(Math.max(sum / total, eps), 1 - eps);
      return Float64Array.of(Math.log(p / (1 - p)));
    },
    gradients({ y, sampleWeight: w }, raw, g, h) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        const r = raw[i]!;
        const e = Math.exp(-r);
        const p = 1 / (1 + e);
        g[i] = wi * (p - y[i]!);
        h[i] = wi * p * (1 - p);
        sum += wi * binomialLoss(y[i]!, r);
        total += wi;
      }
      return sum / total;
    },
    loss({ y, sampleWeight: w }, raw) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        sum += wi * binomialLoss(y[i]!, raw[i]!);
        total += wi;
      }
      return sum / total;
    },
  };
}

/** log(1 + e^r) − y·r, computed stably (scikit-learn's closs_half_binomial). */
function binomialLoss(y: number, r: number): number {
  if (r <= 0) return Math.log1p(Math.exp(r)) - y * r;
  if (r <= 18) return Math.log1p(Math.exp(-r)) + (1 - y) * r;
  return Math.exp(-r) + (1 - y) * r;
}
