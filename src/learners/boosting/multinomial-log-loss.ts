import { PRIOR_EPSILON } from './binomial-log-loss.js';
import { type BoostingLoss, weightOf } from './boosting-loss.js';
import { newtonStep } from './newton-step.js';

/**
 * Multinomial log loss on K raw scores per row (softmax probabilities): K trees per stage, tree k
 * fitted to 1[y = k] − p_k. The initial model is the log class priors; a leaf's value is
 * scikit-learn's Newton step (K − 1)/K · Σ w·res / Σ w·p·(1 − p). The loss value is the mean
 * negative log-likelihood.
 *
 * @example
 * const loss = multinomialLogLoss(3); // loss.nOutputs === 3
 */
export function multinomialLogLoss(nClasses: number): BoostingLoss {
  const K = nClasses;
  return {
    nOutputs: K,
    initRaw({ y, sampleWeight }) {
      const prior = new Float64Array(K);
      let total = 0;
      for (let r = 0; r < y.length; r++) {
        const w = weightOf(sampleWeight, r);
        prior[y[r]!]! += w;
        total += w;
      }
      return prior.map((p) => Math.log(Math.min(Math.max(p / total, PRIOR_EPSILON), 1 - PRIOR_EPSILON)));
    },
    negativeGradient({ y }, raw, k, rows, out) {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const p = Math.exp(raw[r * K + k]! - logSumExp(raw, r * K, K));
        out[r] = (y[r] === k ? 1 : 0) - p;
      }
    },
    leafValue({ y, sampleWeight }, _raw, k, residual, rows, start, end) {
      return newtonStep(y, sampleWeight, residual, rows, start, end, (K - 1) / K, k);
    },
    value({ y, sampleWeight }, raw, rows) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const w = weightOf(sampleWeight, r);
        sum += w * (logSumExp(raw, r * K, K) - raw[r * K + y[r]!]!);
        total += w;
      }
      return sum / total;
    },
  };
}

/**
 * ln Σ exp(values[offset … offset + n)), shifted by the maximum so nothing overflows.
 *
 * @example
 * logSumExp(Float64Array.of(0, 0), 0, 2) // ln 2
 */
export function logSumExp(values: Float64Array, offset: number, n: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let j = offset; j < offset + n; j++) if (values[j]! > max) max = values[j]!;
  let sum = 0;
  for (let j = offset; j < offset + n; j++) sum += Math.exp(values[j]! - max);
  return max + Math.log(sum);
}
