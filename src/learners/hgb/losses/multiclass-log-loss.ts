import type { HgbLoss, LossTarget } from './loss.js';

/**
 * Half multinomial loss logΣe^raw_k − raw_y (softmax link), one tree per class: gradient p_k − [y = k],
 * hessian p_k(1 − p_k).
 *
 * @example
 * const loss = multiclassLogLoss(3);
 */
export function multiclassLogLoss(nClasses: number): HgbLoss {
  const p = new Float64Array(nClasses);
  /** Softmax of row i into p; returns log Σ e^raw_k. */
  const softmax = (raw: Float64Array, n: number, i: number): number => {
    let max = -Infinity;
    for (let k = 0; k < nClasses; k++) max = Math.max(max, raw[k * n + i]!);
    let sum = 0;
    for (let k = 0; k < nClasses; k++) {
      p[k] = Math.exp(raw[k * n + i]! - max);
      sum += p[k]!;
    }
    for (let k = 0; k < nClasses; k++) p[k] = p[k]! / sum;
    return max + Math.log(sum);
  };
  return {
    name: 'log_loss',
    nTrees: nClasses,
    link: 'softmax',
    constantHessian: false,
    // Softmax couples the classes of a row, laid out class-major.
    rowwise: false,
    baseline({ y, sampleWeight: w }: LossTarget) {
      const share = new Float64Array(nClasses);
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i]! : 1;
        share[y[i]!]! += wi;
        total += wi;
      }
      // scikit-learn clips each share into (0, 1) by one machine epsilon, then takes the symmetric logit.
      let meanLog = 0;
      for (let k = 0; k < nClasses; k++) {
        share[k] = Math.log(Math.min(Math.max(share[k]! / total, Number.EPSILON), 1 - Number.EPSILON));
        meanLog += share[k]!;
      }
      meanLog /= nClasses;
      for (let k = 0; k < nClasses; k++) share[k] = share[k]! - meanLog;
      return share;
    },
    gradients({ y, sampleWeight: w }, raw, g, h) {
      const n = y.length;
      let sum = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const wi = w ? w[i]! : 1;
        const c = y[i]!;
        const logSum = softmax(raw, n, i);
        for (let k = 0; k < nClasses; k++) {
          const pk = p[k]!;
          g[k * n + i] = wi * (pk - (k === c ? 1 : 0));
          h[k * n + i] = wi * pk * (1 - pk);
        }
        sum += wi * (logSum - raw[c * n + i]!);
        total += wi;
      }
      return sum / total;
    },
    loss({ y, sampleWeight: w }, raw) {
      const n = y.length;
      let sum = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const wi = w ? w[i]! : 1;
        sum += wi * (softmax(raw, n, i) - raw[y[i]! * n + i]!);
        total += wi;
      }
      return sum / total;
    },
  };
}
