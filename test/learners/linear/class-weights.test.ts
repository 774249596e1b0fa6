import assert from 'node:assert/strict';
import { test } from 'node:test';
import { balancedClassWeights, classWeightsFromRecord } from '../../../src/learners/linear/class-weights.js';

test('balancedClassWeights gives n / (k · count): every class the same total weight', () => {
  assert.deepEqual([...balancedClassWeights(Int32Array.of(0, 0, 0, 1, 2, 2), 3)], [6 / 9, 2, 1]);
});

test('classWeightsFromRecord maps labels to codes, 1 for classes it does not name', () => {
  assert.deepEqual([...classWeightsFromRecord('x', { c: 0.5, a: 2 }, ['a', 'b', 'c'])], [2, 1, 0.5]);
});

test('classWeightsFromRecord refuses unknown labels and bad weights, naming them', () => {
  assert.throws(
    () => classWeightsFromRecord('x', { d: 1 }, ['a', 'b']),
    /x: classWeight names class "d", which is not among the classes \(a, b\)/,
  );
  assert.throws(
    () => classWeightsFromRecord('x', { a: 'heavy' }, ['a', 'b']),
    /x: classWeight for class "a" must be a number ≥ 0; received "heavy"/,
  );
});
