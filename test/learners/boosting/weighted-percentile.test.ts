import assert from 'node:assert/strict';
import { test } from 'node:test';
import { weightedPercentile } from '../../../src/learners/boosting/weighted-percentile.js';

test('without weights: the lower percentile, the smallest value reaching the share of rows', () => {
  assert.equal(weightedPercentile(Float64Array.of(3, 1, 2), undefined, 50), 2);
  assert.equal(weightedPercentile(Float64Array.of(4, 1, 3, 2), undefined, 50), 2); // not 2.5
  assert.equal(weightedPercentile(Float64Array.of(5, 1, 4, 2, 3), undefined, 90), 5);
  assert.equal(weightedPercentile(Float64Array.of(5, 1, 4, 2, 3), undefined, 0), 1);
  assert.equal(weightedPercentile(Float64Array.of(5, 1, 4, 2, 3), undefined, 100), 5);
});

test('with weights: the smallest value whose cumulative weight reaches the percentile of the total', () => {
  assert.equal(weightedPercentile(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 5), 50), 3);
  assert.equal(weightedPercentile(Float64Array.of(3, 2, 1), Float64Array.of(1, 1, 2), 50), 1);
  // Cumulative 1, 2, 4 of 4: half (2) is reached at the second value.
  assert.equal(weightedPercentile(Float64Array.of(10, 20, 30), Float64Array.of(1, 1, 2), 50), 20);
});

test('percentile 0 skips leading zero weights, as scikit-learn', () => {
  assert.equal(weightedPercentile(Float64Array.of(1, 2, 3), Float64Array.of(0, 0, 1), 0), 3);
});
