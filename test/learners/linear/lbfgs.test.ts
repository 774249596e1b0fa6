import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lbfgs } from '../../../src/learners/linear/lbfgs.js';
import type { Objective } from '../../../src/learners/linear/wolfe-line-search.js';
import { assertCloseAbsolute } from './linear-fixture.js';

const rosenbrock: Objective = (x, g) => {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

test('lbfgs finds the minimum of the Rosenbrock function at (1, 1) from (−1.2, 1)', () => {
  const result = lbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIter: 200, gtol: 1e-10 });
  assert.ok(result.converged);
  assertCloseAbsolute(result.x, [1, 1], 1e-8, 'x');
  assert.ok(result.f < 1e-16);
});

test('lbfgs minimises an ill-conditioned quadratic exactly', () => {
  // f = Σ cᵢ (xᵢ − i)² / 2 with c from 1 to 10⁴: minimum at x = (0, 1, …, 9).
  const n = 10;
  const c = Float64Array.from({ length: n }, (_, i) => 10 ** ((4 * i) / (n - 1)));
  const quadratic: Objective = (x, g) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      g[i] = c[i]! * (x[i]! - i);
      f += (c[i]! * (x[i]! - i) ** 2) / 2;
    }
    return f;
  };
  const result = lbfgs(quadratic, new Float64Array(n), { maxIter: 500, gtol: 1e-9 });
  assert.ok(result.converged);
  assertCloseAbsolute(
    result.x,
    Array.from({ length: n }, (_, i) => i),
    1e-9,
    'x',
  );
});

test('lbfgs stops at maxIter and says it did not converge', () => {
  const result = lbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIter: 3, gtol: 1e-10 });
  assert.equal(result.nIter, 3);
  assert.equal(result.converged, false);
});

test('lbfgs returns at once when the start is already optimal, without changing x0', () => {
  const x0 = Float64Array.of(1, 1);
  const result = lbfgs(rosenbrock, x0, { maxIter: 10, gtol: 1e-10 });
  assert.equal(result.nIter, 0);
  assert.ok(result.converged);
  assert.notEqual(result.x, x0);
});
