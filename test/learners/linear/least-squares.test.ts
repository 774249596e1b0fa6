import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { leastSquares } from '../../../src/learners/linear/least-squares.js';
import { assertCloseAbsolute } from './linear-fixture.js';

/** Column-major data from rows. */
function columnMajor(rows: number[][]): Float64Array {
  const m = rows.length;
  const n = rows[0]!.length;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = rows[i]![j]!;
  return out;
}

function solve(rows: number[][], b: number[]) {
  return leastSquares(columnMajor(rows), rows.length, rows[0]!.length, Float64Array.from(b));
}

describe('leastSquares', () => {
  test('fits the best line through three points (Strang, Introduction to Linear Algebra, §4.3)', () => {
    // b = 6, 0, 0 at t = 0, 1, 2: the best line is 5 − 3t.
    const { x, rank } = solve(
      [
        [1, 0],
        [1, 1],
        [1, 2],
      ],
      [6, 0, 0],
    );
    assertCloseAbsolute(x, [5, -3], 1e-14, 'x');
    assert.equal(rank, 2);
  });

  test('solves a square non-singular system exactly', () => {
    const { x } = solve(
      [
        [2, 1, 0],
        [1, 3, 1],
        [0, 1, 4],
      ],
      [3, 5, 5],
    );
    assertCloseAbsolute(x, [1, 1, 1], 1e-14, 'x');
  });

  test('returns the minimum-norm solution of one equation in two unknowns', () => {
    // x₁ + 2x₂ = 5: the shortest solution is 5 / (1² + 2²) · (1, 2).
    const { x, rank } = solve([[1, 2]], [5]);
    assertCloseAbsolute(x, [1, 2], 1e-14, 'x');
    assert.equal(rank, 1);
  });

  test('returns the pseudo-inverse solution of a wide system: Aᵀ(AAᵀ)⁻¹b', () => {
    // AAᵀ = [[2, 1], [1, 2]], (AAᵀ)⁻¹·(1, 1) = (1/3, 1/3), Aᵀ·(1/3, 1/3) = (1/3, 1/3, 2/3).
    const { x } = solve(
      [
        [1, 0, 1],
        [0, 1, 1],
      ],
      [1, 1],
    );
    assertCloseAbsolute(x, [1 / 3, 1 / 3, 2 / 3], 1e-14, 'x');
  });

  test('returns the minimum-norm least-squares solution of an inconsistent rank-deficient system', () => {
    // Column 2 = 2 · column 1, so A = u·vᵀ with u = (1, 1, 1), v = (1, 2); the projection of b on u
    // is mean(b) = 2, and the shortest x with x₁ + 2x₂ = 2 is (2/5, 4/5).
    const { x, rank } = solve(
      [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
      [1, 2, 3],
    );
    assertCloseAbsolute(x, [2 / 5, 4 / 5], 1e-14, 'x');
    assert.equal(rank, 1);
  });

  test('returns zeros for a zero matrix', () => {
    const { x, rank } = solve(
      [
        [0, 0],
        [0, 0],
      ],
      [1, 2],
    );
    assert.deepEqual([...x], [0, 0]);
    assert.equal(rank, 0);
  });

  test('leaves its inputs unchanged', () => {
    const a = columnMajor([
      [1, 2],
      [3, 4],
      [5, 7],
    ]);
    const b = Float64Array.of(1, 2, 3);
    const before = [a.slice(), b.slice()];
    leastSquares(a, 3, 2, b);
    assert.deepEqual([a, b], before);
  });
});
