import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shouldStop } from '../../../src/learners/hgb/early-stopping.js';

test('shouldStop waits for nIterNoChange + 1 losses', () => {
  assert.equal(shouldStop([1, 1], 2, 0), false);
  assert.equal(shouldStop([1, 1, 1], 2, 0), true);
});

test('shouldStop stops when none of the last losses beats the reference by more than tol', () => {
  assert.equal(shouldStop([1, 0.5, 0.5, 0.5], 2, 1e-7), true);
  assert.equal(shouldStop([1, 0.5, 0.4, 0.5], 2, 1e-7), false);
  assert.equal(shouldStop([1, 0.5, 0.49, 0.5], 2, 0.05), true);
});
