import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sgd } from '../../../src/learners/mlp/sgd.js';

const base = {
  learningRateInit: 0.1,
  learningRate: 'constant' as const,
  powerT: 0.5,
  momentum: 0.9,
  nesterovsMomentum: false,
};

test('sgd with classical momentum: v ← μ·v − lr·g, then θ ← θ + v', () => {
  const params = Float64Array.of(0);
  const optimizer = sgd(1, base);
  optimizer.update(params, Float64Array.of(1));
  assert.ok(Math.abs(params[0]! - -0.1) < 1e-15);
  optimizer.update(params, Float64Array.of(1));
  // v = 0.9·(−0.1) − 0.1 = −0.19.
  assert.ok(Math.abs(params[0]! - -0.29) < 1e-15);
});

test("sgd with Nesterov's momentum steps by μ·v − lr·g", () => {
  const params = Float64Array.of(0);
  const optimizer = sgd(1, { ...base, nesterovsMomentum: true });
  optimizer.update(params, Float64Array.of(2));
  // v = −0.2; step = 0.9·(−0.2) − 0.1·2 = −0.38.
  assert.ok(Math.abs(params[0]! - -0.38) < 1e-15);
});

test('sgd invscaling: lr = learningRateInit / (samples seen + 1)^powerT after each epoch', () => {
  const params = Float64Array.of(0);
  const optimizer = sgd(1, { ...base, learningRate: 'invscaling', momentum: 0 });
  optimizer.iterationEnds(99);
  optimizer.update(params, Float64Array.of(1));
  assert.ok(Math.abs(params[0]! - -0.1 / 10) < 1e-15);
});

test('sgd adaptive: a stalled loss divides lr by 5 until it is at most 1e-6, then stops', () => {
  const optimizer = sgd(1, { ...base, learningRate: 'adaptive', momentum: 0 });
  const params = Float64Array.of(0);
  assert.equal(optimizer.triggerStopping(), false);
  optimizer.update(params, Float64Array.of(1));
  assert.ok(Math.abs(params[0]! - -0.02) < 1e-15);
  // 0.1 / 5⁸ ≈ 2.6e-7 ≤ 1e-6: seven more divisions, then the stop.
  let divisions = 1;
  while (!optimizer.triggerStopping()) divisions++;
  assert.equal(divisions, 8);
});

test('sgd with a constant schedule stops as soon as the loss stalls', () => {
  assert.equal(sgd(1, base).triggerStopping(), true);
});
