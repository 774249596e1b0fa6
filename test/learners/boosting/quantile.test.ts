import assert from 'node:assert/strict';
import { test } from 'node:test';
import { range } from '../../../src/data/matrix.js';
import { quantile } from '../../../src/learners/boosting/quantile.js';

const target = { y: Float64Array.of(1, 2, 3, 4, 5), sampleWeight: undefined };

test('init is the interpolated alpha-quantile; the gradient alpha above, alpha − 1 at or below', () => {
  const loss = quantile(0.75);
  assert.deepEqual([...loss.initRaw(target)], [4]);
  const out = new Float64Array(5);
  loss.negativeGradient(target, Float64Array.of(0, 2, 9, 0, 0), 0, range(5), out);
  assert.deepEqual([...out], [0.75, -0.25, -0.25, 0.75, 0.75]);
});

test('the pinball loss, and a leaf at the lower alpha-quantile of y − raw', () => {
  const loss = quantile(0.75);
  const raw = Float64Array.of(3, 3, 3, 3, 3);
  assert.equal(loss.value(target, raw, range(5)), (0.25 * 2 + 0.25 * 1 + 0 + 0.75 * 1 + 0.75 * 2) / 5);
  assert.equal(loss.leafValue!(target, raw, 0, raw, range(5), 0, 5), 1); // −2 −1 0 1 2: 3.75 of 5 rows
});
