import { StacklearnError } from '../../errors.js';
import { type ParamTable, type ParamType, types } from '../params.js';
import type { Task } from '../types.js';
import type { TreeOptions } from './build-tree.js';
import type { CriterionName } from './criterion.js';

/** The parameters of one CART tree, with scikit-learn's names (shared by tree ensembles). */
export interface TreeParams {
  readonly criterion: 'auto' | CriterionName;
  readonly maxDepth: number | null;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  readonly maxFeatures: number | 'sqrt' | 'log2' | null;
  readonly minImpurityDecrease: number;
  readonly maxLeafNodes: number | null;
  readonly seed: number;
}

const fraction = (max: number, closedMax: boolean): ParamType => ({
  type: 'number',
  min: 0,
  max,
  exclusiveMin: true,
  exclusiveMax: !closedMax,
});

/**
 * The parameter table of a CART tree; ensembles of trees spread it and override defaults.
 *
 * @example
 * const params = { ...treeParams, maxFeatures: { ...treeParams.maxFeatures, default: 'sqrt' } };
 */
export const treeParams: ParamTable<TreeParams> = {
  criterion: {
    type: types.oneOf('auto', 'squared_error', 'gini', 'entropy'),
    default: 'auto',
    doc: 'impurity to minimise: "squared_error" (regression), "gini" or "entropy" (classification); "auto" picks by task',
  },
  maxDepth: {
    type: types.nullable(types.int(1)),
    default: null,
    doc: 'deepest level of a node; null: no limit',
  },
  minSamplesSplit: {
    type: types.anyOf(types.int(2), fraction(1, false)),
    default: 2,
    doc: 'fewest rows a node needs to be split: a count ≥ 2, or a fraction of the rows in (0, 1)',
  },
  minSamplesLeaf: {
    type: types.anyOf(types.int(1), fraction(0.5, true)),
    default: 1,
    doc: 'fewest rows in a leaf: a count ≥ 1, or a fraction of the rows in (0, 0.5] (sample weights do not count)',
  },
  maxFeatures: {
    type: types.nullable(types.anyOf(types.oneOf('sqrt', 'log2'), fraction(1, true), types.int(2))),
    default: null,
    doc: 'features drawn at random per node: "sqrt", "log2", a fraction in (0, 1] (1: all), a count ≥ 2; null: all',
  },
  minImpurityDecrease: {
    type: types.number(0),
    default: 0,
    doc: 'split only when the weighted impurity decrease (a fraction of the whole tree) reaches this',
  },
  maxLeafNodes: {
    type: types.nullable(types.int(2)),
    default: null,
    doc: 'most leaves, grown best first (largest impurity decrease first); null: no limit, depth first',
  },
  seed: {
    type: types.seed(),
    default: 0,
    doc: 'seed of the random feature draws (when maxFeatures is below all) and random thresholds',
  },
};

/**
 * Resolves tree parameters against the data: the criterion for the task, fractions to row and
 * feature counts (as scikit-learn rounds them). Throws a StacklearnError for a criterion of the
 * wrong task or more features than the data have.
 *
 * @example
 * treeOptions('decisionTree', params, 'regression', X.rows, X.cols) // { criterion: 'squared_error', ... }
 */
export function treeOptions(
  kind: string,
  params: TreeParams,
  task: Task,
  nRows: number,
  nCols: number,
): TreeOptions {
  return {
    criterion: resolveCriterion(kind, params.criterion, task),
    maxDepth: params.maxDepth ?? Number.POSITIVE_INFINITY,
    minSamplesSplit: Number.isInteger(params.minSamplesSplit)
      ? params.minSamplesSplit
      : Math.max(2, Math.ceil(params.minSamplesSplit * nRows)),
    minSamplesLeaf: Number.isInteger(params.minSamplesLeaf)
      ? params.minSamplesLeaf
      : Math.ceil(params.minSamplesLeaf * nRows),
    maxFeatures: resolveMaxFeatures(kind, params.maxFeatures, nCols),
    minImpurityDecrease: params.minImpurityDecrease,
    maxLeafNodes: params.maxLeafNodes ?? Number.POSITIVE_INFINITY,
  };
}

function resolveCriterion(kind: string, criterion: TreeParams['criterion'], task: Task): CriterionName {
  if (task === 'regression') {
    if (criterion === 'auto' || criterion === 'squared_error') return 'squared_error';
    throw new StacklearnError(
      `${kind}: criterion "${criterion}" is for classification; for regression use "squared_error" (or "auto")`,
    );
  }
  if (criterion === 'auto') return 'gini';
  if (criterion === 'squared_error') {
    throw new StacklearnError(
      `${kind}: criterion "squared_error" is for regression; for classification use "gini" or "entropy" (or "auto")`,
    );
  }
  return criterion;
}

function resolveMaxFeatures(kind: string, maxFeatures: TreeParams['maxFeatures'], nCols: number): number {
  if (maxFeatures === null) return nCols;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nCols)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(nCols)));
  if (maxFeatures <= 1) return Math.max(1, Math.floor(maxFeatures * nCols));
  if (maxFeatures > nCols) {
    throw new StacklearnError(
      `${kind}: maxFeatures is ${maxFeatures} but the data have only ${nCols} features; use at most ${nCols}, a fraction, or null`,
    );
  }
  return maxFeatures;
}
