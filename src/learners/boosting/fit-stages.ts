import { type Matrix, range } from '../../data/matrix.js';
import { createRandom, deriveSeed, type Random } from '../../random.js';
import { buildTree, type TreeOptions } from '../tree/build-tree.js';
import { usesPresort } from '../tree/splitter.js';
import { findLeaf, type TreeArrays } from '../tree/tree-arrays.js';
import { prepareColumns } from '../tree/tree-columns.js';
import type { BoostingLoss, LossTarget } from './boosting-loss.js';
import { createColumnShuffler, originalFeatures, type ShuffledColumns } from './column-shuffler.js';
import { lineSearchLeaves } from './line-search.js';
import { createStoppingRule } from './stopping-rule.js';
import { createSubsampler, type RowSample } from './subsample.js';
import {
  addTreeScores,
  createEnsembleBuilder,
  type EnsembleBuilder,
  type TreeEnsemble,
} from './tree-ensemble.js';

/** How boosting runs, with every parameter resolved. */
export interface BoostingSettings {
  readonly loss: BoostingLoss;
  readonly tree: TreeOptions;
  /**
   * friedman_mse: scikit-learn compares minImpurityDecrease with an improvement that is not divided
   * by the weight of the stage's rows; the splits themselves are those of squared_error.
   */
  readonly friedmanMse: boolean;
  readonly learningRate: number;
  readonly nEstimators: number;
  readonly subsample: number;
  /** Early stopping on the validation rows (null: off). */
  readonly nIterNoChange: number | null;
  readonly tol: number;
  readonly seed: number;
}

/** Rows to boost on, or to validate on. */
export interface BoostingRows {
  readonly X: Matrix;
  readonly target: LossTarget;
}

/** The fitted trees and the loss curves, one entry per stage kept. */
export interface BoostingResult {
  readonly ensemble: TreeEnsemble;
  readonly nStages: number;
  /** The loss on the rows each stage was fitted on (all rows, or the stage's subsample). */
  readonly trainLoss: Float64Array;
  /** With early stopping: the loss on the validation rows after each stage. */
  readonly validationLoss?: Float64Array;
  /** With subsample < 1: how much each stage lowered the loss of the rows it did not see. */
  readonly oobImprovement?: Float64Array;
}

/** The state one stage works on. */
interface Booster {
  readonly settings: BoostingSettings;
  readonly train: BoostingRows;
  readonly raw: Float64Array;
  /** The raw scores at the start of the stage (gradients of all K trees are taken there). */
  readonly before: Float64Array;
  readonly residual: Float64Array;
  readonly leafOf: Int32Array;
  readonly builder: EnsembleBuilder;
  readonly random: Random;
  readonly shuffleColumns: () => ShuffledColumns;
}

/** One fitted tree and its leaf values (learning rate applied). */
interface StageTree {
  readonly tree: TreeArrays;
  readonly values: Float64Array;
}

/**
 * Gradient boosting, as scikit-learn's BaseGradientBoosting._fit_stages: from the raw scores `init`,
 * each stage fits nOutputs regression trees to the loss's negative gradient on the stage's rows,
 * re-estimates their leaves by the loss's line search and adds them, shrunk by the learning rate.
 * With `validation` and nIterNoChange, stops when the validation loss stops improving.
 *
 * @example
 * const result = fitStages(settings, { X, target }, loss.initRaw(target));
 */
export function fitStages(
  settings: BoostingSettings,
  train: BoostingRows,
  init: Float64Array,
  validation?: BoostingRows,
  onProgress?: (fraction: number) => void,
): BoostingResult {
  const { loss, nEstimators } = settings;
  const booster = createBooster(settings, train, init);
  const { raw } = booster;
  const all = range(train.X.rows);
  const draw = createSampler(settings, train.X.rows);
  const trainLoss = new Float64Array(nEstimators);
  const oobImprovement = draw ? new Float64Array(nEstimators) : undefined;
  const validating = validation && settings.nIterNoChange !== null ? validation : undefined;
  const tracker = validating && trackValidation(settings, validating, init);
  let stages = 0;
  while (stages < nEstimators) {
    const sample = draw?.();
    const rows = sample ? sample.inBag : all;
    const oobBefore = sample ? lossOrZero(loss, train.target, raw, sample.outOfBag) : 0;
    const trees = fitStage(booster, rows);
    trainLoss[stages] = loss.value(train.target, raw, rows);
    if (sample && oobImprovement) {
      oobImprovement[stages] = oobBefore - lossOrZero(loss, train.target, raw, sample.outOfBag);
    }
    stages++;
    onProgress?.(stages / nEstimators);
    if (tracker && !tracker.keepGoing(trees, stages - 1)) break;
  }
  return {
    ensemble: booster.builder.finish(),
    nStages: stages,
    trainLoss: trainLoss.slice(0, stages),
    ...(tracker ? { validationLoss: tracker.losses.slice(0, stages) } : {}),
    ...(oobImprovement ? { oobImprovement: oobImprovement.slice(0, stages) } : {}),
  };
}

