// The scikit-learn reference cases of test/fixtures/naive-bayes.json (scripts/fixtures/naive_bayes.py).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type Matrix, matrix } from '../../../src/data/matrix.js';
import type { ClassificationData, Spec } from '../../../src/learners/types.js';

interface FixtureData {
  readonly cols: number;
  readonly classes: string[];
  readonly XTrain: number[];
  readonly yTrain: number[];
  readonly XTest: number[];
  readonly sampleWeight: number[];
}

export interface NBCase {
  readonly data: string;
  readonly spec: Spec;
  readonly weighted: boolean;
  readonly proba: number[];
}

interface NBFixture {
  readonly datasets: Record<string, FixtureData>;
  readonly gaussianNB: NBCase[];
  readonly multinomialNB: NBCase[];
  readonly bernoulliNB: NBCase[];
}

export const nbFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/naive-bayes.json', import.meta.url), 'utf8'),
) as NBFixture;

/** The training data and held-out rows of a fixture case. */
export function caseData(c: NBCase): { train: ClassificationData; test: Matrix } {
  const d = nbFixture.datasets[c.data]!;
  const rows = d.yTrain.length;
  const train: ClassificationData = {
    task: d.classes.length === 2 ? 'binary' : 'multiclass',
    X: { rows, cols: d.cols, data: Float64Array.from(d.XTrain) },
    features: Array.from({ length: d.cols }, (_, j) => ({ name: `x${j}`, kind: 'numeric' as const })),
    y: Int32Array.from(d.yTrain),
    classes: d.classes,
    sampleWeight: c.weighted ? Float64Array.from(d.sampleWeight) : undefined,
  };
  const test = { rows: d.XTest.length / d.cols, cols: d.cols, data: Float64Array.from(d.XTest) };
  return { train, test };
}

/** Asserts that every value is within `tolerance` of the expected one. */
export function assertAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    const gap = Math.abs(actual[i]! - expected[i]!);
    assert.ok(gap <= tolerance, `value ${i}: ${actual[i]} vs expected ${expected[i]} (gap ${gap})`);
  }
}

/** A test title for a case: its spec and whether it is weighted. */
export function caseTitle(c: NBCase): string {
  const { kind: _kind, ...rest } = c.spec;
  return `${c.data} ${JSON.stringify(rest)}${c.weighted ? ' with sample weights' : ''}`;
}

// Manning, Raghavan & Schütze, Introduction to Information Retrieval, example 13.1. Word counts over
// the vocabulary Chinese, Beijing, Shanghai, Macao, Tokyo, Japan; class "china" or "other".
const vocabulary = ['Chinese', 'Beijing', 'Shanghai', 'Macao', 'Tokyo', 'Japan'];
export const bookExample: ClassificationData = {
  task: 'binary',
  X: matrix([
    [2, 1, 0, 0, 0, 0],
    [2, 0, 1, 0, 0, 0],
    [1, 0, 0, 1, 0, 0],
    [1, 0, 0, 0, 1, 1],
  ]),
  features: vocabulary.map((name) => ({ name, kind: 'numeric' as const })),
  y: Int32Array.of(0, 0, 0, 1),
  classes: ['china', 'other'],
};
/** "Chinese Chinese Chinese Tokyo Japan". */
export const bookTest = matrix([[3, 0, 0, 0, 1, 1]]);
