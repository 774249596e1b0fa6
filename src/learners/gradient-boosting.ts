import { trainTestSplit } from '../data/split.js';
import { subsetData } from '../data/subset.js';
import { StacklearnError } from '../errors.js';
import { deriveSeed } from '../random.js';
import type { LossName, LossTarget } from './boosting/boosting-loss.js';
import { createLoss, resolveLoss } from './boosting/create-loss.js';
import { type BoostingRows, fitStages } from './boosting/fit-stages.js';
import { type GradientBoostingParams, gradientBoostingParams } from './boosting/gradient-boosting-params.js';
import { addEnsembleScores, type TreeEnsemble } from './boosting/tree-ensemble.js';
import { softmaxRowsInPlace } from './softmax-rows.js';
import { treeOptions } from './tree/tree-params.js';
import type { LearnerDef, ModelInfo, PredictFn, RowPredictFn, TrainingData } from './types.js';

export type { GradientBoostingParams } from './boosting/gradient-boosting-params.js';

/** The state: the initial raw scores, the trees, and the loss curves. */
export interface GradientBoostingState {
  readonly loss: LossName;
  /** Raw scores before any tree: one per output (the loss's optimal constant). */
  readonly init: Float64Array;
  readonly ensemble: TreeEnsemble;
  /** Stages actually fitted (fewer than nEstimators when early stopping stopped). */
  readonly nEstimators_: number;
  /** The training loss after each stage (on the stage's subsample when subsample < 1). */
  readonly trainLoss: Float64Array;
  /** With early stopping: the validation loss after each stage. */
  readonly validationLoss?: Float64Array;
  /** With subsample < 1: each stage's improvement of the loss on the rows it did not see. */
  readonly oobImprovement?: Float64Array;
}

const kind = 'gradientBoosting';

/**
 * Gradient-boosted regression trees, as scikit-learn's GradientBoostingRegressor /
 * GradientBoostingClassifier: squared, absolute, Huber or quantile loss for regression; log loss
 * for classification (one tree per stage on the log-odds for two classes, one per class and stage
 * with softmax for more). Stochastic with subsample < 1; early stopping on a held-out fraction with
 * nIterNoChange. Sample weights count in the gradients, the trees, the leaf line searches, the
 * initial model and the losses. The state keeps the loss curves (`trainLoss`, `validationLoss`).
 *
 * criterion "friedman_mse" chooses the same splits as "squared_error" (its improvement
 * wL·wR/(wL + wR)·(meanL − meanR)² orders splits as the variance decrease does); it only changes
 * the scale minImpurityDecrease is compared on, as in scikit-learn. Each tree sees the features in
 * a random order, so equally good splits go to a random feature, as in scikit-learn.
 *
 * @example
 * await fit({ kind: 'gradientBoosting', nEstimators: 200, learningRate: 0.05, subsample: 0.8 }, data)
 */
export const gradientBoosting: LearnerDef<GradientBoostingParams, GradientBoostingState> = {
  kind,
  summary: 'Gradient-boosted CART trees (squared, absolute, Huber, quantile or log loss; early stopping)',
  tasks: ['regression', 'classification'],
  params: gradientBoostingParams,
  randomized: true,
  fit(params, data, context) {
    const lossName = resolveLoss(kind, params.loss, data.task);
    const nClasses = data.task === 'regression' ? 1 : data.classes.length;
    const { train, validation } = holdOut(params, data);
    const loss = createLoss(lossName, params.alpha, nClasses);
    const treeParams = { ...params, criterion: 'squared_error' as const };
    const tree = treeOptions(kind, treeParams, 'regression', train.X.rows, train.X.cols);
    const init = loss.initRaw(train.target);
    const settings = { ...params, loss, tree, friedmanMse: params.criterion === 'friedman_mse' };
    const result = fitStages(settings, train, init, validation, context.onProgress);
    return {
      loss: lossName,
      init,
      ensemble: result.ensemble,
      nEstimators_: result.nStages,
      trainLoss: result.trainLoss,
      ...(result.validationLoss ? { validationLoss: result.validationLoss } : {}),
      ...(result.oobImprovement ? { oobImprovement: result.oobImprovement } : {}),
    };
  },
  predictor: predictorOf,
  rowPredictor: rowPredictorOf,
};

