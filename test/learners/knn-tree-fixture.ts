// Loads test/fixtures/knn-tree.json (scikit-learn 1.2.1, made by scripts/fixtures/knn_tree.py).
import { readFileSync } from 'node:fs';
import type { Matrix } from '../../src/data/matrix.js';
import type { Model, TrainingData } from '../../src/learners/types.js';

/** A dataset as the fixture scripts write it: X row-major, train and test parts. */
export interface FixtureDataset {
  readonly task: 'regression' | 'binary' | 'multiclass';
  readonly nCols: number;
  readonly Xtrain: number[];
  readonly Xtest: number[];
  readonly ytrain: number[];
  readonly ytest: number[];
  readonly nClasses?: number;
}

export interface KnnCase {
  readonly dataset: string;
  readonly nNeighbors: number;
  readonly weights: 'uniform' | 'distance';
  readonly p: number;
  readonly predict: number[];
  readonly proba?: number[];
  /** Test rows whose k-th and (k+1)-th neighbours are at the same distance. */
  readonly boundaryTie: number[];
  /** Largest relative error of scikit-learn's own neighbour distances (against exact ones). */
  readonly distanceError: number;
}

export interface TreeCase {
  readonly dataset: string;
  readonly params: Record<string, unknown>;
  readonly sampleWeight: number[] | null;
  /** Whether scikit-learn grows the same tree for every random_state (no ties between features). */
  readonly seedInvariant: boolean;
  /** Test R² or accuracy with random_state 0, and over nSeeds random states. */
  readonly score: number;
  readonly scoreRange: [number, number];
  readonly meanScore: number;
  readonly sdScore: number;
  readonly nSeeds: number;
  readonly nodeCountRange: [number, number];
  // The tree of random_state 0, for seed-invariant cases only.
  readonly predict?: number[];
  readonly nodeCount?: number;
  readonly featureImportances?: number[];
  readonly feature?: number[];
  readonly threshold?: (number | null)[];
  readonly left?: number[];
  readonly right?: number[];
}

interface Fixture {
  readonly datasets: Record<string, FixtureDataset>;
  readonly knn: KnnCase[];
  readonly tree: TreeCase[];
}

export const fixture: Fixture = JSON.parse(
  readFileSync(new URL('../fixtures/knn-tree.json', import.meta.url), 'utf8'),
);

/** The training data of a fixture dataset (with optional sample weights) and its test rows. */
export function fixtureData(
  name: string,
  sampleWeight?: readonly number[] | null,
): { train: TrainingData; Xtest: Matrix; ytest: number[] } {
  return splitFixture(fixture.datasets[name]!, sampleWeight);
}

/**
 * Any fixture dataset as training data (features x0, x1 …; classes c0, c1 …) and its test rows.
 */
export function splitFixture(
  d: FixtureDataset,
  sampleWeight?: readonly number[] | null,
): { train: TrainingData; Xtest: Matrix; ytest: number[] } {
  const rows = d.ytrain.length;
  const X = { rows, cols: d.nCols, data: Float64Array.from(d.Xtrain) };
  const Xtest = { rows: d.ytest.length, cols: d.nCols, data: Float64Array.from(d.Xtest) };
  const features = Array.from({ length: d.nCols }, (_, j) => ({ name: `x${j}`, kind: 'numeric' as const }));
  const weights = sampleWeight ? { sampleWeight: Float64Array.from(sampleWeight) } : {};
  const train: TrainingData =
    d.task === 'regression'
      ? { task: 'regression', X, features, y: Float64Array.from(d.ytrain), ...weights }
      : {
          task: d.task,
          X,
          features,
          y: Int32Array.from(d.ytrain),
          classes: Array.from({ length: d.nClasses! }, (_, c) => `c${c}`),
          ...weights,
        };
  return { train, Xtest, ytest: d.ytest };
}

/** Test R² (regression) or accuracy (classification) of a model. */
export function testScore(model: Model, Xtest: Matrix, ytest: readonly number[]): number {
  if (model.task === 'regression') {
    const p = model.predict(Xtest);
    const mean = ytest.reduce((a, b) => a + b, 0) / ytest.length;
    let residual = 0;
    let total = 0;
    for (let i = 0; i < ytest.length; i++) {
      residual += (ytest[i]! - p[i]!) ** 2;
      total += (ytest[i]! - mean) ** 2;
    }
    return 1 - residual / total;
  }
  const p = model.predict(Xtest);
  return p.filter((c, i) => c === ytest[i]).length / ytest.length;
}

/** Largest |a - b| / max(1, |b|) over two arrays of equal length. */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!)));
  }
  return worst;
}
