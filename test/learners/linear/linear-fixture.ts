// The scikit-learn reference values written by scripts/fixtures/linear.py, and helpers to use them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Matrix } from '../../../src/data/matrix.js';
import type { ClassificationData, Feature, RegressionData } from '../../../src/learners/types.js';

interface PlainMatrix {
  rows: number;
  cols: number;
  data: number[];
}

export interface LinearCase {
  name: string;
  params: Record<string, unknown>;
  sampleWeight: number[] | null;
  coef: number[];
  intercept: number;
}

export interface RegressionSet {
  X: PlainMatrix;
  y: number[];
  linearRegression: LinearCase[];
  ridge: LinearCase[];
}

export interface LogisticCase {
  name: string;
  params: Record<string, unknown>;
  sampleWeight: number[] | null;
  coef: number[];
  intercept: number[];
  /** predict_proba on XTest, row-major. */
  proba: number[];
}

export interface ClassificationSet {
  classes: string[];
  XTrain: PlainMatrix;
  yTrain: number[];
  XTest: PlainMatrix;
  cases: LogisticCase[];
}

export interface LinearFixture {
  sklearnVersion: string;
  regression: RegressionSet;
  rankDeficient: { collinear: RegressionSet; wide: RegressionSet };
  sgd: {
    friedman: {
      XTrain: PlainMatrix;
      yTrain: number[];
      XTest: PlainMatrix;
      yTest: number[];
      olsTestR2: number;
      /** testR2: the mean over scikit-learn random_state 0 … 4. */
      cases: {
        name: string;
        params: Record<string, unknown>;
        sampleWeight: number[] | null;
        testR2: number;
      }[];
    };
    nearlyLinear: { X: PlainMatrix; y: number[]; olsCoef: number[]; olsIntercept: number };
  };
  logistic: { binary: ClassificationSet; multiclass: ClassificationSet; penguins: ClassificationSet };
}

export const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/linear.json', import.meta.url), 'utf8'),
) as LinearFixture;

export function toMatrix(plain: PlainMatrix): Matrix {
  return { rows: plain.rows, cols: plain.cols, data: Float64Array.from(plain.data) };
}

export function numericFeatures(count: number): Feature[] {
  return Array.from({ length: count }, (_, j) => ({ name: `x${j}`, kind: 'numeric' as const }));
}

export function regressionData(
  X: PlainMatrix | Matrix,
  y: ArrayLike<number>,
  sampleWeight?: ArrayLike<number> | null,
): RegressionData {
  const matrix = X.data instanceof Float64Array ? (X as Matrix) : toMatrix(X as PlainMatrix);
  return {
    task: 'regression',
    X: matrix,
    features: numericFeatures(matrix.cols),
    y: Float64Array.from(y),
    sampleWeight: sampleWeight ? Float64Array.from(sampleWeight) : undefined,
  };
}

export function classificationData(
  set: ClassificationSet,
  sampleWeight?: number[] | null,
): ClassificationData {
  const X = toMatrix(set.XTrain);
  return {
    task: set.classes.length > 2 ? 'multiclass' : 'binary',
    X,
    features: numericFeatures(X.cols),
    y: Int32Array.from(set.yTrain),
    classes: set.classes,
    sampleWeight: sampleWeight ? Float64Array.from(sampleWeight) : undefined,
  };
}

/** Normwise relative closeness: max |actual − expected| ≤ rtol · max |expected|. */
export function assertCloseRelative(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol: number,
  what: string,
): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  let diff = 0;
  let size = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    size = Math.max(size, Math.abs(expected[i]!));
  }
  assert.ok(
    diff <= rtol * size,
    `${what}: off by ${diff} (relative ${diff / size}), allowed ${rtol} relative`,
  );
}

/** Elementwise absolute closeness. */
export function assertCloseAbsolute(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  atol: number,
  what: string,
): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i]! - expected[i]!);
    assert.ok(
      diff <= atol,
      `${what}[${i}]: ${actual[i]} vs ${expected[i]} (off by ${diff}, allowed ${atol})`,
    );
  }
}
