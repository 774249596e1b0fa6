import { type BoostingLoss, type LossTarget, weightOf } from './boosting-loss.js';
import { newtonStep } from './newton-step.js';

/** Class probabilities are clipped to [ε, 1 − ε] before the log of the initial model (scikit-learn's float32 ε). */
export const PRIOR_EPSILON = 2 ** -23;

/**
 * Binary log loss on the log-odds of class 1 (y is 0 or 1): one tree per stage. The initial model
 * is the log prior odds; a leaf's value is one Newton step, Σ w·(y − p) / Σ w·p·(1 − p). The loss
 * value is the mean negative log-likelihood (scikit-learn's `train_score_` reports twice that, the
 * binomial deviance).
 *
 * @example
 * const loss = binomialLogLoss();
 * loss.initRaw({ y: Float64Array.of(0, 1, 1, 1), sampleWeight: undefined }) // [ln 3]
 */
export function binomialLogLoss(): BoostingLoss {
  return {
    nOutputs: 1,
    initRaw(target) {
      const p = Math.min(Math.max(positiveShare(target), PRIOR_EPSILON), 1 - PRIOR_EPSILON);
      return Float64Array.of(Math.log(p / (1 - p)));
    },
    negativeGradient({ y }, raw, _k, rows, out) {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        out[r] = y[r]! - 1 / (1 + Math.exp(-raw[r]!));
      }
    },
    leafValue({ y, sampleWeight }, _raw, _k, residual, rows, start, end) {
      return newtonStep(y, sampleWeight, residual, rows, start, end, 1);
    },
    value({ y, sampleWeight }, raw, rows) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const w = weightOf(sampleWeight, r);
        const f = raw[r]!;
        sum += w * (logOnePlusExp(f) - y[r]! * f);
        total += w;
      }
      return sum / total;
    },
  };
}

function positiveShare({ y, sampleWeight }: LossTarget): number {
  let positive = 0;
  let total = 0;
  for (let r = 0; r < y.length; r++) {
    const w = weightOf(sampleWeight, r);
    if (y[r] === 1) positive += w;
    total += w;
  }
  return positive / total;
}

/** ln(1 + e^x) without overflow. */
function logOnePlusExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