function createBooster(settings: BoostingSettings, train: BoostingRows, init: Float64Array): Booster {
  const { X } = train;
  const K = settings.loss.nOutputs;
  const raw = repeatRows(init, X.rows);
  const random = createRandom(deriveSeed(settings.seed, 'trees'));
  // X is prepared (column-major, presorted) once for all the trees of the fit.
  const prepared = prepareColumns(X, usesPresort('best', X.rows, X.cols));
  return {
    settings,
    train,
    raw,
    before: K > 1 ? new Float64Array(raw.length) : raw,
    residual: new Float64Array(X.rows),
    leafOf: new Int32Array(X.rows),
    builder: createEnsembleBuilder(K),
    random,
    shuffleColumns: createColumnShuffler(prepared, random),
  };
}

/** Stochastic gradient boosting's row sampler (⌊subsample · n⌋ rows per stage, at least 1), if any. */
function createSampler(settings: BoostingSettings, n: number): (() => RowSample) | undefined {
  if (settings.subsample >= 1) return undefined;
  const nInBag = Math.max(1, Math.floor(settings.subsample * n));
  return createSubsampler(n, nInBag, createRandom(deriveSeed(settings.seed, 'subsample')));
}

/** Fits one stage's trees on `rows` and adds them to the raw scores of every training row. */
function fitStage(booster: Booster, rows: Uint32Array): StageTree[] {
  const { settings, train, raw, before, residual, leafOf, builder } = booster;
  const { loss, learningRate } = settings;
  const { X, target } = train;
  const K = loss.nOutputs;
  if (before !== raw) before.set(raw);
  const options = stageOptions(settings, target.sampleWeight, rows);
  const trees: StageTree[] = [];
  for (let k = 0; k < K; k++) {
    loss.negativeGradient(target, before, k, rows, residual);
    const gradient = { kind: 'regression' as const, y: residual, sampleWeight: target.sampleWeight };
    const shuffled = booster.shuffleColumns();
    const grown = buildTree(shuffled.columns, gradient, rows, options, booster.random);
    const tree = originalFeatures(grown.tree, shuffled.order);
    for (let r = 0; r < X.rows; r++) leafOf[r] = findLeaf(tree, X.data, r * X.cols);
    const values = tree.value.slice();
    lineSearchLeaves(loss, target, before, k, residual, rows, leafOf, values);
    for (let node = 0; node < values.length; node++) values[node] = learningRate * values[node]!;
    for (let r = 0; r < X.rows; r++) raw[r * K + k]! += values[leafOf[r]!]!;
    builder.add(tree, values);
    trees.push({ tree, values });
  }
  return trees;
}

/** The tree options of a stage: friedman_mse's minImpurityDecrease scaled to our normalised improvement. */
function stageOptions(
  settings: BoostingSettings,
  sampleWeight: Float64Array | undefined,
  rows: Uint32Array,
): TreeOptions {
  const { tree } = settings;
  if (!settings.friedmanMse || tree.minImpurityDecrease === 0) return tree;
  let total = 0;
  for (let i = 0; i < rows.length; i++) total += sampleWeight ? sampleWeight[rows[i]!]! : 1;
  return { ...tree, minImpurityDecrease: tree.minImpurityDecrease / total };
}

/** The validation scores, updated stage by stage, and the stopping rule applied to their loss. */
function trackValidation(settings: BoostingSettings, validation: BoostingRows, init: Float64Array) {
  const { loss, nEstimators } = settings;
  const K = loss.nOutputs;
  const raw = repeatRows(init, validation.X.rows);
  const rows = range(validation.X.rows);
  const losses = new Float64Array(nEstimators);
  const rule = createStoppingRule(settings.nIterNoChange ?? 1, settings.tol);
  return {
    losses,
    keepGoing(trees: readonly StageTree[], stage: number): boolean {
      trees.forEach(({ tree, values }, k) => {
        addTreeScores(tree, values, validation.X, raw, K, k);
      });
      losses[stage] = loss.value(validation.target, raw, rows);
      return rule(losses[stage]!, stage);
    },
  };
}

function lossOrZero(loss: BoostingLoss, target: LossTarget, raw: Float64Array, rows: Uint32Array): number {
  return rows.length === 0 ? 0 : loss.value(target, raw, rows);
}

/** `init` repeated for each of n rows (row-major). */
function repeatRows(init: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * init.length);
  for (let i = 0; i < n; i++) out.set(init, i * init.length);
  return out;
}
