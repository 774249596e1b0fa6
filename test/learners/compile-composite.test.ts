import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toTrainingData } from '../../src/data/dataset.js';
import type { Matrix } from '../../src/data/matrix.js';
import { loadBundled } from '../../src/data/read-file.js';
import '../../src/learners/builtins.js';
import { compileRowPredictor, rowPathOf } from '../../src/learners/compile.js';
import { fit } from '../../src/learners/fit.js';
import { resolveParams } from '../../src/learners/params.js';
import { getTransformer } from '../../src/learners/registry.js';
import type { Model, SavedModel, Spec, TrainingData } from '../../src/learners/types.js';
import { preprocessed } from '../../src/select/candidates.js';

const cars = await bundled('cars');
const penguins = await bundled('penguins');

async function bundled(name: string): Promise<TrainingData> {
  const { dataset, target } = await loadBundled(name);
  return toTrainingData(dataset, { target });
}

function row(X: Matrix, i: number): Float64Array {
  return X.data.slice(i * X.cols, (i + 1) * X.cols);
}

function hasMissing(X: Matrix): boolean {
  return X.data.some(Number.isNaN);
}

/** The row predictor's outputs, row by row, are exactly predict's (regression) or predictProba's. */
function assertSameAsPredict(model: Model, data: TrainingData): void {
  const { X } = data;
  if (model.task === 'regression') {
    const predictRow = compileRowPredictor(model);
    const expected = model.predict(X);
    for (let i = 0; i < X.rows; i++) assert.equal(predictRow(row(X, i)), expected[i], `row ${i}`);
    return;
  }
  const predictRow = compileRowPredictor(model);
  const k = model.classes.length;
  const expected = model.predictProba(X).data;
  const out = new Float64Array(k);
  for (let i = 0; i < X.rows; i++) {
    predictRow(row(X, i), out);
    assert.deepEqual([...out], [...expected.subarray(i * k, i * k + k)], `row ${i}`);
  }
}

test('the bundled data have missing values and a categorical column (what these tests rely on)', () => {
  for (const data of [cars, penguins]) {
    assert.ok(hasMissing(data.X));
    assert.ok(data.features.some((f) => f.kind === 'categorical'));
  }
});

const transformerSpecs: Spec[] = [
  { kind: 'simpleImputer' },
  { kind: 'simpleImputer', strategy: 'constant' },
  { kind: 'standardScaler' },
  { kind: 'oneHotEncoder', handleUnknown: 'ignore' },
  { kind: 'oneHotEncoder', handleUnknown: 'ignore', drop: 'first' },
  { kind: 'ordinalEncoder' },
];

for (const spec of transformerSpecs) {
  test(`${JSON.stringify(spec)}: the row transformer gives the matrix transformer's values, NaN included`, () => {
    for (const data of [cars, penguins]) {
      const def = getTransformer(spec.kind);
      const state = def.fit(resolveParams(def.kind, def.params, spec as Record<string, unknown>), data);
      const width = def.outputFeatures(state, data.features).length;
      const expected = def.transformer(state)(data.X);
      const transformRow = def.rowTransformer?.(state);
      assert.ok(transformRow, `${spec.kind} has a row transformer`);
      const out = new Float64Array(width).fill(7); // stale values must be overwritten
      for (let i = 0; i < data.X.rows; i++) {
        transformRow(row(data.X, i), out);
        assert.deepEqual([...out], [...expected.data.subarray(i * width, (i + 1) * width)], `row ${i}`);
      }
    }
  });
}

test('row transformers refuse unknown codes and missing categories with the matrix error (row 0)', () => {
  const cases: [Spec, number][] = [
    [{ kind: 'oneHotEncoder' }, Number.NaN],
    [{ kind: 'oneHotEncoder' }, 9],
    [{ kind: 'ordinalEncoder' }, 9],
  ];
  const origin = cars.features.findIndex((f) => f.kind === 'categorical');
  for (const [spec, value] of cases) {
    const def = getTransformer(spec.kind);
    const state = def.fit(resolveParams(def.kind, def.params, spec as Record<string, unknown>), cars);
    const bad = row(cars.X, 0);
    bad[origin] = value;
    const matrixError = captureError(() => def.transformer(state)({ rows: 1, cols: bad.length, data: bad }));
    const out = new Float64Array(def.outputFeatures(state, cars.features).length);
    assert.throws(() => def.rowTransformer?.(state)(bad, out), { message: matrixError });
  }
  const unknownValue = { kind: 'ordinalEncoder', handleUnknown: 'use_encoded_value', unknownValue: -1 };
  const def = getTransformer('ordinalEncoder');
  const state = def.fit(resolveParams(def.kind, def.params, unknownValue), cars);
  const bad = row(cars.X, 0);
  bad[origin] = 9;
  const out = new Float64Array(bad.length);
  def.rowTransformer?.(state)(bad, out);
  assert.equal(out[origin], -1);
});

function captureError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

const regressors: Spec[] = [
  { kind: 'decisionTree', maxDepth: 6 },
  { kind: 'ridge', alpha: 1 },
  { kind: 'gradientBoosting', nEstimators: 20 },
  { kind: 'randomForest', nEstimators: 8, maxDepth: 6 },
];

for (const spec of regressors) {
  test(`a compare-style pipeline of ${spec.kind} on cars: the row predictor gives predict's values`, async () => {
    const model = await fit(preprocessed(spec, cars.features), cars);
    assert.equal(model.kind, 'pipeline');
    assertSameAsPredict(model, cars);
    // The pipeline has the allocation-free path exactly when its estimator has one.
    const { estimator } = model.state as { estimator: SavedModel };
    assert.equal(rowPathOf(model) !== undefined, rowPathOf(estimator) !== undefined);
    assert.ok(rowPathOf(model), 'direct path');
  });
}

