import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../../../src/data/csv.js';
import { toTrainingData } from '../../../src/data/dataset.js';
import { matrix, takeRows } from '../../../src/data/matrix.js';
import type { Feature } from '../../../src/learners/types.js';
import { fitStep } from './fit-step.js';

const features: Feature[] = [
  { name: 'x', kind: 'numeric' },
  { name: 'colour', kind: 'categorical', levels: ['blue', 'green', 'red'] },
];
const X = matrix([
  [1.5, 2],
  [Number.NaN, 0],
  [3, Number.NaN],
]);

test('ordinalEncoder keeps the sorted level codes as numbers; every output feature is numeric', () => {
  // scikit-learn's OrdinalEncoder(categories='auto') codes sorted categories 0 … k-1: blue 0, green 1, red 2.
  const step = fitStep({ kind: 'ordinalEncoder' }, X, features);
  assert.deepEqual([...step.transform(X).data], [1.5, 2, Number.NaN, 0, 3, Number.NaN]);
  assert.deepEqual(step.features, [
    { name: 'x', kind: 'numeric' },
    { name: 'colour', kind: 'numeric' },
  ]);
});

test('ordinalEncoder: an unknown code is an error naming column and row, or unknownValue', () => {
  const bad = matrix([
    [1, 1],
    [1, 7],
  ]);
  assert.throws(
    () => fitStep({ kind: 'ordinalEncoder' }, X, features).transform(bad),
    /ordinalEncoder: column "colour" has the unknown level code 7 at row 1; expected a code in 0 … 2/,
  );
  const lenient = fitStep(
    { kind: 'ordinalEncoder', handleUnknown: 'use_encoded_value', unknownValue: -1 },
    X,
    features,
  );
  assert.deepEqual([...lenient.transform(bad).data], [1, 1, 1, -1]);
});

test('ordinalEncoder refuses inconsistent unknownValue settings, as scikit-learn does', () => {
  assert.throws(
    () => fitStep({ kind: 'ordinalEncoder', handleUnknown: 'use_encoded_value' }, X, features),
    /handleUnknown "use_encoded_value" needs unknownValue, a number; received null/,
  );
  assert.throws(
    () => fitStep({ kind: 'ordinalEncoder', unknownValue: -1 }, X, features),
    /unknownValue \(-1\) is only used with handleUnknown "use_encoded_value"/,
  );
  assert.throws(
    () =>
      fitStep({ kind: 'ordinalEncoder', handleUnknown: 'use_encoded_value', unknownValue: 1 }, X, features),
    /unknownValue 1 is the code of a training level of column "colour"; choose a value outside 0 … 2/,
  );
});

test('ordinalEncoder codes data/cars.csv Origin as scikit-learn does', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../../fixtures/preprocessing.json', import.meta.url), 'utf8'),
  );
  const text = readFileSync(new URL('../../../data/cars.csv', import.meta.url), 'utf8');
  const cars = toTrainingData(parseCsv(text), { target: 'Miles_per_Gallon', features: ['Origin'] });
  const step = fitStep({ kind: 'ordinalEncoder' }, cars.X, cars.features);
  assert.deepEqual(
    [...step.transform(takeRows(cars.X, fixture.oneHot.originRows)).data],
    fixture.oneHot.originOrdinal,
  );
});
