import { StacklearnError } from '../../errors.js';
import type { Task } from '../types.js';
import { absoluteError } from './absolute-error.js';
import { binomialLogLoss } from './binomial-log-loss.js';
import type { BoostingLoss, LossName } from './boosting-loss.js';
import { huber } from './huber.js';
import { multinomialLogLoss } from './multinomial-log-loss.js';
import { quantile } from './quantile.js';
import { squaredError } from './squared-error.js';

const regressionLosses: readonly LossName[] = ['squared_error', 'absolute_error', 'huber', 'quantile'];

/**
 * The loss a spec's `loss` names, for the data's task ("auto": squared_error for regression,
 * log_loss for classification). Throws a StacklearnError naming the loss and the task when they do
 * not go together.
 *
 * @example
 * resolveLoss('gradientBoosting', 'auto', 'binary') // 'log_loss'
 */
export function resolveLoss(kind: string, loss: 'auto' | LossName, task: Task): LossName {
  if (task === 'regression') {
    if (loss === 'auto') return 'squared_error';
    if (loss === 'log_loss') {
      throw new StacklearnError(
        `${kind}: loss "log_loss" is for classification; for regression use ${regressionLosses.map((l) => `"${l}"`).join(', ')} (or "auto")`,
      );
    }
    return loss;
  }
  if (loss === 'auto' || loss === 'log_loss') return 'log_loss';
  throw new StacklearnError(
    `${kind}: loss "${loss}" is for regression; for classification use "log_loss" (or "auto")`,
  );
}

/**
 * A fresh loss object (Huber's keeps its γ between stages, so each fit needs its own).
 *
 * @example
 * createLoss('log_loss', 0.9, 3) // multinomial: 3 trees per stage
 */
export function createLoss(name: LossName, alpha: number, nClasses: number): BoostingLoss {
  switch (name) {
    case 'squared_error':
      return squaredError();
    case 'absolute_error':
      return absoluteError();
    case 'huber':
      return huber(alpha);
    case 'quantile':
      return quantile(alpha);
    case 'log_loss':
      return nClasses > 2 ? multinomialLogLoss(nClasses) : binomialLogLoss();
  }
}