const classifiers: Spec[] = [
  { kind: 'decisionTree', maxDepth: 5 },
  { kind: 'logisticRegression' },
  { kind: 'gradientBoosting', nEstimators: 10 },
  { kind: 'randomForest', nEstimators: 8, maxDepth: 5 },
];

for (const spec of classifiers) {
  test(`a compare-style pipeline of ${spec.kind} on penguins: the row predictor gives predictProba's rows`, async () => {
    const model = await fit(preprocessed(spec, penguins.features), penguins);
    assertSameAsPredict(model, penguins);
    assert.ok(rowPathOf(model), 'direct path');
  });
}

test('a pipeline without imputer refuses a missing value with the error of predict', async () => {
  const spec = { kind: 'pipeline', steps: [{ kind: 'standardScaler' }], estimator: { kind: 'ridge' } };
  const model = await fit(spec, { ...cars, X: imputedCopy(cars.X) });
  assert.ok(model.task === 'regression' && rowPathOf(model));
  const missing = cars.X.data.findIndex(Number.isNaN);
  const bad = row(cars.X, Math.floor(missing / cars.X.cols));
  const expected = captureError(() => model.predict({ rows: 1, cols: bad.length, data: bad }));
  assert.match(expected, /ridge: column "Horsepower" has a missing value at row 0/);
  assert.throws(() => compileRowPredictor(model)(bad), { message: expected });
  assert.throws(() => compileRowPredictor(model)(bad.map((v) => (Number.isNaN(v) ? Infinity : v))), {
    message: /pipeline: column "Horsepower" has the infinite value Infinity at row 0/,
  });
});

function imputedCopy(X: Matrix): Matrix {
  return { ...X, data: X.data.map((v) => (Number.isNaN(v) ? 0 : v)) };
}

test('a pipeline falls back to the matrix path when its estimator has no row path (bagging), same values', async () => {
  const bagging = { kind: 'bagging', estimator: { kind: 'decisionTree', maxDepth: 4 }, nEstimators: 3 };
  const model = await fit(preprocessed(bagging, cars.features), cars);
  assert.equal(rowPathOf(model), undefined);
  assertSameAsPredict(model, cars);
});

const memberSpecs = (data: TrainingData, extra: Record<string, Spec> = {}): Record<string, Spec> => ({
  tree: preprocessed({ kind: 'decisionTree', maxDepth: 5 }, data.features),
  forest: preprocessed({ kind: 'randomForest', nEstimators: 6, maxDepth: 5 }, data.features),
  linear: preprocessed({ kind: data.task === 'regression' ? 'ridge' : 'logisticRegression' }, data.features),
  ...extra,
});

const ensembles: [string, (data: TrainingData) => Spec][] = [
  ['voting', (data) => ({ kind: 'voting', estimators: memberSpecs(data), weights: [2, 1, 1] })],
  ['soft voting', (data) => ({ kind: 'voting', estimators: memberSpecs(data), voting: 'soft' })],
  ['stacking', (data) => ({ kind: 'stacking', estimators: memberSpecs(data), cv: 3 })],
  [
    'stacking, fold models averaged',
    (data) => ({
      kind: 'stacking',
      estimators: memberSpecs(data),
      cv: 3,
      refit: 'foldAverage',
      stackMethod: 'predict',
    }),
  ],
  ['blending', (data) => ({ kind: 'blending', estimators: memberSpecs(data) })],
  [
    'ensembleSelection',
    (data) => ({ kind: 'ensembleSelection', estimators: memberSpecs(data), nIterations: 10 }),
  ],
  [
    'a compare-style pipeline around voting',
    (data) =>
      preprocessed(
        { kind: 'voting', estimators: { tree: { kind: 'decisionTree' }, ridge: { kind: 'ridge' } } },
        data.features,
      ),
  ],
];

for (const [name, specOf] of ensembles) {
  for (const data of [cars, penguins]) {
    if (name.includes('pipeline') && data.task !== 'regression') continue;
    test(`${name} of compare-style members on ${data.task}: the row predictor gives predict's outputs`, async () => {
      const model = await fit(specOf(data), data);
      assert.ok(rowPathOf(model), 'direct path');
      assertSameAsPredict(model, data);
    });
  }
}

test("stacking with passthrough refuses a missing raw value with the final estimator's error, as predict does", async () => {
  const spec = { kind: 'stacking', estimators: memberSpecs(cars), cv: 3, passthrough: ['Cylinders'] };
  const model = await fit(spec, cars);
  assertSameAsPredict(model, cars);
  const bad = row(cars.X, 0);
  bad[cars.features.findIndex((f) => f.name === 'Cylinders')] = Number.NaN;
  const expected = captureError(() =>
    (model as { predict(X: Matrix): unknown }).predict({ rows: 1, cols: bad.length, data: bad }),
  );
  assert.match(expected, /^ridge: column "Cylinders" has a missing value at row 0/);
  assert.throws(() => compileRowPredictor(model)(bad), { message: expected });
});

test('voting falls back to the matrix path when a member has no row path, with the same values', async () => {
  const spec = {
    kind: 'voting',
    estimators: memberSpecs(cars, {
      bagging: preprocessed(
        { kind: 'bagging', estimator: { kind: 'decisionTree' }, nEstimators: 3 },
        cars.features,
      ),
    }),
  };
  const model = await fit(spec, cars);
  assert.equal(rowPathOf(model), undefined);
  assertSameAsPredict(model, cars);
});
