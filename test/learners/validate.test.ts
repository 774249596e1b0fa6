import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { checkPredictInput, checkTrainingData } from '../../src/learners/validate.js';

const features = [
  { name: 'a', kind: 'numeric' as const },
  { name: 'b', kind: 'numeric' as const },
];
const X = matrix([
  [1, 2],
  [3, 4],
  [5, 6],
]);

test('checkTrainingData names the row of a non-finite target and of a bad weight', () => {
  assert.throws(
    () =>
      checkTrainingData(
        { task: 'regression', X, features, y: Float64Array.of(1, Number.NaN, 3) },
        'toy',
        false,
      ),
    /toy: the target is NaN at row 1/,
  );
  assert.throws(
    () =>
      checkTrainingData(
        {
          task: 'regression',
          X,
          features,
          y: Float64Array.of(1, 2, 3),
          sampleWeight: Float64Array.of(1, -1, 1),
        },
        'toy',
        false,
      ),
    /sampleWeight at row 1 is -1/,
  );
  assert.throws(
    () =>
      checkTrainingData(
        { task: 'regression', X, features, y: Float64Array.of(1, 2, 3), sampleWeight: new Float64Array(3) },
        'toy',
        false,
      ),
    /every sampleWeight is 0/,
  );
});

test('checkTrainingData refuses a single class and mismatched lengths', () => {
  assert.throws(
    () =>
      checkTrainingData(
        { task: 'binary', X, features, y: Int32Array.of(0, 0, 0), classes: ['a'] },
        'toy',
        false,
      ),
    /classification needs at least two classes; the target has only "a"/,
  );
  assert.throws(
    () => checkTrainingData({ task: 'regression', X, features, y: Float64Array.of(1, 2) }, 'toy', false),
    /the target has 2 values but X has 3 rows/,
  );
});

test('checkPredictInput names the expected columns, and the row and column of a missing value', () => {
  assert.throws(
    () => checkPredictInput(matrix([[1]]), features, 'toy', false),
    /expects 2 columns \(a, b\); received 1/,
  );
  assert.throws(
    () =>
      checkPredictInput(
        matrix([
          [1, 2],
          [3, Number.NaN],
        ]),
        features,
        'toy',
        false,
      ),
    /column "b" has a missing value at row 1/,
  );
  assert.doesNotThrow(() => checkPredictInput(matrix([[1, Number.NaN]]), features, 'toy', true));
  assert.throws(
    () => checkPredictInput(matrix([[Number.POSITIVE_INFINITY, 1]]), features, 'toy', true),
    /infinite/,
  );
});

test('checkPredictInput finds a bad value anywhere in a large matrix, after allowed missing values of the same block', () => {
  const features = [
    { name: 'a', kind: 'numeric' },
    { name: 'b', kind: 'numeric' },
  ] as const;
  const rows = 10_000;
  const X = { rows, cols: 2, data: Float64Array.from({ length: 2 * rows }, (_, i) => i / 7) };
  assert.doesNotThrow(() => checkPredictInput(X, features, 'toy', false));
  for (const [at, value, row, column] of [
    [0, Number.NEGATIVE_INFINITY, 0, 'a'],
    [4095, Number.POSITIVE_INFINITY, 2047, 'b'],
    [4096, Number.POSITIVE_INFINITY, 2048, 'a'],
    [2 * rows - 1, Number.NEGATIVE_INFINITY, rows - 1, 'b'],
  ] as const) {
    const data = X.data.slice();
    data[at - 2 >= 0 ? at - 2 : at + 2] = Number.NaN;
    data[at] = value;
    assert.throws(
      () => checkPredictInput({ ...X, data }, features, 'toy', true),
      new RegExp(`column "${column}" has the infinite value ${value} at row ${row}$`),
    );
  }
  const missing = X.data.slice();
  missing[9001] = Number.NaN;
  assert.throws(
    () => checkPredictInput({ ...X, data: missing }, features, 'toy', false),
    /column "b" has a missing value at row 4500/,
  );
  assert.doesNotThrow(() => checkPredictInput({ ...X, data: missing }, features, 'toy', true));
});
