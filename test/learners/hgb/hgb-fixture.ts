// Loads test/fixtures/hgb.json (written by scripts/fixtures/hgb.py from scikit-learn 1.2.1).
import { readFileSync } from 'node:fs';
import type { Matrix } from '../../../src/data/matrix.js';
import type { Spec } from '../../../src/learners/types.js';

/** A matrix as the fixture stores it: row-major values, null for NaN. */
export interface FixtureMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly (number | null)[];
}

/** One scikit-learn fit: its parameters (scikit-learn's names), loss curve and test scores. */
export interface FixtureFit {
  readonly params: Record<string, unknown>;
  readonly nIter: number;
  /** The training loss before the first tree and after each iteration. */
  readonly trainLoss: readonly number[];
  readonly testR2?: number;
  readonly testLogLoss?: number;
  readonly testDeviance?: number;
  readonly predictions?: readonly number[];
  readonly proba?: readonly number[];
}

interface Synthetic<Y> {
  readonly Xtrain: FixtureMatrix;
  readonly ytrain: readonly Y[];
  readonly Xtest: FixtureMatrix;
  readonly ytest: readonly Y[];
  readonly fits: Record<string, FixtureFit>;
}

/** The fixture file's content. */
export interface HgbFixture {
  readonly binning: readonly { values: number[]; maxBins: number; thresholds: number[] }[];
  readonly friedman: Synthetic<number> & { readonly weights: readonly number[] };
  readonly cars: { readonly features: readonly string[]; readonly fits: Record<string, FixtureFit> };
  readonly binary: Synthetic<number>;
  readonly penguins: {
    readonly features: readonly string[];
    readonly classes: readonly string[];
    readonly fits: Record<string, FixtureFit>;
  };
  readonly poisson: Synthetic<number>;
}

export const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/hgb.json', import.meta.url), 'utf8'),
) as HgbFixture;

/** A fixture matrix as a Matrix (null → NaN). */
export function toMatrix(m: FixtureMatrix): Matrix {
  return {
    rows: m.rows,
    cols: m.cols,
    data: Float64Array.from(m.data, (v) => (v === null ? Number.NaN : v)),
  };
}

/** scikit-learn's parameter names and values as a histGradientBoosting spec. */
export function specOf(params: Record<string, unknown>): Spec {
  const names: Record<string, string> = {
    max_iter: 'maxIter',
    early_stopping: 'earlyStopping',
    validation_fraction: 'validationFraction',
    n_iter_no_change: 'nIterNoChange',
    max_depth: 'maxDepth',
    max_leaf_nodes: 'maxLeafNodes',
    min_samples_leaf: 'minSamplesLeaf',
    l2_regularization: 'l2Regularization',
    learning_rate: 'learningRate',
    max_bins: 'maxBins',
    loss: 'loss',
    random_state: 'seed',
  };
  const spec: { kind: string; [name: string]: unknown } = { kind: 'histGradientBoosting' };
  for (const [key, value] of Object.entries(params)) {
    if (key === 'categorical_features') continue;
    const name = names[key];
    if (!name) throw new Error(`no stacklearn name for scikit-learn parameter ${key}`);
    spec[name] = value;
  }
  return spec;
}
