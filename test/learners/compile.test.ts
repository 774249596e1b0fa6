import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import '../../src/learners/builtins.js';
import { compileRowPredictor } from '../../src/learners/compile.js';
import { fit } from '../../src/learners/fit.js';
import { registerLearner } from '../../src/learners/registry.js';
import type { LearnerDef, Spec } from '../../src/learners/types.js';

const regression = makeFriedman1({ nSamples: 80, seed: 3 });
const binary = makeClassification({ nSamples: 80, nFeatures: 5, nClasses: 2, seed: 5 });
const multiclass = makeClassification({ nSamples: 90, nFeatures: 5, nInformative: 3, nClasses: 3, seed: 7 });

function row(X: { cols: number; data: Float64Array }, i: number): Float64Array {
  return X.data.slice(i * X.cols, (i + 1) * X.cols);
}

const regressors: Spec[] = [
  { kind: 'decisionTree', maxDepth: 5 },
  { kind: 'linearRegression' },
  { kind: 'ridge', alpha: 0.5 },
  { kind: 'sgdRegressor' },
  { kind: 'knn', nNeighbors: 3 },
  { kind: 'gradientBoosting', nEstimators: 20 },
  { kind: 'pipeline', steps: [{ kind: 'standardScaler' }], estimator: { kind: 'ridge' } },
];

for (const spec of regressors) {
  test(`compileRowPredictor(${spec.kind}) gives model.predict's value for every row`, async () => {
    const model = await fit(spec, regression);
    assert.ok(model.task === 'regression');
    const predictRow = compileRowPredictor(model);
    const expected = model.predict(regression.X);
    for (let i = 0; i < regression.X.rows; i++) assert.equal(predictRow(row(regression.X, i)), expected[i]);
  });
}

const classifiers: [Spec, typeof binary][] = [
  [{ kind: 'decisionTree', maxDepth: 4 }, multiclass],
  [{ kind: 'logisticRegression' }, binary],
  [{ kind: 'logisticRegression' }, multiclass],
  [{ kind: 'logisticRegression', multiClass: 'ovr' }, multiclass],
  [{ kind: 'gaussianNB' }, multiclass],
  [{ kind: 'gradientBoosting', nEstimators: 10 }, multiclass],
];

for (const [spec, data] of classifiers) {
  test(`compileRowPredictor(${JSON.stringify(spec)}) gives predictProba's row on ${data.classes.length} classes`, async () => {
    const model = await fit(spec, data);
    assert.ok(model.task !== 'regression');
    const predictRow = compileRowPredictor(model);
    const k = model.classes.length;
    const expected = model.predictProba(data.X).data;
    const out = new Float64Array(k);
    for (let i = 0; i < data.X.rows; i++) {
      assert.equal(predictRow(row(data.X, i), out), out);
      assert.deepEqual([...out], [...expected.subarray(i * k, i * k + k)]);
    }
  });
}

test('a compiled decision tree and a linear regression give the closed-form values', async () => {
  const X = matrix([[0], [1], [2], [3]]);
  const features = [{ name: 'x', kind: 'numeric' as const }];
  // One split halfway between 1 and 2; the leaves are the means 1 and 5.
  const stump = await fit(
    { kind: 'decisionTree', maxDepth: 1 },
    { task: 'regression', X, features, y: Float64Array.of(1, 1, 5, 5) },
  );
  const line = await fit(
    { kind: 'linearRegression' },
    { task: 'regression', X, features, y: Float64Array.of(1, 3, 5, 7) },
  );
  assert.ok(stump.task === 'regression' && line.task === 'regression');
  assert.equal(compileRowPredictor(stump)(Float64Array.of(1.49)), 1);
  assert.equal(compileRowPredictor(stump)(Float64Array.of(1.51)), 5);
  assert.ok(Math.abs(compileRowPredictor(line)(Float64Array.of(10)) - 21) < 1e-12);
});

test('a compiled classifier without out returns a new array of one probability per class', async () => {
  const model = await fit({ kind: 'decisionTree', maxDepth: 3 }, multiclass);
  assert.ok(model.task !== 'regression');
  const predictRow = compileRowPredictor(model);
  const first = predictRow(row(multiclass.X, 0));
  const second = predictRow(row(multiclass.X, 0));
  assert.equal(first.length, 3);
  assert.notEqual(first, second);
  assert.ok(Math.abs(first.reduce((a, b) => a + b, 0) - 1) < 1e-12);
});

test('a compiled predictor refuses a row of the wrong length, NaN and infinity, naming the column', async () => {
  const model = await fit({ kind: 'ridge' }, regression);
  assert.ok(model.task === 'regression');
  const predictRow = compileRowPredictor(model);
  assert.throws(
    () => predictRow(new Float64Array(3)),
    /ridge: the model expects rows of 10 values \(x0, x1,.*\); received 3/,
  );
  const bad = row(regression.X, 0);
  bad[2] = Number.NaN;
  assert.throws(
    () => predictRow(bad),
    /column "x2" has a missing value at row 0; ridge does not accept missing values/,
  );
  bad[2] = Number.POSITIVE_INFINITY;
  assert.throws(() => predictRow(bad), /column "x2" has the infinite value Infinity at row 0/);
});

test('a compiled classifier refuses an out array shorter than the number of classes', async () => {
  const model = await fit({ kind: 'logisticRegression' }, multiclass);
  assert.ok(model.task !== 'regression');
  assert.throws(
    () => compileRowPredictor(model)(row(multiclass.X, 0), new Float64Array(2)),
    /out must hold 3 probabilities \(one per class\); it has 2/,
  );
});

test('a learner that handles missing values gets rows with NaN', async () => {
  const model = await fit({ kind: 'dummy' }, regression);
  assert.ok(model.task === 'regression');
  const expected = model.predict(regression.X)[0];
  assert.equal(compileRowPredictor(model)(new Float64Array(10).fill(Number.NaN)), expected);
});

test("a learner's rowPredictor hook is used, with the row already checked", async () => {
  let calls = 0;
  const def: LearnerDef<Record<string, never>, { value: number }> = {
    kind: 'compileTestConstant',
    summary: 'test learner',
    tasks: ['regression'],
    params: {},
    fit: () => ({ value: 4 }),
    predictor:
      ({ value }) =>
      (X) =>
        new Float64Array(X.rows).fill(value),
    rowPredictor:
      ({ value }) =>
      (_row, out) => {
        calls++;
        out[0] = value + 0.5;
      },
  };
  registerLearner(def);
  const model = await fit({ kind: 'compileTestConstant' }, regression);
  assert.ok(model.task === 'regression');
  const predictRow = compileRowPredictor(model);
  assert.equal(predictRow(row(regression.X, 0)), 4.5);
  assert.equal(calls, 1);
  assert.throws(() => predictRow(new Float64Array(1)), /expects rows of 10 values/);
  assert.equal(calls, 1);
});
