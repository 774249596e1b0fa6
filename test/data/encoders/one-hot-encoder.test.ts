import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../../../src/data/csv.js';
import { toTrainingData } from '../../../src/data/dataset.js';
import { matrix, takeRows } from '../../../src/data/matrix.js';
import { fit } from '../../../src/learners/fit.js';
import type { Feature } from '../../../src/learners/types.js';
import { fitStep } from './fit-step.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/preprocessing.json', import.meta.url), 'utf8'),
);
const read = (name: string) =>
  parseCsv(readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8'));
const cars = toTrainingData(read('cars.csv'), { target: 'Miles_per_Gallon', features: ['Origin'] });

test('oneHotEncoder categories match scikit-learn on data/cars.csv (Origin) and data/penguins.csv', () => {
  const step = fitStep({ kind: 'oneHotEncoder' }, cars.X, cars.features);
  assert.deepEqual(
    step.features.map((f) => f.name),
    fixture.oneHot.originCategories.map((c: string) => `Origin=${c}`),
  );
  assert.ok(step.features.every((f) => f.kind === 'numeric'));
  const penguins = toTrainingData(read('penguins.csv'), { target: 'Species' });
  for (const [name, categories] of Object.entries(fixture.oneHot.penguinCategories)) {
    assert.deepEqual(penguins.features.find((f) => f.name === name)!.levels, categories);
  }
});

test('oneHotEncoder indicator rows match scikit-learn, with and without drop "first"', () => {
  const rows = takeRows(cars.X, fixture.oneHot.originRows);
  assert.deepEqual(
    [...fitStep({ kind: 'oneHotEncoder' }, cars.X, cars.features).transform(rows).data],
    fixture.oneHot.originEncoded,
  );
  const dropped = fitStep({ kind: 'oneHotEncoder', drop: 'first' }, cars.X, cars.features);
  assert.deepEqual([...dropped.transform(rows).data], fixture.oneHot.originEncodedDropFirst);
  assert.deepEqual(
    dropped.features.map((f) => f.name),
    ['Origin=Japan', 'Origin=USA'],
  );
});

const features: Feature[] = [
  { name: 'x', kind: 'numeric' },
  { name: 'two', kind: 'categorical', levels: ['no', 'yes'] },
  { name: 'three', kind: 'categorical', levels: ['a', 'b', 'c'] },
];
const X = matrix([
  [1.5, 0, 2],
  [Number.NaN, 1, 0],
]);

test('oneHotEncoder expands categorical columns in place; numeric columns (and their NaN) pass through', () => {
  const step = fitStep({ kind: 'oneHotEncoder' }, X, features);
  assert.deepEqual(
    step.features.map((f) => f.name),
    ['x', 'two=no', 'two=yes', 'three=a', 'three=b', 'three=c'],
  );
  assert.deepEqual([...step.transform(X).data], [1.5, 1, 0, 0, 0, 1, Number.NaN, 0, 1, 1, 0, 0]);
  const ifBinary = fitStep({ kind: 'oneHotEncoder', drop: 'if_binary' }, X, features);
  assert.deepEqual(
    ifBinary.features.map((f) => f.name),
    ['x', 'two=yes', 'three=a', 'three=b', 'three=c'],
  );
  assert.deepEqual([...ifBinary.transform(X).data], [1.5, 0, 0, 0, 1, Number.NaN, 1, 1, 0, 0]);
});

test('oneHotEncoder: unknown codes and missing values are errors naming column and row, or zeros with "ignore"', () => {
  const bad = matrix([
    [0, 1, 1],
    [0, 1, 3],
    [0, Number.NaN, 0],
  ]);
  const strict = fitStep({ kind: 'oneHotEncoder' }, X, features);
  assert.throws(
    () => strict.transform(bad),
    /oneHotEncoder: column "three" has the unknown level code 3 at row 1; expected a code in 0 … 2/,
  );
  assert.throws(
    () => strict.transform(takeRows(bad, [2])),
    /oneHotEncoder: column "two" has a missing value at row 0; impute it first \(simpleImputer\)/,
  );
  const lenient = fitStep({ kind: 'oneHotEncoder', handleUnknown: 'ignore' }, X, features);
  assert.deepEqual([...lenient.transform(bad).data], [0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
});

test('oneHotEncoder in a pipeline after simpleImputer fits and predicts on the bundled cars data', async () => {
  const data = toTrainingData(read('cars.csv'), { target: 'Miles_per_Gallon' });
  const model = await fit(
    {
      kind: 'pipeline',
      steps: [{ kind: 'simpleImputer' }, { kind: 'oneHotEncoder' }, { kind: 'standardScaler' }],
      estimator: { kind: 'dummy' },
    },
    data,
  );
  assert.ok(model.task === 'regression');
  const prediction = model.predict(data.X);
  assert.equal(prediction.length, 398);
  assert.ok(prediction.every(Number.isFinite));
});
