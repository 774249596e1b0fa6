import { range } from '../data/matrix.js';
import { trainTestSplit } from '../data/split.js';
import { StacklearnError } from '../errors.js';
import { type ParamType, resolveParams, types } from '../learners/params.js';
import type { TrainingData } from '../learners/types.js';
import { type Fold, makeFolds, type SplitterSpec } from '../select/folds.js';

/** A single seeded holdout: `{ kind: 'holdout', testSize: 0.2 }` (stratified for classification). */
export interface HoldoutSpec {
  readonly kind: 'holdout';
  readonly testSize?: number;
  readonly seed?: number;
}

/**
 * How an ensemble gets its members' out-of-sample predictions: k (shuffled folds, stratified for
 * classification, seeded by the ensemble's seed), a splitter spec (with groupKFold, members predict
 * each row without having seen any row of its group in `data.groups`), or a holdout.
 *
 * @example
 * const cv: EnsembleCv = { kind: 'stratifiedKFold', nSplits: 5, shuffle: true, seed: 1 };
 * const grouped: EnsembleCv = { kind: 'groupKFold', nSplits: 5 };
 */
export type EnsembleCv = number | SplitterSpec | HoldoutSpec;

/** The parameter type of `cv`: an integer ≥ 2 or a splitter / holdout spec. */
export const cvType: ParamType = types.anyOf(types.int(2), { type: 'object' });

const holdoutParams = {
  testSize: {
    type: types.positive(),
    default: 0.2,
    doc: 'the held-out share of the rows in (0, 1), or a row count',
  },
  seed: { type: types.seed(), default: 0, doc: 'seed of the split' },
};

/** The folds every member of an ensemble shares, and the rows they predict. */
export interface SharedFolds {
  readonly folds: readonly Fold[];
  /** Rows that some fold predicts, ascending: every row for k-fold, the held-out rows for a holdout. */
  readonly covered: Uint32Array;
  readonly source: 'outOfFold' | 'holdout';
}

/**
 * The folds of an ensemble's `cv`, shared by all its members. A test set must hold each row at
 * most once (so no repeated splitters). `seed` is used where the spec has none.
 *
 * @example
 * sharedFolds('stacking', 5, data, 0).folds.length // 5
 * sharedFolds('blending', { kind: 'holdout', testSize: 0.2 }, data, 0).covered // the held-out rows
 */
export function sharedFolds(owner: string, cv: EnsembleCv, data: TrainingData, seed: number): SharedFolds {
  const n = data.y.length;
  try {
    if (typeof cv === 'object' && cv.kind === 'holdout') {
      const params = resolveParams('holdout', holdoutParams, { ...cv, seed: cv.seed ?? seed });
      const stratify = data.task === 'regression' ? undefined : data.y;
      const split = trainTestSplit(n, { testSize: params.testSize, seed: params.seed, stratify });
      return { folds: [split], covered: split.test, source: 'holdout' };
    }
    const folds = makeFolds(cv as number | SplitterSpec, data, seed);
    return { folds, covered: coveredRows(folds, n), source: 'outOfFold' };
  } catch (error) {
    if (error instanceof StacklearnError)
      throw new StacklearnError(`${owner}: parameter "cv": ${error.message}`);
    throw error;
  }
}

function coveredRows(folds: readonly Fold[], n: number): Uint32Array {
  const seen = new Uint8Array(n);
  for (const fold of folds) {
    for (const i of fold.test) {
      if (seen[i]) {
        throw new StacklearnError(
          `row ${i} is in more than one test set; out-of-fold predictions need each row predicted once ` +
            '(use kFold, stratifiedKFold, groupKFold or a holdout, not a repeated splitter)',
        );
      }
      seen[i] = 1;
    }
  }
  const count = seen.reduce((a, b) => a + b, 0);
  if (count === n) return range(n);
  const out = new Uint32Array(count);
  let c = 0;
  for (let i = 0; i < n; i++) if (seen[i]) out[c++] = i;
  return out;
}
