// Loads test/fixtures/ensembles.json (scikit-learn 1.2.1 / scipy 1.10.1, made by scripts/fixtures/ensembles.py).
import { readFileSync } from 'node:fs';
import type { Matrix } from '../../src/data/matrix.js';
import type { Spec, TrainingData } from '../../src/learners/types.js';

interface FixtureDataset {
  readonly task: 'regression' | 'binary' | 'multiclass';
  readonly nCols: number;
  readonly Xtrain: number[];
  readonly Xtest: number[];
  readonly ytrain: number[];
  readonly ytest: number[];
  readonly nClasses?: number;
}

export interface EnsembleCase {
  readonly dataset: string;
  readonly spec: Spec;
  readonly sampleWeight?: number[] | null;
  /** Predicted values, or class codes. */
  readonly predict: number[];
  /** Class probabilities, row-major (soft voting, stacking classifiers). */
  readonly proba?: number[];
}

export interface NnlsCase {
  readonly rows: number;
  readonly cols: number;
  readonly A: number[];
  readonly b: number[];
  readonly x: number[];
  readonly residualNorm: number;
}

interface Fixture {
  readonly datasets: Record<string, FixtureDataset>;
  readonly voting: EnsembleCase[];
  readonly stacking: EnsembleCase[];
  readonly nnls: NnlsCase[];
}

export const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/ensembles.json', import.meta.url), 'utf8'),
) as Fixture;

/** The training data and test matrix of a fixture dataset (sample weights from the case). */
export function fixtureData(
  name: string,
  sampleWeight?: number[] | null,
): { train: TrainingData; Xtest: Matrix } {
  const d = fixture.datasets[name]!;
  const nCols = d.nCols;
  const features = Array.from({ length: nCols }, (_, j) => ({ name: `x${j}`, kind: 'numeric' as const }));
  const X = { rows: d.ytrain.length, cols: nCols, data: Float64Array.from(d.Xtrain) };
  const Xtest = { rows: d.ytest.length, cols: nCols, data: Float64Array.from(d.Xtest) };
  const weights = sampleWeight ? Float64Array.from(sampleWeight) : undefined;
  if (d.task === 'regression') {
    return {
      train: { task: 'regression', X, features, y: Float64Array.from(d.ytrain), sampleWeight: weights },
      Xtest,
    };
  }
  const classes = Array.from({ length: d.nClasses! }, (_, c) => `c${c}`);
  return {
    train: { task: d.task, X, features, y: Int32Array.from(d.ytrain), classes, sampleWeight: weights },
    Xtest,
  };
}

/** Largest absolute difference between two equally long arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}
