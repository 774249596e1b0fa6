import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adam } from '../../../src/learners/mlp/adam.js';

const settings = { learningRateInit: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

test('adam: the first step moves each parameter by about the learning rate against its gradient sign', () => {
  const params = Float64Array.of(1, 1, 1);
  const optimizer = adam(3, settings);
  optimizer.update(params, Float64Array.of(0.5, -3, 0));
  // m = 0.1·g, v = 0.001·g², lr₁ = 0.1·√0.001 / 0.1: the step is −0.1·g / (|g| + ε / √0.001).
  const step = (g: number) => (-0.1 * g) / (Math.abs(g) + 1e-8 / Math.sqrt(0.001));
  assert.ok(Math.abs(params[0]! - (1 + step(0.5))) < 1e-15);
  assert.ok(Math.abs(params[1]! - (1 + step(-3))) < 1e-15);
  assert.equal(params[2], 1);
});

test('adam: the second step follows the bias-corrected moment estimates', () => {
  const params = Float64Array.of(0);
  const optimizer = adam(1, settings);
  optimizer.update(params, Float64Array.of(1));
  const afterOne = params[0]!;
  optimizer.update(params, Float64Array.of(3));
  const m = 0.9 * 0.1 * 1 + 0.1 * 3;
  const v = 0.999 * 0.001 * 1 + 0.001 * 9;
  const rate = (0.1 * Math.sqrt(1 - 0.999 ** 2)) / (1 - 0.9 ** 2);
  assert.ok(Math.abs(params[0]! - (afterOne - (rate * m) / (Math.sqrt(v) + 1e-8))) < 1e-15);
});

test('adam always stops when the loss stalls (it has no schedule to adapt)', () => {
  assert.equal(adam(1, settings).triggerStopping(), true);
});
