import { StacklearnError } from '../../errors.js';
import { type ParamTable, type ParamType, types } from '../params.js';
import { classWeightParam, type TreeClassWeight } from '../tree/class-sample-weight.js';
import { type TreeParams, treeParams } from '../tree/tree-params.js';

/** The parameters of a forest of trees (random forest, extra trees), with scikit-learn's names. */
export interface ForestParams extends Omit<TreeParams, 'maxFeatures'> {
  readonly nEstimators: number;
  readonly maxFeatures: TreeParams['maxFeatures'] | 'auto';
  readonly bootstrap: boolean;
  readonly oobScore: boolean;
  readonly maxSamples: number | null;
  readonly classWeight: TreeClassWeight;
  readonly nJobs: number | null;
}

/** A fraction in (0, 1]. */
const fraction: ParamType = { type: 'number', min: 0, max: 1, exclusiveMin: true };

/**
 * The parameter table of a forest; `bootstrap` defaults differ (true for random forests, false for
 * extra trees).
 *
 * @example
 * const params = forestParams({ bootstrap: true });
 */
export function forestParams(defaults: { readonly bootstrap: boolean }): ParamTable<ForestParams> {
  return {
    nEstimators: { type: types.int(1), default: 100, doc: 'number of trees' },
    criterion: treeParams.criterion,
    maxDepth: treeParams.maxDepth,
    minSamplesSplit: treeParams.minSamplesSplit,
    minSamplesLeaf: treeParams.minSamplesLeaf,
    maxFeatures: {
      type: types.nullable(types.anyOf(types.oneOf('auto', 'sqrt', 'log2'), fraction, types.int(2))),
      default: 'auto',
      doc: `${treeParams.maxFeatures.doc}; "auto": all for regression, "sqrt" for classification (scikit-learn's defaults)`,
    },
    maxLeafNodes: treeParams.maxLeafNodes,
    minImpurityDecrease: treeParams.minImpurityDecrease,
    bootstrap: {
      type: types.bool(),
      default: defaults.bootstrap,
      doc: 'grow each tree on a bootstrap sample (rows drawn with replacement); false: on all rows',
    },
    oobScore: {
      type: types.bool(),
      default: false,
      doc: 'score the out-of-bag predictions (R² or accuracy) into state.oobScore; needs bootstrap',
    },
    maxSamples: {
      type: types.nullable(types.anyOf({ type: 'number', min: 0, max: 1, exclusiveMin: true }, types.int(2))),
      default: null,
      doc: 'rows per bootstrap sample: a fraction in (0, 1] (1: all), a count ≥ 2; null: all; needs bootstrap',
    },
    classWeight: classWeightParam(true),
    nJobs: {
      type: types.nullable(types.int(1)),
      default: null,
      doc: "trees grown at once on worker threads (under stacklearn/node); 1: in the calling thread; null: on the fit's executor if it has one, else in the calling thread",
    },
    seed: {
      type: types.seed(),
      default: 0,
      doc: 'seed of the bootstrap samples, feature draws and random thresholds (tree i uses deriveSeed(seed, "tree", i))',
    },
  };
}

/**
 * The bootstrap sample size (scikit-learn's rounding), checking the sampling parameters together.
 * Throws a StacklearnError for oobScore or maxSamples without bootstrap, or more samples than rows.
 *
 * @example
 * bootstrapSize('randomForest', { bootstrap: true, oobScore: false, maxSamples: 0.5 }, 101) // 50
 */
export function bootstrapSize(
  kind: string,
  params: Pick<ForestParams, 'bootstrap' | 'oobScore' | 'maxSamples'>,
  nRows: number,
): number {
  const { bootstrap, oobScore, maxSamples } = params;
  if (!bootstrap && oobScore) {
    throw new StacklearnError(
      `${kind}: oobScore needs bootstrap: true (out-of-bag rows exist only with bootstrap samples); received bootstrap: false`,
    );
  }
  if (!bootstrap && maxSamples !== null) {
    throw new StacklearnError(
      `${kind}: maxSamples needs bootstrap: true (it sizes the bootstrap samples); received maxSamples: ${maxSamples} with bootstrap: false`,
    );
  }
  if (maxSamples === null) return nRows;
  if (maxSamples <= 1) return Math.max(1, roundHalfEven(maxSamples * nRows));
  if (maxSamples > nRows) {
    throw new StacklearnError(
      `${kind}: maxSamples is ${maxSamples} but the data have only ${nRows} rows; use at most ${nRows}, a fraction, or null`,
    );
  }
  return maxSamples;
}

/** Rounds to the nearest integer, halves to even (as Python's round). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
