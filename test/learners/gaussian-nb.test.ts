import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { ClassificationData } from '../../src/learners/types.js';
import { assertAllClose, caseData, caseTitle, nbFixture } from './naive-bayes/fixture.js';

for (const c of nbFixture.gaussianNB) {
  test(`gaussianNB predictProba matches scikit-learn on held-out penguins: ${caseTitle(c)}`, async () => {
    const { train, test: XTest } = caseData(c);
    const model = await fit(c.spec, train);
    assert.ok(model.task !== 'regression');
    assertAllClose(model.predictProba(XTest).data, c.proba, 1e-10);
  });
}

const features = [{ name: 'x', kind: 'numeric' as const }];
const small: ClassificationData = {
  task: 'binary',
  X: matrix([[1], [2], [3], [10], [14]]),
  features,
  y: Int32Array.of(0, 0, 0, 1, 1),
  classes: ['a', 'b'],
};

test('gaussianNB learns per-class means, population variances plus epsilon, and class frequencies', async () => {
  const model = await fit({ kind: 'gaussianNB', varSmoothing: 0.01 }, small);
  const state = model.state as {
    theta: Float64Array;
    var: Float64Array;
    classPrior: Float64Array;
    epsilon: number;
  };
  // The variance of all five values (mean 6) is (25 + 16 + 9 + 16 + 64) / 5 = 26.
  assert.ok(Math.abs(state.epsilon - 0.26) < 1e-12);
  assertAllClose(state.theta, [2, 12], 1e-12);
  assertAllClose(state.var, [2 / 3 + 0.26, 4 + 0.26], 1e-12);
  assertAllClose(state.classPrior, [0.6, 0.4], 1e-12);
});

test('gaussianNB gives the Bayes posterior of two normal densities', async () => {
  const model = await fit({ kind: 'gaussianNB', varSmoothing: 0 }, small);
  assert.ok(model.task !== 'regression');
  const x = 6;
  const density = (mean: number, variance: number): number =>
    Math.exp(-((x - mean) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
  const a = 0.6 * density(2, 2 / 3);
  const b = 0.4 * density(12, 4);
  assertAllClose(model.predictProba(matrix([[x]])).data, [a / (a + b), b / (a + b)], 1e-12);
});

test('gaussianNB with integer sample weights equals repeating the rows', async () => {
  const weighted = { ...small, sampleWeight: Float64Array.of(2, 1, 1, 3, 1) };
  const repeated: ClassificationData = {
    ...small,
    X: matrix([[1], [1], [2], [3], [10], [10], [10], [14]]),
    y: Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1),
  };
  const a = await fit({ kind: 'gaussianNB', varSmoothing: 0 }, weighted);
  const b = await fit({ kind: 'gaussianNB', varSmoothing: 0 }, repeated);
  assert.ok(a.task !== 'regression' && b.task !== 'regression');
  const X = matrix([[0], [5], [8], [20]]);
  assertAllClose(a.predictProba(X).data, b.predictProba(X).data, 1e-12);
});

test('gaussianNB refuses priors of the wrong length or not summing to 1, naming the parameter', async () => {
  await assert.rejects(
    fit({ kind: 'gaussianNB', priors: [0.2, 0.3, 0.5] }, small),
    /gaussianNB: parameter "priors" has 3 values but the data have 2 classes \(a, b\)/,
  );
  await assert.rejects(
    fit({ kind: 'gaussianNB', priors: [0.2, 0.3] }, small),
    /parameter "priors" must sum to 1; received values summing to 0.5/,
  );
  await assert.rejects(fit({ kind: 'gaussianNB', priors: [-0.5, 1.5] }, small), /parameter "priors" must be/);
});
