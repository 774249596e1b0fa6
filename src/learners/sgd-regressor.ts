import { StacklearnError } from '../errors.js';
import { createRandom } from '../random.js';
import { linearDecision } from './linear/linear-decision.js';
import { plainSgd } from './linear/plain-sgd.js';
import { type SgdLossName, sgdLoss } from './linear/sgd-losses.js';
import { type ParamTable, types } from './params.js';
import type { LearnerDef } from './types.js';

export interface SgdRegressorParams {
  readonly loss: SgdLossName;
  readonly penalty: 'l2' | 'l1' | 'elasticnet' | null;
  readonly alpha: number;
  readonly l1Ratio: number;
  readonly fitIntercept: boolean;
  readonly maxIter: number;
  readonly tol: number | null;
  readonly shuffle: boolean;
  readonly epsilon: number;
  readonly learningRate: 'constant' | 'optimal' | 'invscaling' | 'adaptive';
  readonly eta0: number;
  readonly powerT: number;
  readonly nIterNoChange: number;
  readonly average: boolean | number;
  readonly seed: number;
}

const params: ParamTable<SgdRegressorParams> = {
  loss: {
    type: types.oneOf('squared_error', 'huber', 'epsilon_insensitive'),
    default: 'squared_error',
    doc: 'squared error; Huber (linear beyond epsilon: robust to outliers); or epsilon-insensitive (as SVR)',
  },
  penalty: {
    type: types.nullable(types.oneOf('l2', 'l1', 'elasticnet')),
    default: 'l2',
    doc: 'regularisation of the coefficients; elasticnet mixes l1 and l2 by l1Ratio; null: none',
  },
  alpha: {
    type: types.number(0),
    default: 1e-4,
    doc: 'penalty strength (also sets the "optimal" learning rate)',
  },
  l1Ratio: { type: types.number(0, 1), default: 0.15, doc: 'share of L1 in the elasticnet penalty' },
  fitIntercept: { type: types.bool(), default: true, doc: 'fit an (unpenalised) intercept' },
  maxIter: { type: types.int(1), default: 1000, doc: 'at most this many passes (epochs) over the data' },
  tol: {
    type: types.nullable(types.number(0)),
    default: 1e-3,
    doc: 'stop after nIterNoChange epochs whose training loss improves by less than tol · rows; null: run maxIter epochs',
  },
  shuffle: { type: types.bool(), default: true, doc: 'shuffle the rows before each epoch (seeded)' },
  epsilon: {
    type: types.number(0),
    default: 0.1,
    doc: 'the width of the quadratic zone (huber) or of the insensitive tube (epsilon_insensitive)',
  },
  learningRate: {
    type: types.oneOf('constant', 'optimal', 'invscaling', 'adaptive'),
    default: 'invscaling',
    doc: 'step size: eta0; 1 / (alpha · (t₀ + t)); eta0 / t^powerT; or eta0 divided by 5 whenever progress stalls',
  },
  eta0: {
    type: types.number(0),
    default: 0.01,
    doc: 'initial step size (must be > 0 unless learningRate is "optimal")',
  },
  powerT: { type: types.number(), default: 0.25, doc: 'exponent of the "invscaling" step size' },
  nIterNoChange: {
    type: types.int(1),
    default: 5,
    doc: 'epochs without improvement before stopping (or, with "adaptive", before dividing eta by 5)',
  },
  average: {
    type: types.anyOf(types.bool(), types.int(0)),
    default: false,
    doc: 'true: return the average of all iterates (ASGD); an integer n: average from the n-th update on',
  },
  seed: { type: types.seed(), default: 0, doc: 'seed of the shuffling' },
};

/**
 * What a fitted SGD regressor holds (`model.state`): prediction is `coef · x + intercept`.
 */
export interface SgdRegressorState {
  /** One coefficient per feature, in column order (scikit-learn's `coef_`). */
  readonly coef: Float64Array;
  readonly intercept: number;
  /** Epochs run (scikit-learn's `n_iter_`); equal to maxIter when the tol test never stopped it. */
  readonly nIter: number;
}

/**
 * A linear regressor fitted by stochastic gradient descent, with scikit-learn's SGDRegressor
 * semantics (losses, penalties, learning-rate schedules, averaging, stopping rule, sample weights);
 * the shuffling uses our seeded generator, so coefficients differ from scikit-learn's run for run.
 * Needs standardised inputs. Coefficients are in `model.state.coef` / `model.state.intercept`.
 *
 * @example
 * const model = await fit({ kind: 'sgdRegressor', loss: 'huber', seed: 7 }, data);
 */
export const sgdRegressor: LearnerDef<SgdRegressorParams, SgdRegressorState> = {
  kind: 'sgdRegressor',
  summary: 'Linear regression by stochastic gradient descent (squared, Huber or epsilon-insensitive loss)',
  tasks: ['regression'],
  params,
  scaleSensitive: true,
  randomized: true,
  fit(p, data) {
    if (data.task !== 'regression') throw new StacklearnError('sgdRegressor: does not do classification');
    if (p.learningRate === 'optimal' && p.alpha === 0) {
      throw new StacklearnError(
        'sgdRegressor: parameter "alpha" must be > 0 when learningRate is "optimal" (the step size is 1 / (alpha · t)); received 0',
      );
    }
    if (p.learningRate !== 'optimal' && p.eta0 === 0) {
      throw new StacklearnError(
        `sgdRegressor: parameter "eta0" must be > 0 when learningRate is "${p.learningRate}"; received 0`,
      );
    }
    const { coef, intercept, nIter } = plainSgd(data.X, data.y, data.sampleWeight, {
      loss: sgdLoss(p.loss, p.epsilon),
      penalty: p.penalty,
      alpha: p.alpha,
      l1Ratio: p.l1Ratio,
      fitIntercept: p.fitIntercept,
      maxIter: p.maxIter,
      tol: p.tol,
      nIterNoChange: p.nIterNoChange,
      shuffle: p.shuffle,
      learningRate: p.learningRate,
      eta0: p.eta0,
      powerT: p.powerT,
      average: p.average === true ? 1 : p.average === false ? 0 : p.average,
      random: createRandom(p.seed),
    });
    return { coef, intercept, nIter };
  },
  predictor({ coef, intercept }) {
    const bias = Float64Array.of(intercept);
    return (X) => linearDecision(X, coef, bias);
  },
};
