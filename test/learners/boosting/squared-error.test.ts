import assert from 'node:assert/strict';
import { test } from 'node:test';
import { range } from '../../../src/data/matrix.js';
import { squaredError } from '../../../src/learners/boosting/squared-error.js';

const target = { y: Float64Array.of(1, 2, 6), sampleWeight: undefined };

test('init is the mean; the gradient is the residual; the loss the mean squared residual', () => {
  const loss = squaredError();
  assert.deepEqual([...loss.initRaw(target)], [3]);
  const raw = Float64Array.of(3, 3, 3);
  const out = new Float64Array(3);
  loss.negativeGradient(target, raw, 0, range(3), out);
  assert.deepEqual([...out], [-2, -1, 3]);
  assert.equal(loss.value(target, raw, range(3)), 14 / 3);
  assert.equal(loss.value(target, raw, Uint32Array.of(2)), 9);
  assert.equal(loss.leafValue, undefined);
});

test('weights: the weighted mean and the weighted mean squared residual', () => {
  const loss = squaredError();
  const weighted = { ...target, sampleWeight: Float64Array.of(1, 1, 2) };
  assert.deepEqual([...loss.initRaw(weighted)], [15 / 4]);
  assert.equal(loss.value(weighted, Float64Array.of(0, 0, 0), range(3)), (1 + 4 + 2 * 36) / 4);
});