/** The training rows, and with early stopping the validation rows (a seeded split, stratified for classes). */
function holdOut(
  params: GradientBoostingParams,
  data: TrainingData,
): { train: BoostingRows; validation?: BoostingRows } {
  if (params.nIterNoChange === null) return { train: boostingRows(data) };
  const n = data.X.rows;
  const stratify = data.task === 'regression' ? undefined : data.y;
  let split: { train: Uint32Array; test: Uint32Array };
  try {
    split = trainTestSplit(n, {
      testSize: params.validationFraction,
      seed: deriveSeed(params.seed, 'validation'),
      ...(stratify ? { stratify } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StacklearnError(
      `${kind}: early stopping (nIterNoChange ${params.nIterNoChange}) holds out validationFraction ${params.validationFraction} of the ${n} rows, which fails: ${reason}`,
    );
  }
  return {
    train: boostingRows(subsetData(data, split.train)),
    validation: boostingRows(subsetData(data, split.test)),
  };
}

function boostingRows(data: TrainingData): BoostingRows {
  const y = data.task === 'regression' ? data.y : Float64Array.from(data.y);
  const target: LossTarget = { y, sampleWeight: data.sampleWeight };
  return { X: data.X, target };
}

function predictorOf(state: GradientBoostingState, info: ModelInfo): PredictFn {
  const { init, ensemble } = state;
  const K = init.length;
  if (info.task === 'regression') {
    return (X) => {
      const out = new Float64Array(X.rows).fill(init[0]!);
      addEnsembleScores(ensemble, X, out, 1, 0);
      return out;
    };
  }
  if (info.task === 'binary') {
    return (X) => {
      // Raw log-odds accumulate in column 1, then become [1 − p, p].
      const out = new Float64Array(2 * X.rows);
      for (let i = 0; i < X.rows; i++) out[2 * i + 1] = init[0]!;
      addEnsembleScores(ensemble, X, out, 2, 1);
      for (let i = 0; i < X.rows; i++) {
        const p = 1 / (1 + Math.exp(-out[2 * i + 1]!));
        out[2 * i] = 1 - p;
        out[2 * i + 1] = p;
      }
      return out;
    };
  }
  return (X) => {
    const out = new Float64Array(K * X.rows);
    for (let i = 0; i < X.rows; i++) out.set(init, i * K);
    addEnsembleScores(ensemble, X, out, K, 0);
    return softmaxRowsInPlace(out, X.rows, K);
  };
}

/** One row without allocating: a reused 1-row view over the caller's row, scores into `out`. */
function rowPredictorOf(state: GradientBoostingState, info: ModelInfo): RowPredictFn {
  const { init, ensemble } = state;
  const K = init.length;
  const view: { rows: number; cols: number; data: Float64Array } = {
    rows: 1,
    cols: info.features.length,
    data: new Float64Array(info.features.length),
  };
  if (info.task === 'regression') {
    return (row, out) => {
      view.data = row;
      out[0] = init[0]!;
      addEnsembleScores(ensemble, view, out, 1, 0);
    };
  }
  if (info.task === 'binary') {
    return (row, out) => {
      view.data = row;
      out[1] = init[0]!;
      addEnsembleScores(ensemble, view, out, 2, 1);
      const p = 1 / (1 + Math.exp(-out[1]!));
      out[0] = 1 - p;
      out[1] = p;
    };
  }
  return (row, out) => {
    view.data = row;
    for (let k = 0; k < K; k++) out[k] = init[k]!;
    addEnsembleScores(ensemble, view, out, K, 0);
    softmaxRowsInPlace(out, 1, K);
  };
}
