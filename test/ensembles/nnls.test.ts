import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { nnls } from '../../src/ensembles/nnls.js';
import { leastSquares } from '../../src/learners/linear/least-squares.js';
import { createRandom } from '../../src/random.js';
import { fixture, maxAbsDiff } from './fixture.js';

test('nnls keeps a feasible least-squares solution and zeroes what would go negative', () => {
  assert.deepEqual(
    [
      ...nnls(
        matrix([
          [1, 0],
          [0, 1],
        ]),
        Float64Array.of(2, -1),
      ).x,
    ],
    [2, 0],
  );
  // Unconstrained: x = (1, 1); already non-negative, so it is the answer.
  const { x, residualNorm } = nnls(
    matrix([
      [1, 0],
      [0, 1],
      [1, 1],
    ]),
    Float64Array.of(1, 1, 2),
  );
  assert.ok(maxAbsDiff(x, [1, 1]) < 1e-12);
  assert.ok(residualNorm < 1e-12);
});

test('nnls matches a closed form: one column on the boundary, the other fitted alone', () => {
  // b = (3, -1, 2); with x2 forced to 0, x1 = a1·b / a1·a1 = (3 + 2) / 2 = 2.5 (a1 = (1, 0, 1)).
  const A = matrix([
    [1, 1],
    [0, 1],
    [1, 0],
  ]);
  const b = Float64Array.of(3, -1, 2);
  const unconstrained = leastSquares(Float64Array.of(1, 0, 1, 1, 1, 0), 3, 2, b).x;
  assert.ok(unconstrained[1]! < 0, 'the unconstrained solution must leave the feasible set');
  const { x } = nnls(A, b);
  assert.ok(maxAbsDiff(x, [2.5, 0]) < 1e-12);
});

test('nnls matches scipy.optimize.nnls', () => {
  for (const c of fixture.nnls) {
    const { x, residualNorm } = nnls(
      { rows: c.rows, cols: c.cols, data: Float64Array.from(c.A) },
      Float64Array.from(c.b),
    );
    assert.ok(maxAbsDiff(x, c.x) < 1e-9, `${c.rows}×${c.cols}: x differs by ${maxAbsDiff(x, c.x)}`);
    assert.ok(Math.abs(residualNorm - c.residualNorm) < 1e-9);
  }
});

/** The best over all supports: least squares on each subset of columns, kept when non-negative. */
function bruteForce(
  A: Float64Array,
  rows: number,
  cols: number,
  b: Float64Array,
): { x: Float64Array; norm: number } {
  let best = { x: new Float64Array(cols), norm: Math.hypot(...b) };
  for (let mask = 1; mask < 1 << cols; mask++) {
    const chosen = Array.from({ length: cols }, (_, j) => j).filter((j) => mask & (1 << j));
    const sub = new Float64Array(rows * chosen.length);
    chosen.forEach((j, c) => {
      for (let i = 0; i < rows; i++) sub[c * rows + i] = A[i * cols + j]!;
    });
    const z = leastSquares(sub, rows, chosen.length, b).x;
    if (z.some((v) => v < 0)) continue;
    const x = new Float64Array(cols);
    chosen.forEach((j, c) => {
      x[j] = z[c]!;
    });
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      let r = b[i]!;
      for (let j = 0; j < cols; j++) r -= A[i * cols + j]! * x[j]!;
      sum += r * r;
    }
    if (Math.sqrt(sum) < best.norm - 1e-12) best = { x, norm: Math.sqrt(sum) };
  }
  return best;
}

test('nnls finds the brute-force optimum over all supports on random small problems', () => {
  const random = createRandom(3);
  for (let trial = 0; trial < 60; trial++) {
    const rows = 3 + random.int(8);
    const cols = 1 + random.int(5);
    const A = Float64Array.from({ length: rows * cols }, () => random.normal());
    const b = Float64Array.from({ length: rows }, () => random.normal());
    const expected = bruteForce(A, rows, cols, b);
    const { x, residualNorm } = nnls({ rows, cols, data: A }, b);
    assert.ok(x.every((v) => v >= 0));
    assert.ok(
      Math.abs(residualNorm - expected.norm) < 1e-9,
      `trial ${trial}: ${residualNorm} vs ${expected.norm}`,
    );
    if (rows >= cols) assert.ok(maxAbsDiff(x, expected.x) < 1e-8, `trial ${trial}`);
  }
});

test('nnls does not modify its inputs', () => {
  const A = matrix([
    [1, 2],
    [3, 4],
    [5, 7],
  ]);
  const b = Float64Array.of(1, -2, 3);
  const before = [A.data.slice(), b.slice()];
  nnls(A, b);
  assert.deepEqual([A.data, b], before);
});
