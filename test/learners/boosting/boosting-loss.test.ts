import assert from 'node:assert/strict';
import { test } from 'node:test';
import { differences, weightOf, weightsOf } from '../../../src/learners/boosting/boosting-loss.js';

test('weights of rows default to 1; residuals y − raw follow the row list', () => {
  assert.equal(weightOf(undefined, 4), 1);
  assert.equal(weightOf(Float64Array.of(0, 2), 1), 2);
  assert.equal(weightsOf(undefined, Uint32Array.of(0), 0, 1), undefined);
  assert.deepEqual([...weightsOf(Float64Array.of(1, 2, 3), Uint32Array.of(2, 0, 1), 0, 2)!], [3, 1]);
  assert.deepEqual(
    [...differences(Float64Array.of(5, 7), Float64Array.of(1, 1), Uint32Array.of(1, 0), 0, 2)],
    [6, 4],
  );
});
