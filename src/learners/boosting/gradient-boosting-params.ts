import { type ParamTable, type ParamType, types } from '../params.js';
import { treeParams } from '../tree/tree-params.js';
import type { LossName } from './boosting-loss.js';

/** The parameters of gradient boosting, with scikit-learn's names (GradientBoostingRegressor / Classifier). */
export interface GradientBoostingParams {
  readonly loss: 'auto' | LossName;
  readonly alpha: number;
  readonly learningRate: number;
  readonly nEstimators: number;
  readonly subsample: number;
  readonly criterion: 'friedman_mse' | 'squared_error';
  readonly maxDepth: number | null;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  readonly maxFeatures: number | 'sqrt' | 'log2' | null;
  readonly maxLeafNodes: number | null;
  readonly minImpurityDecrease: number;
  readonly validationFraction: number;
  readonly nIterNoChange: number | null;
  readonly tol: number;
  readonly seed: number;
}

const openFraction: ParamType = { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true };

/**
 * The parameter table of gradient boosting; the tree parameters are the decision tree's, with
 * scikit-learn's boosting default maxDepth 3.
 *
 * @example
 * resolveParams('gradientBoosting', gradientBoostingParams, { kind: 'gradientBoosting', nEstimators: 50 })
 */
export const gradientBoostingParams: ParamTable<GradientBoostingParams> = {
  loss: {
    type: types.oneOf('auto', 'squared_error', 'absolute_error', 'huber', 'quantile', 'log_loss'),
    default: 'auto',
    doc: 'regression: "squared_error", "absolute_error", "huber" or "quantile"; classification: "log_loss"; "auto" picks squared_error / log_loss by task',
  },
  alpha: {
    type: openFraction,
    default: 0.9,
    doc: 'the quantile of "quantile", and the quantile of |residual| beyond which "huber" is linear',
  },
  learningRate: {
    type: types.number(0),
    default: 0.1,
    doc: 'shrinks each tree’s contribution; smaller needs more trees',
  },
  nEstimators: { type: types.int(1), default: 100, doc: 'boosting stages (trees per class for multiclass)' },
  subsample: {
    type: types.number(0, 1, true),
    default: 1,
    doc: 'fraction of the rows each stage is fitted on, drawn at random; below 1 records the out-of-bag improvement',
  },
  criterion: {
    type: types.oneOf('friedman_mse', 'squared_error'),
    default: 'friedman_mse',
    doc: 'split quality of the trees: "friedman_mse" (scikit-learn’s default; the same splits, minImpurityDecrease not normalised by the rows’ weight) or "squared_error"',
  },
  maxDepth: { ...treeParams.maxDepth, default: 3 },
  minSamplesSplit: treeParams.minSamplesSplit,
  minSamplesLeaf: treeParams.minSamplesLeaf,
  maxFeatures: treeParams.maxFeatures,
  maxLeafNodes: treeParams.maxLeafNodes,
  minImpurityDecrease: {
    ...treeParams.minImpurityDecrease,
    doc: 'split only when the weighted impurity decrease reaches this: a fraction of the whole tree with "squared_error", a total over the rows’ weight with "friedman_mse" (as scikit-learn)',
  },
  validationFraction: {
    type: openFraction,
    default: 0.1,
    doc: 'fraction of the rows held out (stratified for classification) to decide early stopping',
  },
  nIterNoChange: {
    type: types.nullable(types.int(1)),
    default: null,
    doc: 'stop when the validation loss has not improved by tol for this many stages; null: no early stopping',
  },
  tol: { type: types.number(0), default: 1e-4, doc: 'the improvement early stopping asks for' },
  seed: {
    type: types.seed(),
    default: 0,
    doc: 'seed of the subsamples, the feature draws and the validation split',
  },
};
