import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';

const X = matrix([[0], [1], [2], [3]]);
const features = [{ name: 'x', kind: 'numeric' as const }];

test('dummy regressor predicts the mean, or the median', async () => {
  const data = { task: 'regression' as const, X, features, y: Float64Array.of(1, 2, 3, 10) };
  const mean = await fit({ kind: 'dummy' }, data);
  assert.equal(mean.task, 'regression');
  if (mean.task === 'regression') assert.deepEqual([...mean.predict(X)], [4, 4, 4, 4]);
  const median = await fit({ kind: 'dummy', strategy: 'median' }, data);
  if (median.task === 'regression') assert.equal(median.predict(X)[0], 2.5);
});

test('dummy classifier gives class priors and the most frequent class', async () => {
  const data = { task: 'binary' as const, X, features, y: Int32Array.of(1, 1, 0, 1), classes: ['a', 'b'] };
  const model = await fit({ kind: 'dummy' }, data);
  assert.ok(model.task !== 'regression');
  assert.deepEqual([...model.predictProba(X).data.subarray(0, 2)], [0.25, 0.75]);
  assert.deepEqual([...model.predict(X)], [1, 1, 1, 1]);
});

test('dummy refuses a regression strategy for classification, naming it', async () => {
  const data = { task: 'binary' as const, X, features, y: Int32Array.of(1, 1, 0, 1), classes: ['a', 'b'] };
  await assert.rejects(fit({ kind: 'dummy', strategy: 'mean' }, data), /strategy "mean" is for regression/);
  await assert.rejects(fit({ kind: 'dummy', strategy: 'mode' }, data), /parameter "strategy" must be one of/);
});

test('a model, its spec and its schema are frozen', async () => {
  const data = { task: 'regression' as const, X, features, y: Float64Array.of(1, 2, 3, 10) };
  const model = await fit({ kind: 'dummy' }, data);
  assert.ok(Object.isFrozen(model) && Object.isFrozen(model.spec) && Object.isFrozen(model.info));
  assert.throws(() => {
    (model.spec as unknown as { strategy: string }).strategy = 'median';
  }, TypeError);
  assert.throws(() => {
    (model.info.features[0] as { name: string }).name = 'renamed';
  }, TypeError);
});
