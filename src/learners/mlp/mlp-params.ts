import { type ParamTable, types } from '../params.js';
import type { Activation } from './activations.js';

export interface MlpParams {
  readonly hiddenLayerSizes: readonly number[];
  readonly activation: Activation;
  readonly solver: 'adam' | 'sgd';
  readonly alpha: number;
  readonly batchSize: 'auto' | number;
  readonly learningRateInit: number;
  readonly learningRate: 'constant' | 'invscaling' | 'adaptive';
  readonly powerT: number;
  readonly momentum: number;
  readonly nesterovsMomentum: boolean;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly maxIter: number;
  readonly tol: number;
  readonly nIterNoChange: number;
  readonly earlyStopping: boolean;
  readonly validationFraction: number;
  readonly shuffle: boolean;
  readonly dropout: number;
  readonly residual: boolean;
  readonly seed: number;
}

const fraction = { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true } as const;
const unitInterval = { type: 'number', min: 0, max: 1, exclusiveMax: true } as const;

/** The parameters of `mlp`, with scikit-learn's names and defaults (MLPRegressor / MLPClassifier). */
export const mlpParams: ParamTable<MlpParams> = {
  hiddenLayerSizes: {
    type: { type: 'array', items: types.int(1) },
    default: [100],
    doc: 'units of each hidden layer, in order; [] fits a linear / logistic model',
  },
  activation: {
    type: types.oneOf('relu', 'tanh', 'logistic', 'identity'),
    default: 'relu',
    doc: 'activation of the hidden layers',
  },
  solver: { type: types.oneOf('adam', 'sgd'), default: 'adam', doc: 'the stochastic optimiser' },
  alpha: { type: types.number(0), default: 1e-4, doc: 'L2 penalty on the weights (not the intercepts)' },
  batchSize: {
    type: types.anyOf(types.oneOf('auto'), types.int(1)),
    default: 'auto',
    doc: 'rows per mini-batch; "auto" is min(200, rows); larger than the rows means all of them',
  },
  learningRateInit: { type: types.positive(), default: 1e-3, doc: 'the initial step size' },
  learningRate: {
    type: types.oneOf('constant', 'invscaling', 'adaptive'),
    default: 'constant',
    doc: 'step size schedule (sgd): constant; invscaling, learningRateInit / (samples seen + 1)^powerT; adaptive, divided by 5 whenever the loss stalls',
  },
  powerT: { type: types.number(0), default: 0.5, doc: 'exponent of the "invscaling" schedule (sgd)' },
  momentum: { type: types.number(0, 1), default: 0.9, doc: 'momentum of the updates (sgd)' },
  nesterovsMomentum: { type: types.bool(), default: true, doc: "use Nesterov's momentum (sgd)" },
  beta1: { type: unitInterval, default: 0.9, doc: 'decay of the first-moment estimates (adam)' },
  beta2: { type: unitInterval, default: 0.999, doc: 'decay of the second-moment estimates (adam)' },
  epsilon: { type: types.positive(), default: 1e-8, doc: 'numerical stabiliser of the steps (adam)' },
  maxIter: { type: types.int(1), default: 200, doc: 'maximum number of epochs (passes over the data)' },
  tol: {
    type: types.number(0),
    default: 1e-4,
    doc: 'an epoch improves when the loss falls (or the validation score rises) by at least this',
  },
  nIterNoChange: {
    type: types.int(1),
    default: 10,
    doc: 'stop after more than this many epochs without improvement',
  },
  earlyStopping: {
    type: types.bool(),
    default: false,
    doc: 'hold out validationFraction of the rows (stratified for classification) and stop when their score (R² / accuracy) stalls; keep the best weights',
  },
  validationFraction: {
    type: fraction,
    default: 0.1,
    doc: 'fraction of the rows held out for early stopping',
  },
  shuffle: { type: types.bool(), default: true, doc: 'shuffle the rows before each epoch' },
  dropout: {
    type: unitInterval,
    default: 0,
    doc: 'probability of zeroing each hidden unit during training (inverted dropout); 0 is off',
  },
  residual: {
    type: types.bool(),
    default: false,
    doc: 'skip connections h ← f(W·h + b) + h between consecutive hidden layers, which must all have the same width',
  },
  seed: {
    type: types.seed(),
    default: 0,
    doc: 'seed of the initial weights, the shuffles, the dropout and the validation split',
  },
};
