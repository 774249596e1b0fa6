import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../../../src/data/csv.js';
import { toTrainingData } from '../../../src/data/dataset.js';
import { column, matrix } from '../../../src/data/matrix.js';
import type { Feature } from '../../../src/learners/types.js';
import { assertClose, fitStep } from './fit-step.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/preprocessing.json', import.meta.url), 'utf8'),
);
const cars = toTrainingData(
  parseCsv(readFileSync(new URL('../../../data/cars.csv', import.meta.url), 'utf8')),
  {
    target: 'Miles_per_Gallon',
  },
);
const numeric = cars.features.map((f, j) => [f, j] as const).filter(([f]) => f.kind === 'numeric');

test('simpleImputer statistics on data/cars.csv match scikit-learn (mean, median, most_frequent)', () => {
  assert.deepEqual(
    numeric.map(([f]) => f.name),
    fixture.imputer.columns,
  );
  for (const strategy of ['mean', 'median', 'most_frequent'] as const) {
    const step = fitStep({ kind: 'simpleImputer', strategy }, cars.X, cars.features);
    const { fill } = step.state as { fill: Float64Array };
    assertClose(
      numeric.map(([, j]) => fill[j]!),
      fixture.imputer[strategy],
    );
    // The categorical Origin gets its most frequent level whatever the strategy.
    const origin = cars.features.findIndex((f) => f.name === 'Origin');
    assert.equal(cars.features[origin]!.levels![fill[origin]!], fixture.imputer.originMostFrequent);
  }
});

test('simpleImputer replaces NaN only, and keeps the features', () => {
  const step = fitStep({ kind: 'simpleImputer' }, cars.X, cars.features);
  const out = step.transform(cars.X);
  const horsepower = cars.features.findIndex((f) => f.name === 'Horsepower');
  const { fill } = step.state as { fill: Float64Array };
  for (let i = 0; i < cars.X.rows; i++) {
    for (let j = 0; j < cars.X.cols; j++) {
      const v = cars.X.data[i * cars.X.cols + j]!;
      assert.equal(out.data[i * out.cols + j], Number.isNaN(v) ? fill[j] : v);
    }
  }
  assert.equal(column(cars.X, horsepower).filter(Number.isNaN).length, 6);
  assert.ok(!out.data.some(Number.isNaN));
  assert.deepEqual(step.features, cars.features);
});

test('simpleImputer: ties in most_frequent go to the smallest value, as in scikit-learn', () => {
  const X = matrix(fixture.ties.X.map((row: (number | null)[]) => row.map((v) => v ?? Number.NaN)));
  const features: Feature[] = ['a', 'b', 'c'].map((name) => ({ name, kind: 'numeric' }));
  for (const [strategy, key] of [
    ['most_frequent', 'mostFrequent'],
    ['median', 'median'],
    ['mean', 'mean'],
  ] as const) {
    const { fill } = fitStep({ kind: 'simpleImputer', strategy }, X, features).state as {
      fill: Float64Array;
    };
    assertClose(fill, fixture.ties[key]);
  }
});

test('simpleImputer constant: numbers for numeric columns, a level (appended if new) for categorical', () => {
  const features: Feature[] = [
    { name: 'x', kind: 'numeric' },
    { name: 'c', kind: 'categorical', levels: ['a', 'b'] },
  ];
  const X = matrix([
    [Number.NaN, 1],
    [2, Number.NaN],
  ]);
  const defaults = fitStep({ kind: 'simpleImputer', strategy: 'constant' }, X, features);
  assert.deepEqual([...defaults.transform(X).data], [0, 1, 2, 2]);
  assert.deepEqual(defaults.features[1], {
    name: 'c',
    kind: 'categorical',
    levels: ['a', 'b', 'missing_value'],
  });
  const seven = fitStep({ kind: 'simpleImputer', strategy: 'constant', fillValue: 7 }, X, features);
  assert.deepEqual([...seven.transform(X).data], [7, 1, 2, 2]);
  assert.deepEqual(seven.features[1]!.levels, ['a', 'b', '7']);
  const existing = fitStep(
    { kind: 'simpleImputer', strategy: 'constant', fillValue: 'a' },
    X,
    features.slice(1),
  );
  const single = matrix([[Number.NaN], [1]]);
  assert.deepEqual([...existing.transform(single).data], [0, 1]);
  assert.deepEqual(existing.features[0]!.levels, ['a', 'b']);
});

test('simpleImputer refuses an all-missing column and a text fillValue for numeric columns', () => {
  const features: Feature[] = [
    { name: 'x', kind: 'numeric' },
    { name: 'empty', kind: 'numeric' },
  ];
  const X = matrix([
    [1, Number.NaN],
    [2, Number.NaN],
  ]);
  assert.throws(
    () => fitStep({ kind: 'simpleImputer', strategy: 'median' }, X, features),
    /simpleImputer: column "empty" has no observed values to take a median from; use strategy "constant"/,
  );
  assert.throws(
    () => fitStep({ kind: 'simpleImputer', strategy: 'constant', fillValue: 'zero' }, X, features),
    /fillValue "zero" is not a number, but column "x" is numeric/,
  );
  assert.throws(
    () => fitStep({ kind: 'simpleImputer', strategy: 'mode' }, X, features),
    /parameter "strategy" must be one of/,
  );
});
