import { defaultExecutor, type Executor, runTasks } from '../executor.js';
import { classSampleWeight } from '../tree/class-sample-weight.js';
import type { TreeTarget } from '../tree/criterion.js';
import type { SplitterName } from '../tree/splitter.js';
import { prepareColumns, type TreeColumns } from '../tree/tree-columns.js';
import { treeOptions } from '../tree/tree-params.js';
import type { LearnerDef, TrainingData } from '../types.js';
import {
  concatForests,
  type ForestArrays,
  forestRoots,
  predictForest,
  predictForestRow,
} from './forest-arrays.js';
import { bootstrapSize, type ForestParams, forestParams } from './forest-params.js';
import { GROW_TREES, type GrownTrees, type GrowTreesPayload } from './grow-trees.js';
import { outOfBag } from './out-of-bag.js';

/**
 * What a fitted forest holds (`model.state`): its trees packed into one set of arrays, the mean of
 * the trees' normalised impurity importances (summing to 1), and with `oobScore` the out-of-bag
 * score and predictions (rows × classes for classification; NaN for rows never out of bag).
 */
export interface ForestState {
  readonly forest: ForestArrays;
  readonly featureImportances: Float64Array;
  readonly oobScore?: number;
  readonly oobPrediction?: Float64Array;
}

/** What distinguishes one forest learner from another. */
export interface ForestKind {
  readonly kind: string;
  readonly summary: string;
  readonly splitter: SplitterName;
  readonly bootstrap: boolean;
}

/**
 * A forest learner (regression and classification, by the data's task) growing trees with the given
 * splitter, as scikit-learn's forests do: rows weighted by bootstrap counts × sampleWeight ×
 * classWeight, predictions averaged over the trees.
 *
 * @example
 * export const randomForest = forestLearner({ kind: 'randomForest', summary: '...', splitter: 'best', bootstrap: true });
 */
export function forestLearner(config: ForestKind): LearnerDef<ForestParams, ForestState> {
  const { kind, splitter } = config;
  return {
    kind,
    summary: config.summary,
    tasks: ['regression', 'classification'],
    params: forestParams({ bootstrap: config.bootstrap }),
    randomized: true,
    async fit(params, data, context) {
      const payload = growPayload(kind, splitter, params, data);
      const executor = chooseExecutor(params.nJobs, context.executor);
      const shared = executor ? share(payload, executor) : payload;
      const nTrees = params.nEstimators;
      // Several chunks per thread, so that threads finish together; results do not depend on chunking.
      const nChunks = Math.min(nTrees, executor ? 8 * executor.size : 10);
      const chunks = Array.from({ length: nChunks }, (_, c) => ({
        ...shared,
        from: Math.floor((c * nTrees) / nChunks),
        to: Math.floor(((c + 1) * nTrees) / nChunks),
      }));
      let grown = 0;
      const parts = await runTasks<GrownTrees>(executor, GROW_TREES, chunks, {
        concurrency: params.nJobs ?? undefined,
        onDone: (_, c) => {
          grown += chunks[c]!.to - chunks[c]!.from;
          context.onProgress?.(grown / nTrees, `${kind}: ${grown} of ${nTrees} trees`);
        },
      });
      const forest = concatForests(parts.map((part) => part.forest));
      const featureImportances = meanImportances(parts, data.X.cols);
      if (!params.oobScore) return { forest, featureImportances };
      const oob = outOfBag(kind, forest, data, params.seed, payload.bootstrapSize);
      return { forest, featureImportances, oobScore: oob.score, oobPrediction: oob.prediction };
    },
    predictor({ forest }) {
      const roots = forestRoots(forest);
      return (X) => predictForest(forest, roots, X);
    },
    rowPredictor({ forest }) {
      const roots = forestRoots(forest);
      return (row, out) => predictForestRow(forest, roots, row, out);
    },
  };
}

/** Everything the trees are grown from, but the tree range. */
function growPayload(
  kind: string,
  splitter: SplitterName,
  params: ForestParams,
  data: TrainingData,
): Omit<GrowTreesPayload, 'from' | 'to'> {
  const { X } = data;
  const size = bootstrapSize(kind, params, X.rows);
  const maxFeatures =
    params.maxFeatures === 'auto' ? (data.task === 'regression' ? null : 'sqrt') : params.maxFeatures;
  const options = {
    ...treeOptions(kind, { ...params, maxFeatures }, data.task, X.rows, X.cols),
    splitter,
  };
  // 'balanced_subsample' weighs classes within each bootstrap sample, so not here (without bootstrap it is 'balanced').
  const balancedSubsample =
    params.classWeight === 'balanced_subsample' && params.bootstrap && data.task !== 'regression';
  const sampleWeight = balancedSubsample
    ? data.sampleWeight
    : classSampleWeight(kind, params.classWeight, data);
  const target: TreeTarget =
    data.task === 'regression'
      ? { kind: 'regression', y: data.y, sampleWeight }
      : { kind: 'classification', y: data.y, nClasses: data.classes.length, sampleWeight };
  return {
    kind,
    prepared: prepareColumns(X, splitter === 'best'),
    target,
    options,
    bootstrapSize: params.bootstrap ? size : 0,
    balancedSubsample,
    seed: params.seed,
  };
}

/** nJobs 1: this thread; otherwise the fit's executor, or the installed default for nJobs > 1. */
function chooseExecutor(nJobs: number | null, given: Executor | undefined): Executor | undefined {
  if (nJobs === 1) return undefined;
  return given ?? (nJobs === null ? undefined : defaultExecutor(nJobs));
}

/** The payload with its large arrays in the executor's shared memory (placed once, read by every task). */
function share(
  payload: Omit<GrowTreesPayload, 'from' | 'to'>,
  executor: Executor,
): Omit<GrowTreesPayload, 'from' | 'to'> {
  const { prepared, target } = payload;
  const columns: TreeColumns = {
    ...prepared,
    columns: executor.share(prepared.columns),
    order: prepared.order && executor.share(prepared.order),
    ranks: prepared.ranks && executor.share(prepared.ranks),
  };
  const sampleWeight = target.sampleWeight && executor.share(target.sampleWeight);
  const sharedTarget: TreeTarget =
    target.kind === 'regression'
      ? { ...target, y: executor.share(target.y), sampleWeight }
      : { ...target, y: executor.share(target.y), sampleWeight };
  return { ...payload, prepared: columns, target: sharedTarget };
}

/** scikit-learn's forest importances: the mean over trees that split at least once, normalised to sum 1. */
function meanImportances(parts: readonly GrownTrees[], nCols: number): Float64Array {
  const mean = new Float64Array(nCols);
  for (const { importances } of parts) {
    for (let o = 0; o < importances.length; o += nCols) {
      let sum = 0;
      for (let j = 0; j < nCols; j++) sum += importances[o + j]!;
      if (sum > 0) for (let j = 0; j < nCols; j++) mean[j]! += importances[o + j]!;
    }
  }
  let total = 0;
  for (let j = 0; j < nCols; j++) total += mean[j]!;
  if (total > 0) for (let j = 0; j < nCols; j++) mean[j]! /= total;
  return mean;
}
