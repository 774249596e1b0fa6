import assert from 'node:assert/strict';
import { test } from 'node:test';
import { affine, productTransposed, transposedProduct } from '../../../src/learners/mlp/dense.js';
import { createRandom } from '../../../src/random.js';

/** A random m × n matrix with about a third of its entries 0 (as relu leaves them). */
function sparseRandom(m: number, n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: m * n }, () => (random.next() < 0.33 ? 0 : random.normal()));
}

/** The textbook triple loop: C[r, j] = Σᵢ A[r, i]·B[i, j]. */
function naiveProduct(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const C = new Float64Array(m * n);
  for (let r = 0; r < m; r++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += A[r * k + i]! * B[i * n + j]!;
      C[r * n + j] = s;
    }
  }
  return C;
}

function transpose(A: Float64Array, m: number, n: number): Float64Array {
  const T = new Float64Array(m * n);
  for (let r = 0; r < m; r++) for (let j = 0; j < n; j++) T[j * m + r] = A[r * n + j]!;
  return T;
}

function assertClose(actual: Float64Array, expected: Float64Array): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= 1e-12 * (1 + Math.abs(expected[i]!)), `entry ${i}`);
  }
}

// Sizes that exercise the four-way unrolling and its remainders, and single-output layers.
const shapes = [
  [1, 1, 1],
  [5, 3, 1],
  [7, 10, 9],
  [9, 4, 13],
  [13, 17, 6],
];

for (const [m, k, n] of shapes as [number, number, number][]) {
  test(`affine gives A·B + bias (${m}×${k} by ${k}×${n})`, () => {
    const A = sparseRandom(m, k, 1);
    const B = sparseRandom(k, n, 2);
    const bias = sparseRandom(1, n, 3);
    const out = new Float64Array(m * n + 5).fill(Number.NaN);
    affine(A, B, bias, out, m, k, n, new Int32Array(k));
    const expected = naiveProduct(A, B, m, k, n).map((v, i) => v + bias[i % n]!);
    assertClose(out.subarray(0, m * n), expected);
  });

  test(`transposedProduct gives Aᵀ·D, overwriting G (${m}×${k} and ${m}×${n})`, () => {
    const A = sparseRandom(m, k, 4);
    const D = sparseRandom(m, n, 5);
    const G = new Float64Array(k * n).fill(7);
    transposedProduct(A, D, G, m, k, n);
    assertClose(G, naiveProduct(transpose(A, m, k), D, k, m, n));
  });

  test(`productTransposed gives D·Bᵀ (${m}×${n} by (${k}×${n})ᵀ)`, () => {
    const D = sparseRandom(m, n, 6);
    const B = sparseRandom(k, n, 7);
    const out = new Float64Array(m * k);
    productTransposed(D, B, out, m, n, k);
    assertClose(out, naiveProduct(D, transpose(B, k, n), m, n, k));
  });
}
