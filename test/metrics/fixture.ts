// The scikit-learn reference values written by scripts/fixtures/metrics.py, and a tolerance check.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export interface RegressionCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  sampleWeight: number[] | null;
  mse: number;
  rmse: number;
  mae: number;
  r2: number;
  mape: number;
}

type Averaged = { macro: number; weighted: number; micro: number; binary?: number; binaryPos0?: number };

export interface ClassificationCase {
  name: string;
  nClasses: number;
  yTrue: number[];
  yPred: number[];
  sampleWeight: number[] | null;
  accuracy: number;
  balancedAccuracy: number;
  precision: Averaged;
  recall: Averaged;
  f1: Averaged;
  confusionMatrix: number[][];
  /** Row-major rows × nClasses (cases with probabilities only; yPred is their argmax). */
  proba?: number[];
  logLoss?: number;
  rocAuc?: number | { macro: number; weighted: number };
  rocAucPos0?: number;
}

export interface StratifiedCase {
  y: number[];
  nSplits: number;
  test: number[][];
  counts: number[][];
  countsShuffled: number[][];
}

export interface MetricsFixture {
  regression: RegressionCase[];
  classification: ClassificationCase[];
  logLoss: { name: string; yTrue: number[]; proba: number[]; nClasses: number; logLoss: number }[];
  kFold: { nRows: number; nSplits: number; test: number[][] };
  stratifiedKFold: StratifiedCase[];
}

export const fixture: MetricsFixture = JSON.parse(
  readFileSync(new URL('../fixtures/metrics.json', import.meta.url), 'utf8'),
);

/** Equal to 1e-12 relative, or 1e-12 absolute for values near 0. */
export function assertClose(actual: number, expected: number, what: string): void {
  const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} ≠ ${expected}`);
}

export function weights(values: number[] | null): Float64Array | undefined {
  return values ? Float64Array.from(values) : undefined;
}
