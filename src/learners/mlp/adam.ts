import type { Optimizer } from './optimizer.js';

/** Settings of Adam, named as in scikit-learn. */
export interface AdamSettings {
  readonly learningRateInit: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

/**
 * Adam (Kingma & Ba, 2014) as scikit-learn runs it: moment estimates m and v, and the bias
 * correction folded into the step size lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ).
 *
 * @example
 * const optimizer = adam(params.length, { learningRateInit: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
 * optimizer.update(params, grads);
 */
export function adam(size: number, settings: AdamSettings): Optimizer {
  const { learningRateInit, beta1, beta2, epsilon } = settings;
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let t = 0;
  return {
    update(params, grads) {
      t++;
      const rate = (learningRateInit * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
      for (let i = 0; i < size; i++) {
        const g = grads[i]!;
        const mi = beta1 * m[i]! + (1 - beta1) * g;
        const vi = beta2 * v[i]! + (1 - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        params[i] = params[i]! - (rate * mi) / (Math.sqrt(vi) + epsilon);
      }
    },
    iterationEnds() {},
    triggerStopping: () => true,
  };
}
