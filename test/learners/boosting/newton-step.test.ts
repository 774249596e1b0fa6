import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newtonStep } from '../../../src/learners/boosting/newton-step.js';

test('scale · Σ w·res / Σ w·p·(1 − p), with p recovered from y and the residual', () => {
  // Class 2 indicator: rows 0 and 2; p = 0.2 on every row.
  const y = Float64Array.of(2, 0, 2);
  const residual = Float64Array.of(0.8, -0.2, 0.8);
  const step = newtonStep(y, Float64Array.of(1, 3, 1), residual, Uint32Array.of(0, 1, 2), 0, 3, 0.5, 2);
  assert.ok(Math.abs(step - (0.5 * (0.8 - 0.6 + 0.8)) / (5 * 0.2 * 0.8)) < 1e-12);
});

test('zero curvature gives 0, not a division by zero', () => {
  assert.equal(newtonStep(Float64Array.of(1), undefined, Float64Array.of(0), Uint32Array.of(0), 0, 1, 1), 0);
});
