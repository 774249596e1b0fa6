import { type ParamTable, types } from '../params.js';
import type { LossName } from './losses/loss.js';

/** The parameters of histogram gradient boosting, with scikit-learn's names (camelCase). */
export interface HgbParams {
  readonly loss: 'auto' | LossName;
  readonly alpha: number;
  readonly learningRate: number;
  readonly maxIter: number;
  readonly maxLeafNodes: number | null;
  readonly maxDepth: number | null;
  readonly minSamplesLeaf: number;
  readonly l2Regularization: number;
  readonly maxBins: number;
  readonly categoricalFeatures: 'auto' | 'none';
  readonly subsample: number;
  readonly colsampleBytree: number;
  readonly maxFeatures: number;
  readonly earlyStopping: 'auto' | boolean;
  readonly validationFraction: number | null;
  readonly nIterNoChange: number;
  readonly tol: number;
  readonly nJobs: number | null;
  readonly seed: number;
}

const fraction = (): ReturnType<typeof types.number> => types.number(0, 1, true);

/**
 * The parameter table of histGradientBoosting.
 *
 * @example
 * resolveParams('histGradientBoosting', hgbParams, { kind: 'histGradientBoosting', maxIter: 200 })
 */
export const hgbParams: ParamTable<HgbParams> = {
  loss: {
    type: types.oneOf('auto', 'squared_error', 'absolute_error', 'huber', 'poisson', 'log_loss'),
    default: 'auto',
    doc:
      'regression: "squared_error", "absolute_error", "huber" or "poisson" (log link); classification: ' +
      '"log_loss" (binary, or multiclass with one tree per class); "auto": squared_error / log_loss',
  },
  alpha: {
    type: types.number(0, 1, true),
    default: 0.9,
    doc: 'huber: the quantile of |residual| where the loss turns linear (re-estimated every iteration)',
  },
  learningRate: { type: types.positive(), default: 0.1, doc: 'shrinkage applied to every leaf value' },
  maxIter: { type: types.int(1), default: 100, doc: 'boosting iterations (trees per class)' },
  maxLeafNodes: {
    type: types.nullable(types.int(2)),
    default: 31,
    doc: 'leaves per tree at most (trees grow best-first); null: no limit',
  },
  maxDepth: {
    type: types.nullable(types.int(1)),
    default: null,
    doc: 'depth of a tree at most; null: no limit',
  },
  minSamplesLeaf: { type: types.int(1), default: 20, doc: 'rows per leaf at least' },
  l2Regularization: { type: types.number(0), default: 0, doc: 'L2 penalty λ on leaf values: −G / (H + λ)' },
  maxBins: {
    type: types.int(2, 255),
    default: 255,
    doc: 'bins per feature for non-missing values (plus one bin for missing values)',
  },
  categoricalFeatures: {
    type: types.oneOf('auto', 'none'),
    default: 'auto',
    doc: '"auto": categorical columns (≤ 255 levels) get native categorical splits; "none": their codes are numbers',
  },
  subsample: {
    type: fraction(),
    default: 1,
    doc: 'fraction of the rows each iteration grows its trees on, drawn without replacement (LightGBM bagging)',
  },
  colsampleBytree: {
    type: fraction(),
    default: 1,
    doc: 'fraction of the features each tree may split on (XGBoost colsample_bytree), rounded up',
  },
  maxFeatures: {
    type: fraction(),
    default: 1,
    doc: "fraction of the tree's features searched at each split, rounded up (scikit-learn ≥ 1.4's max_features)",
  },
  earlyStopping: {
    type: types.anyOf(types.oneOf('auto'), types.bool()),
    default: 'auto',
    doc: 'stop when the validation loss stops improving; "auto": when there are more than 10 000 rows',
  },
  validationFraction: {
    type: types.nullable({ type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true }),
    default: 0.1,
    doc: 'early stopping: rows held out (stratified for classification); null: the training loss decides',
  },
  nIterNoChange: {
    type: types.int(1),
    default: 10,
    doc: 'early stopping: iterations without an improvement larger than tol before stopping',
  },
  tol: { type: types.number(0), default: 1e-7, doc: 'early stopping: the improvement that counts' },
  nJobs: {
    type: types.nullable(types.int(1)),
    default: null,
    doc: 'threads binning the data and building histograms (Node, with stacklearn/node); null or 1: the calling thread only',
  },
  seed: {
    type: types.seed(),
    default: 0,
    doc: 'seed of the validation split, the binning sample and the row / feature subsampling',
  },
};
