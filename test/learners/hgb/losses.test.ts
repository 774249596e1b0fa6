import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absoluteError } from '../../../src/learners/hgb/losses/absolute-error.js';
import { binaryLogLoss } from '../../../src/learners/hgb/losses/binary-log-loss.js';
import { createLoss } from '../../../src/learners/hgb/losses/create-loss.js';
import { huber } from '../../../src/learners/hgb/losses/huber.js';
import { multiclassLogLoss } from '../../../src/learners/hgb/losses/multiclass-log-loss.js';
import { poisson } from '../../../src/learners/hgb/losses/poisson.js';
import { squaredError } from '../../../src/learners/hgb/losses/squared-error.js';

const close = (a: number, b: number, tol = 1e-12): void => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('squared error: gradient raw − y, loss ½ mean r², baseline the weighted mean', () => {
  const target = { y: Float64Array.of(1, 2, 6), sampleWeight: undefined };
  const loss = squaredError(false);
  assert.deepEqual([...loss.baseline(target)], [3]);
  const g = new Float32Array(3);
  close(loss.gradients(target, Float64Array.of(3, 3, 3), g, new Float32Array(0)), (4 + 1 + 9) / 6);
  assert.deepEqual([...g], [2, 1, -3]);
  const weighted = { ...target, sampleWeight: Float64Array.of(1, 1, 2) };
  assert.deepEqual([...squaredError(true).baseline(weighted)], [15 / 4]);
  const h = new Float32Array(3);
  squaredError(true).gradients(weighted, Float64Array.of(3, 3, 3), g, h);
  assert.deepEqual([...g], [2, 1, -6]);
  assert.deepEqual([...h], [1, 1, 2]);
});

test('absolute error: gradient ±1 (−1 on ties), baseline and leaves the median', () => {
  const loss = absoluteError(false);
  const target = { y: Float64Array.of(1, 2, 6, 10), sampleWeight: undefined };
  assert.deepEqual([...loss.baseline(target)], [4]);
  const g = new Float32Array(4);
  close(loss.gradients(target, Float64Array.of(2, 2, 2, 2), g, new Float32Array(0)), (1 + 0 + 4 + 8) / 4);
  assert.deepEqual([...g], [1, -1, -1, -1]);
  const partition = Uint32Array.of(3, 0, 2);
  close(loss.leafValue!(target, Float64Array.of(0, 0, 0, 0), { partition, start: 1, count: 2 }), 3.5);
});

test('huber with alpha 1 clips nothing: the gradient is raw − y and the loss ½ mean r²', () => {
  const loss = huber(1, false);
  const target = { y: Float64Array.of(1, 2, 6), sampleWeight: undefined };
  const g = new Float32Array(3);
  close(loss.gradients(target, Float64Array.of(3, 3, 3), g, new Float32Array(0)), (4 + 1 + 9) / 6);
  assert.deepEqual([...g], [2, 1, -3]);
});

test('huber clips the gradient at the alpha quantile of |residual|', () => {
  const loss = huber(0.5, false);
  // |r| = 1, 2, 3, 10: the lower weighted median is 2.
  const target = { y: Float64Array.of(1, 2, 3, 10), sampleWeight: undefined };
  const g = new Float32Array(4);
  const value = loss.gradients(target, new Float64Array(4), g, new Float32Array(0));
  assert.deepEqual([...g], [-1, -2, -2, -2]);
  close(value, (0.5 + 2 + 2 * (3 - 1) + 2 * (10 - 1)) / 4);
});

test('poisson: gradient e^raw − y, hessian e^raw, baseline log of the mean; y must be ≥ 0', () => {
  const target = { y: Float64Array.of(0, 2, 4), sampleWeight: undefined };
  const loss = poisson(target);
  close(loss.baseline(target)[0]!, Math.log(2));
  const g = new Float32Array(3);
  const h = new Float32Array(3);
  close(loss.gradients(target, new Float64Array(3), g, h), 1 - 0);
  assert.deepEqual([...g], [1, -1, -3]);
  assert.deepEqual([...h], [1, 1, 1]);
  assert.throws(
    () => poisson({ y: Float64Array.of(1, -1), sampleWeight: undefined }),
    /needs y ≥ 0; received -1 at row 1/,
  );
  assert.throws(() => poisson({ y: Float64Array.of(0, 0), sampleWeight: undefined }), /positive sum of y/);
});

test('binary log loss: at raw 0, gradient ½ − y, hessian ¼, loss log 2; baseline the logit of the mean', () => {
  const loss = binaryLogLoss();
  const target = { y: Float64Array.of(0, 1, 1, 1), sampleWeight: undefined };
  close(loss.baseline(target)[0]!, Math.log(3));
  const g = new Float32Array(4);
  const h = new Float32Array(4);
  close(loss.gradients(target, new Float64Array(4), g, h), Math.log(2));
  assert.deepEqual([...g], [0.5, -0.5, -0.5, -0.5]);
  assert.deepEqual([...h], [0.25, 0.25, 0.25, 0.25]);
});

test('multiclass log loss: gradients p − [y = k] per class, loss log K at raw 0, a symmetric baseline', () => {
  const loss = multiclassLogLoss(3);
  const target = { y: Float64Array.of(0, 1, 1, 2), sampleWeight: undefined };
  const baseline = loss.baseline(target);
  close(baseline[0]! + baseline[1]! + baseline[2]!, 0);
  close(baseline[1]! - baseline[0]!, Math.log(2));
  const n = 4;
  const g = new Float32Array(3 * n);
  const h = new Float32Array(3 * n);
  close(loss.gradients(target, new Float64Array(3 * n), g, h), Math.log(3));
  // Row 1 (class 1): p = ⅓ each.
  close(g[0 * n + 1]!, 1 / 3, 1e-7);
  close(g[1 * n + 1]!, 1 / 3 - 1, 1e-7);
  close(h[2 * n + 1]!, 2 / 9, 1e-7);
});

test('createLoss refuses a loss of the other task, naming both', () => {
  const target = { y: Float64Array.of(0, 1), sampleWeight: undefined };
  assert.throws(
    () => createLoss({ loss: 'poisson', task: 'binary', nClasses: 2, alpha: 0.9 }, target),
    /loss "poisson" is for regression; classification uses "log_loss"/,
  );
  assert.throws(
    () => createLoss({ loss: 'log_loss', task: 'regression', nClasses: 1, alpha: 0.9 }, target),
    /loss "log_loss" is for classification/,
  );
  assert.equal(createLoss({ loss: 'auto', task: 'multiclass', nClasses: 3, alpha: 0.9 }, target).nTrees, 3);
});
