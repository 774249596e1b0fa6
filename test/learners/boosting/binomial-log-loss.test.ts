import assert from 'node:assert/strict';
import { test } from 'node:test';
import { range } from '../../../src/data/matrix.js';
import { binomialLogLoss, PRIOR_EPSILON } from '../../../src/learners/boosting/binomial-log-loss.js';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

test('init is the log prior odds, clipped away from 0 and 1', () => {
  const loss = binomialLogLoss();
  close(loss.initRaw({ y: Float64Array.of(0, 1, 1, 1), sampleWeight: undefined })[0]!, Math.log(3));
  close(loss.initRaw({ y: Float64Array.of(0, 1), sampleWeight: Float64Array.of(1, 3) })[0]!, Math.log(3));
  const p = 1 - PRIOR_EPSILON;
  close(loss.initRaw({ y: Float64Array.of(1, 1), sampleWeight: undefined })[0]!, Math.log(p / (1 - p)));
});

test('the gradient is y − sigmoid(raw); the loss the mean negative log-likelihood', () => {
  const loss = binomialLogLoss();
  const target = { y: Float64Array.of(1, 0), sampleWeight: undefined };
  const raw = Float64Array.of(0, Math.log(3));
  const out = new Float64Array(2);
  loss.negativeGradient(target, raw, 0, range(2), out);
  close(out[0]!, 0.5);
  close(out[1]!, -0.75);
  close(loss.value(target, raw, range(2)), (Math.log(2) + Math.log(4)) / 2);
  // Large raw scores do not overflow.
  close(loss.value({ y: Float64Array.of(0), sampleWeight: undefined }, Float64Array.of(800), range(1)), 800);
});

test('a leaf is one Newton step, Σ w(y − p) / Σ w p(1 − p)', () => {
  const loss = binomialLogLoss();
  const target = { y: Float64Array.of(1, 1, 0), sampleWeight: Float64Array.of(1, 2, 1) };
  const residual = Float64Array.of(0.5, 0.5, -0.5); // p = 1/2 everywhere
  close(loss.leafValue!(target, new Float64Array(3), 0, residual, range(3), 0, 3), (1.5 - 0.5) / (4 * 0.25));
});
