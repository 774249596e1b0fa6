import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { kernelData } from '../../../src/learners/svm/kernel.js';
import { classificationQ } from '../../../src/learners/svm/q-matrix.js';
import {
  calculateRho,
  createSolver,
  FREE,
  LOWER,
  selectWorkingSet,
  UPPER,
  updateStatus,
} from '../../../src/learners/svm/smo-state.js';

const X = matrix([
  [1, 0],
  [0, 1],
  [-1, -1],
]);
const y = Int8Array.of(1, 1, -1);

function solver(C = 1) {
  return createSolver({
    Q: classificationQ(
      kernelData({ kernel: 'linear', gamma: 1, degree: 3, coef0: 0 }, X),
      Int32Array.of(0, 1, 2),
      y,
      1 << 20,
    ),
    p: Float64Array.of(-1, -1, -1),
    y,
    C: new Float64Array(3).fill(C),
    tol: 1e-3,
    shrinking: true,
    maxIter: null,
  });
}

test('at α = 0 the gradient is p and every variable is at its lower bound', () => {
  const s = solver();
  assert.deepEqual([...s.G], [-1, -1, -1]);
  assert.deepEqual([...s.status], [LOWER, LOWER, LOWER]);
});

test('updateStatus places α at its lower bound, its upper bound C_i, or free between', () => {
  const s = solver(0.5);
  s.alpha.set([0, 0.5, 0.2]);
  for (let i = 0; i < 3; i++) updateStatus(s, i);
  assert.deepEqual([...s.status], [LOWER, UPPER, FREE]);
});

test('selectWorkingSet picks the maximal violating pair: i from I_up (last on ties), j by the second-order gain', () => {
  // −y_t G_t over I_up is 1 for t = 0, 1 (y = +1 at 0); only t = 2 (y = −1, not at C) is in I_low.
  const s = solver();
  const pair = new Int32Array(2);
  assert.equal(selectWorkingSet(s, pair), false);
  assert.deepEqual([...pair], [1, 2]);
});

test('selectWorkingSet reports optimality once the violation is below tol', () => {
  const s = solver();
  // max of −y G over I_up (t = 0, 1) is 1, min of −y G over I_low (t = 2) is 1: no violation.
  s.G.set([-1, -1, 1]);
  assert.equal(selectWorkingSet(s, new Int32Array(2)), true);
});

test('calculateRho is the mean of y_i G_i over free variables, else the middle of the bounds', () => {
  const s = solver();
  s.alpha.set([0.3, 0, 0.3]);
  for (let i = 0; i < 3; i++) updateStatus(s, i);
  s.G.set([0.2, -0.5, -0.6]);
  // Free: 0 (yG = 0.2) and 2 (yG = 0.6).
  assert.ok(Math.abs(calculateRho(s) - 0.4) < 1e-15);
  s.alpha.set([0, 0, 0]);
  for (let i = 0; i < 3; i++) updateStatus(s, i);
  // None free: at the lower bound, y = +1 gives an upper bound (min 0.2 … −0.5), y = −1 a lower bound (0.6).
  assert.ok(Math.abs(calculateRho(s) - (-0.5 + 0.6) / 2) < 1e-15);
});
