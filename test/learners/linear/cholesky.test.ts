import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cholesky, choleskySolve } from '../../../src/learners/linear/cholesky.js';
import { assertCloseAbsolute } from './linear-fixture.js';

test('cholesky factorises [[4, 2], [2, 3]] into L = [[2, 0], [1, √2]]', () => {
  const a = Float64Array.of(4, 2, 2, 3);
  const rcond = cholesky(a, 2);
  assertCloseAbsolute([a[0]!, a[2]!, a[3]!], [2, 1, Math.SQRT2], 1e-15, 'L');
  assertCloseAbsolute([rcond], [0.5], 1e-15, 'rcond estimate (√2 / 2)²');
});

test('choleskySolve solves the system the factor came from', () => {
  // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]], x = (1, -1, 2) → b = (2, -1, 5).
  const a = Float64Array.of(4, 2, 0, 2, 5, 1, 0, 1, 3);
  cholesky(a, 3);
  assertCloseAbsolute(choleskySolve(a, 3, Float64Array.of(2, -1, 5)), [1, -1, 2], 1e-14, 'x');
});

test('cholesky returns 0 for a matrix that is not positive definite', () => {
  assert.equal(cholesky(Float64Array.of(1, 2, 2, 1), 2), 0);
  assert.equal(cholesky(Float64Array.of(1, 1, 1, 1), 2), 0);
});
