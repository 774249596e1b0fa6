import { StacklearnError } from '../../../errors.js';
import { absoluteError } from './absolute-error.js';
import { binaryLogLoss } from './binary-log-loss.js';
import { huber } from './huber.js';
import type { HgbLoss, LossName, LossTarget } from './loss.js';
import { multiclassLogLoss } from './multiclass-log-loss.js';
import { poisson } from './poisson.js';
import { squaredError } from './squared-error.js';

/** What a loss is chosen for: the task and its classes, and the huber quantile. */
export interface LossChoice {
  readonly loss: 'auto' | LossName;
  readonly task: 'regression' | 'binary' | 'multiclass';
  readonly nClasses: number;
  readonly alpha: number;
}

/**
 * The loss for a task: "auto" is squared error for regression and log loss for classification.
 * Throws when the loss does not fit the task.
 *
 * @example
 * createLoss({ loss: 'auto', task: 'binary', nClasses: 2, alpha: 0.9 }, target).link // 'logit'
 */
export function createLoss(choice: LossChoice, target: LossTarget): HgbLoss {
  const weighted = target.sampleWeight !== undefined;
  const { task } = choice;
  const name = choice.loss === 'auto' ? (task === 'regression' ? 'squared_error' : 'log_loss') : choice.loss;
  if (task !== 'regression') {
    if (name !== 'log_loss') {
      throw new StacklearnError(
        `histGradientBoosting: loss "${name}" is for regression; classification uses "log_loss" (or "auto")`,
      );
    }
    return task === 'binary' ? binaryLogLoss() : multiclassLogLoss(choice.nClasses);
  }
  switch (name) {
    case 'squared_error':
      return squaredError(weighted);
    case 'absolute_error':
      return absoluteError(weighted);
    case 'huber':
      return huber(choice.alpha, weighted);
    case 'poisson':
      return poisson(target);
    case 'log_loss':
      throw new StacklearnError(
        'histGradientBoosting: loss "log_loss" is for classification; regression uses "squared_error", ' +
          '"absolute_error", "huber" or "poisson"',
      );
  }
}
