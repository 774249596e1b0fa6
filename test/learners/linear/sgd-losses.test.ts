import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sgdLoss } from '../../../src/learners/linear/sgd-losses.js';

test('squared_error: ½(p − y)² and p − y', () => {
  const loss = sgdLoss('squared_error', 0.1);
  assert.equal(loss.loss(3, 1), 2);
  assert.equal(loss.dloss(3, 1), 2);
});

test('huber: quadratic within epsilon, linear beyond, continuous at the joint', () => {
  const loss = sgdLoss('huber', 1);
  assert.equal(loss.loss(0.5, 0), 0.125);
  assert.equal(loss.loss(3, 0), 2.5);
  assert.equal(loss.loss(1, 0), 0.5);
  assert.deepEqual([loss.dloss(0.5, 0), loss.dloss(3, 0), loss.dloss(-3, 0)], [0.5, 1, -1]);
});

test('epsilon_insensitive: zero inside the tube, |y − p| − epsilon outside', () => {
  const loss = sgdLoss('epsilon_insensitive', 0.5);
  assert.equal(loss.loss(1.2, 1), 0);
  assert.equal(loss.loss(3, 1), 1.5);
  assert.deepEqual([loss.dloss(1.2, 1), loss.dloss(3, 1), loss.dloss(-1, 1)], [0, 1, -1]);
});
