import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Matrix, matrix } from '../../../src/data/matrix.js';
import { type Kernel, kernelAt, kernelData } from '../../../src/learners/svm/kernel.js';
import { classificationQ } from '../../../src/learners/svm/q-matrix.js';
import { type SmoSolution, solveSmo } from '../../../src/learners/svm/smo.js';
import { createRandom } from '../../../src/random.js';

const linear: Kernel = { kernel: 'linear', gamma: 1, degree: 3, coef0: 0 };
const rbf: Kernel = { kernel: 'rbf', gamma: 0.5, degree: 3, coef0: 0 };

function solveSvc(
  X: Matrix,
  y: Int8Array,
  C: number,
  kernel: Kernel,
  options: { tol?: number; shrinking?: boolean; maxIter?: number | null; cacheBytes?: number } = {},
): SmoSolution {
  const l = y.length;
  return solveSmo({
    Q: classificationQ(
      kernelData(kernel, X),
      Int32Array.from({ length: l }, (_, i) => i),
      y,
      options.cacheBytes ?? 1 << 20,
    ),
    p: new Float64Array(l).fill(-1),
    y,
    C: new Float64Array(l).fill(C),
    tol: options.tol ?? 1e-3,
    shrinking: options.shrinking ?? true,
    maxIter: options.maxIter ?? null,
  });
}

/** Two overlapping Gaussian blobs in 2-D with labels ±1. */
function blobs(n: number, seed: number): { X: Matrix; y: Int8Array } {
  const random = createRandom(seed);
  const values = new Float64Array(n * 2);
  const y = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2 === 0 ? 1 : -1;
    values[2 * i] = y[i]! * 0.8 + random.normal();
    values[2 * i + 1] = -y[i]! * 0.5 + random.normal();
  }
  return { X: matrix(n, 2, values), y };
}

/**
 * The largest KKT violation of a C-SVC dual solution, from the textbook optimality condition
 * (max over I_up of −y_i∇f_i) − (min over I_low of −y_i∇f_i), with ∇f = Qα − 1 computed here in float64.
 */
function kktViolation(X: Matrix, y: Int8Array, C: number, kernel: Kernel, alpha: Float64Array): number {
  const data = kernelData(kernel, X);
  const l = y.length;
  let up = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  for (let i = 0; i < l; i++) {
    let grad = -1;
    for (let j = 0; j < l; j++) grad += y[i]! * y[j]! * kernelAt(data, i, j) * alpha[j]!;
    const v = -y[i]! * grad;
    const inUp = (y[i] === 1 && alpha[i]! < C) || (y[i] === -1 && alpha[i]! > 0);
    const inLow = (y[i] === 1 && alpha[i]! > 0) || (y[i] === -1 && alpha[i]! < C);
    if (inUp) up = Math.max(up, v);
    if (inLow) low = Math.min(low, v);
  }
  return up - low;
}

test('two points, linear kernel: α = (½, ½) and rho = 0, the hard-margin closed form', () => {
  const X = matrix([[1], [-1]]);
  const solution = solveSvc(X, Int8Array.of(1, -1), 10, linear);
  assert.ok(Math.abs(solution.alpha[0]! - 0.5) < 1e-12);
  assert.ok(Math.abs(solution.alpha[1]! - 0.5) < 1e-12);
  assert.ok(Math.abs(solution.rho) < 1e-12);
  assert.equal(solution.converged, true);
});

test('two points with C below the hard-margin α: both α stop at C', () => {
  const X = matrix([[1], [-1]]);
  const solution = solveSvc(X, Int8Array.of(1, -1), 0.25, linear);
  assert.deepEqual([...solution.alpha], [0.25, 0.25]);
  assert.ok(Math.abs(solution.rho) < 1e-12);
});

for (const [name, kernel, C] of [
  ['rbf, C = 1', rbf, 1],
  ['linear, C = 0.1', linear, 0.1],
  ['rbf, C = 100', rbf, 100],
] as const) {
  test(`the solution is feasible and meets the KKT conditions within tol (${name})`, () => {
    const { X, y } = blobs(60, 7);
    const tol = 1e-4;
    const { alpha } = solveSvc(X, y, C, kernel, { tol });
    let balance = 0;
    for (let i = 0; i < y.length; i++) {
      assert.ok(alpha[i]! >= 0 && alpha[i]! <= C);
      balance += y[i]! * alpha[i]!;
    }
    assert.ok(Math.abs(balance) < 1e-9, `yᵀα = ${balance}`);
    // Slack for the float32 kernel rows the solver uses.
    assert.ok(kktViolation(X, y, C, kernel, alpha) < tol + 1e-4);
  });
}

test('shrinking and a tiny kernel cache do not change the solution beyond the tolerance', () => {
  const { X, y } = blobs(80, 3);
  const reference = solveSvc(X, y, 1, rbf, { tol: 1e-8, shrinking: false });
  const shrunk = solveSvc(X, y, 1, rbf, { tol: 1e-8, shrinking: true, cacheBytes: 0 });
  for (let i = 0; i < y.length; i++) assert.ok(Math.abs(reference.alpha[i]! - shrunk.alpha[i]!) < 1e-5);
  assert.ok(Math.abs(reference.rho - shrunk.rho) < 1e-5);
});

test('maxIter stops the solver early and reports it, with a feasible α', () => {
  const { X, y } = blobs(60, 7);
  const solution = solveSvc(X, y, 1, rbf, { maxIter: 5 });
  assert.equal(solution.converged, false);
  assert.equal(solution.iterations, 5);
  let balance = 0;
  for (let i = 0; i < y.length; i++) balance += y[i]! * solution.alpha[i]!;
  assert.ok(Math.abs(balance) < 1e-12);
  assert.ok(Number.isFinite(solution.rho));
});
