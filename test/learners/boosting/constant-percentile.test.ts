import assert from 'node:assert/strict';
import { test } from 'node:test';
import { constantPercentile } from '../../../src/learners/boosting/constant-percentile.js';

test('interpolated without weights, lower weighted percentile with them (as DummyRegressor)', () => {
  const y = Float64Array.of(4, 1, 3, 2);
  assert.equal(constantPercentile({ y, sampleWeight: undefined }, 50), 2.5);
  assert.equal(constantPercentile({ y, sampleWeight: Float64Array.of(1, 1, 1, 1) }, 50), 2);
  assert.deepEqual([...y], [4, 1, 3, 2]);
});
