import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentile } from '../../../src/learners/boosting/percentile.js';

test('interpolates linearly between the nearest sorted values, as np.percentile', () => {
  assert.equal(percentile(Float64Array.of(4, 1, 3, 2), 50), 2.5);
  // Position (10 - 1) · 0.9 = 8.1 of 1 … 10: 9 + 0.1 · (10 - 9).
  const tenth = percentile(
    Float64Array.from({ length: 10 }, (_, i) => 10 - i),
    90,
  );
  assert.ok(Math.abs(tenth - 9.1) < 1e-12);
  assert.equal(percentile(Float64Array.of(7, 3), 0), 3);
  assert.equal(percentile(Float64Array.of(7, 3), 100), 7);
  assert.equal(percentile(Float64Array.of(5), 30), 5);
});
