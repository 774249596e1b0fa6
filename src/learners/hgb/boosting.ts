import { createRandom, deriveSeed, type Random } from '../../random.js';
import type { FitContext, TrainingData } from '../types.js';
import { addBinnedTree, binnedTree } from './binned-tree.js';
import { shouldStop } from './early-stopping.js';
import { drawToFront, sampleSize } from './feature-sampler.js';
import { growTree, type HistogramPool, histogramPool, type TreeNode } from './grower.js';
import type { HgbParams } from './hgb-params.js';
import { histogramLength } from './histogram.js';
import { createLoss } from './losses/create-loss.js';
import type { HgbLoss, LossTarget } from './losses/loss.js';
import type { HgbState } from './predictor.js';
import { type RowSampler, rowSampler } from './row-sampler.js';
import { treeArraysBuilder } from './tree-arrays.js';
import { rowsAt, type WorkData } from './tree-work.js';
import { type PreparedData, prepareData } from './validation-split.js';
import { kernelFor } from './wasm-kernel.js';
import { createWorkspace, type Workspace } from './workspace.js';

/** A fit context that may also name the validation data early stopping scores on. */
export interface HgbFitContext extends FitContext {
  /** Scored after every iteration (and used by early stopping instead of a held-out fraction). */
  readonly validationData?: TrainingData;
}

/**
 * Fits histogram gradient boosting, as scikit-learn's HistGradientBoosting: bins every feature once,
 * then each iteration computes the loss's gradients and grows one tree per raw score on them
 * (best-first, from histograms), optionally on a row sample and a feature sample, with early
 * stopping on a held-out fraction, given validation data, or the training loss.
 *
 * @example
 * const state = await boost(resolvedParams, data, {});
 */
export async function boost(
  params: HgbParams,
  data: TrainingData,
  context: HgbFitContext,
): Promise<HgbState> {
  const prepared = prepareData(params, data, context.validationData);
  const { X, target, validation } = prepared;
  const names = data.features.map((f) => f.name);
  const binning = { maxBins: params.maxBins, seed: deriveSeed(params.seed, 'binning'), names };
  const nClasses = data.task === 'regression' ? 1 : data.classes.length;
  const lossChoice = { loss: params.loss, task: data.task, nClasses, alpha: params.alpha };
  const loss = createLoss(lossChoice, target);
  const space = await createWorkspace(prepared, binning, loss, lossChoice, params, context);
  const mapper = space.mapper;
  const run = startRun(prepared, loss, space, params);
  const trees = treeArraysBuilder(mapper);
  const { trainLoss, validationLoss } = run;
  let nIter = 0;
  try {
    for (let iteration = 0; iteration < params.maxIter; iteration++) {
      trainLoss.push(space.work.gradients());
      if (prepared.earlyStopping && !validation && shouldStop(trainLoss, params.nIterNoChange, params.tol))
        break;
      for (const nodes of growIteration(run, space, params)) trees.append(nodes);
      nIter++;
      context.onProgress?.(nIter / params.maxIter, `iteration ${nIter}`);
      if (validation) {
        validationLoss.push(loss.loss(validation.target, run.rawValidation));
        if (prepared.earlyStopping && shouldStop(validationLoss, params.nIterNoChange, params.tol)) break;
      }
    }
  } finally {
    await space.work.close();
  }
  if (trainLoss.length === nIter) trainLoss.push(loss.loss(target, run.raw));
  return {
    loss: loss.name,
    link: loss.link,
    nTreesPerIteration: loss.nTrees,
    nIter,
    nFeatures: X.cols,
    baseline: run.baseline,
    trees: trees.finish(),
    trainLoss: Float64Array.from(trainLoss),
    validationLoss: Float64Array.from(validationLoss),
  };
}

/** The state of the boosting loop: raw scores, loss curves and the random draws. */
interface Run {
  readonly loss: HgbLoss;
  readonly target: LossTarget;
  readonly baseline: Float64Array;
  /** Raw scores, class-major: raw[k · nRows + i]. */
  readonly raw: Float64Array;
  readonly rawValidation: Float64Array;
  readonly nValidation: number;
  readonly trainLoss: number[];
  readonly validationLoss: number[];
  readonly sampler: RowSampler;
  readonly columnRandom: Random;
  readonly splitRandom: Random;
  readonly pool: HistogramPool;
}

