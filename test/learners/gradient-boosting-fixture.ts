// Loads test/fixtures/gradient-boosting.json (scikit-learn 1.2.1, made by scripts/fixtures/gradient_boosting.py).
import { readFileSync } from 'node:fs';
import type { Matrix } from '../../src/data/matrix.js';
import type { TrainingData } from '../../src/learners/types.js';

interface FixtureDataset {
  readonly task: 'regression' | 'binary' | 'multiclass';
  readonly nCols: number;
  /** float32 values, each as its shortest decimal: read back with Math.fround. */
  readonly Xtrain: number[];
  readonly Xtest: number[];
  readonly ytrain: number[];
  readonly ytest: number[];
  readonly nClasses?: number;
}

/** Test scores of one scikit-learn fit: R² (and pinball loss for quantile), or accuracy and log loss. */
export interface FixtureScores {
  readonly r2?: number;
  readonly pinball?: number;
  readonly accuracy?: number;
  readonly logLoss?: number;
}

export interface BoostingCase {
  readonly dataset: string;
  readonly params: Record<string, unknown>;
  readonly sampleWeight: number[] | null;
  /** Scores of random_state 0 … 19. */
  readonly scores: FixtureScores[];
  /** n_estimators_ of each random_state. */
  readonly nEstimators: number[];
  /** The raw scores of the initial model. */
  readonly init: number[];
  /** Deterministic settings: train_score_ of random_state 0 (binary: the deviance, twice the log loss). */
  readonly trainScore?: number[];
  /** Leading stages whose train_score_ agrees (to 1e-9) for every random_state (ties between features split alike). */
  readonly agreedStages?: number;
  /** Every random_state gives the same test outputs (no ties between features that move them). */
  readonly seedInvariant: boolean;
  /** When every random_state gives the same test outputs: the predictions (regression) or probabilities. */
  readonly predict?: number[];
  readonly proba?: number[];
}

interface Fixture {
  readonly datasets: Record<string, FixtureDataset>;
  readonly cases: BoostingCase[];
}

export const fixture: Fixture = JSON.parse(
  readFileSync(new URL('../fixtures/gradient-boosting.json', import.meta.url), 'utf8'),
);

/** The training data of a fixture dataset (with optional sample weights) and its test rows. */
export function fixtureData(
  name: string,
  sampleWeight?: readonly number[] | null,
): { train: TrainingData; Xtest: Matrix; ytest: number[] } {
  const d = fixture.datasets[name]!;
  const X = { rows: d.ytrain.length, cols: d.nCols, data: Float64Array.from(d.Xtrain, Math.fround) };
  const Xtest = { rows: d.ytest.length, cols: d.nCols, data: Float64Array.from(d.Xtest, Math.fround) };
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
