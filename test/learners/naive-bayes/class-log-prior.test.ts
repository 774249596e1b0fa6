import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classLogPrior } from '../../../src/learners/naive-bayes/class-log-prior.js';

const counts = Float64Array.of(3, 1);

test('classLogPrior: class frequencies, uniform, or the given priors', () => {
  assert.deepEqual(
    [...classLogPrior('nb', counts, true, null, ['a', 'b'])],
    [Math.log(3) - Math.log(4), -Math.log(4)],
  );
  assert.deepEqual([...classLogPrior('nb', counts, false, null, ['a', 'b'])], [-Math.log(2), -Math.log(2)]);
  assert.deepEqual(
    [...classLogPrior('nb', counts, true, [0.1, 0.9], ['a', 'b'])],
    [Math.log(0.1), Math.log(0.9)],
  );
});

test('classLogPrior refuses a classPrior without one value per class, naming the parameter', () => {
  assert.throws(
    () => classLogPrior('nb', counts, true, [1], ['a', 'b']),
    /nb: parameter "classPrior" has 1 values but the data have 2 classes \(a, b\)/,
  );
});
