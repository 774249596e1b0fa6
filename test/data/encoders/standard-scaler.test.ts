import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../../../src/data/csv.js';
import { toTrainingData } from '../../../src/data/dataset.js';
import { matrix, takeRows } from '../../../src/data/matrix.js';
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
const numeric = cars.features.flatMap((f, j) => (f.kind === 'numeric' ? [j] : []));
const origin = cars.features.findIndex((f) => f.name === 'Origin');

test('standardScaler mean and scale on data/cars.csv match scikit-learn (NaN ignored)', () => {
  assert.deepEqual(
    numeric.map((j) => cars.features[j]!.name),
    fixture.scaler.columns,
  );
  const { state } = fitStep({ kind: 'standardScaler' }, cars.X, cars.features);
  const { mean, scale } = state as { mean: Float64Array; scale: Float64Array };
  assertClose(
    numeric.map((j) => mean[j]!),
    fixture.scaler.mean,
  );
  assertClose(
    numeric.map((j) => scale[j]!),
    fixture.scaler.scale,
  );
});

test('standardScaler transforms like scikit-learn, leaves categorical codes untouched and NaN missing', () => {
  const step = fitStep({ kind: 'standardScaler' }, cars.X, cars.features);
  const first = step.transform(
    takeRows(
      cars.X,
      Array.from({ length: 10 }, (_, i) => i),
    ),
  );
  assertClose(
    Array.from({ length: 10 }, (_, i) => numeric.map((j) => first.data[i * first.cols + j]!)).flat(),
    fixture.scaler.transformedFirstRows,
  );
  const all = step.transform(cars.X);
  for (let i = 0; i < cars.X.rows; i++) {
    const k = i * cars.X.cols;
    assert.equal(all.data[k + origin], cars.X.data[k + origin]);
    for (const j of numeric) assert.equal(Number.isNaN(all.data[k + j]!), Number.isNaN(cars.X.data[k + j]!));
  }
  assert.deepEqual(step.features, cars.features);
});

test('standardScaler: a constant column gets scale 1, as in scikit-learn; withMean / withStd switch steps off', () => {
  const X = matrix(fixture.ties.X.map((row: (number | null)[]) => row.map((v) => v ?? Number.NaN)));
  const features: Feature[] = ['a', 'b', 'c'].map((name) => ({ name, kind: 'numeric' }));
  const { mean, scale } = fitStep({ kind: 'standardScaler' }, X, features).state as {
    mean: Float64Array;
    scale: Float64Array;
  };
  assertClose(mean, fixture.ties.scalerMean);
  assertClose(scale, fixture.ties.scalerScale);
  const x = matrix([[1], [3]]);
  const one: Feature[] = [{ name: 'x', kind: 'numeric' }];
  assert.deepEqual(
    [...fitStep({ kind: 'standardScaler', withMean: false }, x, one).transform(x).data],
    [1, 3],
  );
  assert.deepEqual(
    [...fitStep({ kind: 'standardScaler', withStd: false }, x, one).transform(x).data],
    [-1, 1],
  );
  assert.deepEqual([...fitStep({ kind: 'standardScaler' }, x, one).transform(x).data], [-1, 1]);
});
