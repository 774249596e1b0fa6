import assert from 'node:assert/strict';
import { test } from 'node:test';
import { softmaxRowsInPlace } from '../../src/learners/softmax-rows.js';

function assertClose(actual: Float64Array, expected: number[], tolerance: number): void {
  for (let i = 0; i < expected.length; i++)
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= tolerance, `value ${i}`);
}

test('softmaxRowsInPlace turns each row of log-scores into probabilities', () => {
  const values = Float64Array.of(0, Math.log(3), Math.log(2), Math.log(2));
  softmaxRowsInPlace(values, 2, 2);
  assertClose(values, [0.25, 0.75, 0.5, 0.5], 1e-15);
});

test('softmaxRowsInPlace does not overflow on large scores and gives -Infinity probability 0', () => {
  // 1000 + log 3 rounds to within 1e-13 of the exact value.
  const values = Float64Array.of(1000, 1000 + Math.log(3), Number.NEGATIVE_INFINITY);
  softmaxRowsInPlace(values, 1, 3);
  assertClose(values, [0.25, 0.75, 0], 1e-12);
  assert.equal(values[2], 0);
});
