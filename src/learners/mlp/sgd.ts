import type { Optimizer } from './optimizer.js';

/** Settings of stochastic gradient descent, named as in scikit-learn. */
export interface SgdSettings {
  readonly learningRateInit: number;
  readonly learningRate: 'constant' | 'invscaling' | 'adaptive';
  readonly powerT: number;
  readonly momentum: number;
  readonly nesterovsMomentum: boolean;
}

/** scikit-learn's adaptive schedule stops once the learning rate is this small. */
const SMALLEST_ADAPTIVE_RATE = 1e-6;

/**
 * Stochastic gradient descent with (Nesterov) momentum as scikit-learn runs it. Schedules:
 * 'constant'; 'invscaling', lr = learningRateInit / (t + 1)^powerT after each epoch, t the samples
 * seen; 'adaptive', lr divided by 5 each time the loss stalls, stopping once it is ≤ 1e-6.
 *
 * @example
 * const optimizer = sgd(params.length, { learningRateInit: 0.01, learningRate: 'adaptive', powerT: 0.5, momentum: 0.9, nesterovsMomentum: true });
 */
export function sgd(size: number, settings: SgdSettings): Optimizer {
  const { learningRateInit, learningRate: schedule, powerT, momentum, nesterovsMomentum } = settings;
  const velocity = new Float64Array(size);
  let rate = learningRateInit;
  return {
    update(params, grads) {
      for (let i = 0; i < size; i++) {
        const g = grads[i]!;
        const v = momentum * velocity[i]! - rate * g;
        velocity[i] = v;
        params[i] = params[i]! + (nesterovsMomentum ? momentum * v - rate * g : v);
      }
    },
    iterationEnds(samplesSeen) {
      if (schedule === 'invscaling') rate = learningRateInit / (samplesSeen + 1) ** powerT;
    },
    triggerStopping() {
      if (schedule !== 'adaptive' || rate <= SMALLEST_ADAPTIVE_RATE) return true;
      rate /= 5;
      return false;
    },
  };
}