function startRun(prepared: PreparedData, loss: HgbLoss, space: Workspace, params: HgbParams): Run {
  const { target, validation, nTrain } = prepared;
  const baseline = loss.baseline(target);
  const nValidation = validation ? validation.target.y.length : 0;
  const rawValidation = fillClassMajor(baseline, nValidation);
  return {
    loss,
    target,
    baseline,
    raw: fillClassMajor(baseline, nTrain, space.data.raw),
    rawValidation,
    nValidation,
    trainLoss: [],
    validationLoss: validation ? [loss.loss(validation.target, rawValidation)] : [],
    sampler: rowSampler(nTrain, params.subsample, deriveSeed(params.seed, 'rows')),
    columnRandom: createRandom(deriveSeed(params.seed, 'columns')),
    splitRandom: createRandom(deriveSeed(params.seed, 'splits')),
    pool: histogramPool(
      histogramLength(prepared.X.cols, params.maxBins + 1, space.data.words),
      space.data.nodeHistograms,
    ),
  };
}

/**
 * Grows the trees of one iteration (one per raw score) on the current gradients and moves the
 * raw scores of the training rows (and of the validation rows) by their leaf values.
 */
function growIteration(run: Run, space: Workspace, params: HgbParams): TreeNode[][] {
  const { data, splitContext, work, validationBins } = space;
  const { raw, sampler } = run;
  const n = data.nRows;
  const grown: TreeNode[][] = [];
  sampler.draw();
  for (let k = 0; k < run.loss.nTrees; k++) {
    const nFeatures = drawFeatures(data.features, params.colsampleBytree, run.columnRandom);
    const rootCount = sampler.fill(data.partition);
    const nodes = growTree(
      {
        data,
        work,
        splitContext,
        pool: run.pool,
        quantization: work.quantize(k),
        tree: k,
        rootCount,
        nFeatures,
        random: run.splitRandom,
      },
      {
        maxLeafNodes: params.maxLeafNodes,
        maxDepth: params.maxDepth,
        minSamplesLeaf: params.minSamplesLeaf,
        shrinkage: params.learningRate,
        featureFractionPerSplit: params.maxFeatures,
      },
    );
    if (run.loss.leafValue) updateLeafValues(run.loss, run.target, raw, data, nodes, params.learningRate);
    addLeafValues(nodes, data, raw, k * n);
    if (sampler.outOfSample.length > 0 || validationBins) {
      const binned = binnedTree(nodes, params.maxBins);
      if (sampler.outOfSample.length > 0)
        addBinnedTree(binned, data.columns, n, sampler.outOfSample, raw, k * n);
      if (validationBins) {
        addBinnedTree(binned, validationBins, run.nValidation, null, run.rawValidation, k * run.nValidation);
      }
    }
    grown.push(nodes);
  }
  return grown;
}

function fillClassMajor(
  baseline: Float64Array,
  n: number,
  out: Float64Array = new Float64Array(baseline.length * n),
): Float64Array {
  for (let k = 0; k < baseline.length; k++) out.fill(baseline[k]!, k * n, (k + 1) * n);
  return out;
}

/** Puts the tree's features first in `features` (all, or ⌈fraction · n⌉ drawn at random, ascending); returns how many. */
function drawFeatures(features: Int32Array, fraction: number, random: Random): number {
  for (let f = 0; f < features.length; f++) features[f] = f;
  if (fraction >= 1) return features.length;
  const k = sampleSize(fraction, features.length);
  drawToFront(features, k, random);
  return k;
}

/** Leaf values from the loss itself (absolute error, huber), shrunk, before the raw scores move. */
function updateLeafValues(
  loss: HgbLoss,
  target: LossTarget,
  raw: Float64Array,
  data: WorkData,
  nodes: readonly TreeNode[],
  shrinkage: number,
): void {
  for (const node of nodes) {
    if (!node.isLeaf) continue;
    const partition = rowsAt(data, node.depth);
    node.value =
      shrinkage * loss.leafValue!(target, raw, { partition, start: node.start, count: node.count });
  }
}

/** raw[offset + row] += the value of the leaf holding the row, for the rows the tree grew on. */
function addLeafValues(nodes: readonly TreeNode[], data: WorkData, raw: Float64Array, offset: number): void {
  const kernel = data.memory === null ? null : kernelFor(data.memory);
  for (const node of nodes) {
    if (!node.isLeaf) continue;
    const partition = rowsAt(data, node.depth);
    if (kernel) {
      const rows = partition.byteOffset + 4 * node.start;
      kernel.addLeafValue(rows, node.count, raw.byteOffset + 8 * offset, node.value);
      continue;
    }
    const end = node.start + node.count;
    for (let j = node.start; j < end; j++) raw[offset + partition[j]!]! += node.value;
  }
}
