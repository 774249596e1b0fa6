import assert from 'node:assert/strict';
import { test } from 'node:test';
import { range } from '../../../src/data/matrix.js';
import { huber } from '../../../src/learners/boosting/huber.js';

// Residuals 1 … 10 around raw 0: γ at alpha 0.8 is the lower 80th percentile of |residual|, 8.
const target = {
  y: Float64Array.from({ length: 10 }, (_, i) => (i % 2 ? -1 : 1) * (i + 1)),
  sampleWeight: undefined,
};
const raw = new Float64Array(10);

test('the gradient is the residual, clipped at γ (the alpha-quantile of |residual|)', () => {
  const loss = huber(0.8);
  const out = new Float64Array(10);
  loss.negativeGradient(target, raw, 0, range(10), out);
  assert.deepEqual([...out], [1, -2, 3, -4, 5, -6, 7, -8, 8, -8]);
});

test('the loss is squared below γ and linear above, with the γ of the last gradient', () => {
  const loss = huber(0.8);
  loss.negativeGradient(target, raw, 0, range(10), new Float64Array(10));
  let expected = 0;
  for (let d = 1; d <= 10; d++) expected += d <= 8 ? 0.5 * d * d : 8 * (d - 4);
  assert.equal(loss.value(target, raw, range(10)), expected / 10);
});

test('a leaf is the median plus the mean deviation from it, clipped at γ', () => {
  const loss = huber(0.5);
  const leaf = { y: Float64Array.of(0, 1, 2, 100), sampleWeight: undefined };
  const zero = new Float64Array(4);
  loss.negativeGradient(leaf, zero, 0, range(4), new Float64Array(4)); // γ = lower median of 0 1 2 100 = 1
  // Lower median 1; deviations −1 0 1 99 clipped to ±1: mean (−1 + 0 + 1 + 1) / 4.
  assert.equal(loss.leafValue!(leaf, zero, 0, zero, range(4), 0, 4), 1 + 1 / 4);
  assert.deepEqual([...loss.initRaw(leaf)], [1.5]);
});
