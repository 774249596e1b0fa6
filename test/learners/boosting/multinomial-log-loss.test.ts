import assert from 'node:assert/strict';
import { test } from 'node:test';
import { range } from '../../../src/data/matrix.js';
import { logSumExp, multinomialLogLoss } from '../../../src/learners/boosting/multinomial-log-loss.js';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

test('init is the log of the (weighted) class priors', () => {
  const loss = multinomialLogLoss(3);
  const init = loss.initRaw({ y: Float64Array.of(0, 1, 2, 2), sampleWeight: Float64Array.of(2, 1, 1, 0) });
  [0.5, 0.25, 0.25].forEach((p, k) => {
    close(init[k]!, Math.log(p));
  });
});

test('gradient of class k is 1[y = k] − softmax_k; the loss the mean −log p_y', () => {
  const loss = multinomialLogLoss(3);
  const target = { y: Float64Array.of(2), sampleWeight: undefined };
  const raw = Float64Array.of(0, Math.log(2), Math.log(5)); // softmax 1/8 2/8 5/8
  const out = new Float64Array(1);
  loss.negativeGradient(target, raw, 0, range(1), out);
  close(out[0]!, -1 / 8);
  loss.negativeGradient(target, raw, 2, range(1), out);
  close(out[0]!, 3 / 8);
  close(loss.value(target, raw, range(1)), -Math.log(5 / 8));
});

test('a leaf is (K − 1)/K times the Newton step', () => {
  const loss = multinomialLogLoss(3);
  const target = { y: Float64Array.of(0, 1), sampleWeight: undefined };
  const residual = Float64Array.of(2 / 3, -1 / 3); // class 0 at p = 1/3
  const step = ((2 / 3) * (1 / 3)) / (2 * (1 / 3) * (2 / 3));
  close(loss.leafValue!(target, new Float64Array(6), 0, residual, range(2), 0, 2), step);
});

test('logSumExp does not overflow', () => {
  close(logSumExp(Float64Array.of(1000, 1000), 0, 2), 1000 + Math.log(2));
  close(logSumExp(Float64Array.of(9, 0, 0), 1, 2), Math.log(2));
});
