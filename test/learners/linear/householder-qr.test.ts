import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyQ, applyQt, householderQr } from '../../../src/learners/linear/householder-qr.js';
import { createRandom } from '../../../src/random.js';
import { assertCloseAbsolute } from './linear-fixture.js';

const rows = 6;
const cols = 4;
const random = createRandom(3);
const a = new Float64Array(rows * cols).map(() => random.normal());

test('householderQr with pivoting reproduces A·P = Q·R with |R₀₀| ≥ |R₁₁| ≥ …', () => {
  const factors = householderQr(a.slice(), rows, cols, { pivot: true });
  assert.equal(factors.rank, cols);
  const diagonal = Array.from({ length: cols }, (_, k) => Math.abs(factors.qr[k * rows + k]!));
  for (let k = 1; k < cols; k++) assert.ok(diagonal[k]! <= diagonal[k - 1]!, `|R| diagonal ${diagonal}`);
  for (let j = 0; j < cols; j++) {
    // Column j of Q·R is Q applied to column j of R (zero below the diagonal).
    const r = new Float64Array(rows);
    for (let i = 0; i <= j; i++) r[i] = factors.qr[j * rows + i]!;
    applyQ(factors, r);
    const original = a.subarray(factors.perm[j]! * rows, (factors.perm[j]! + 1) * rows);
    assertCloseAbsolute(r, original, 1e-13, `column ${j}`);
  }
});

test('applyQt then applyQ gives the vector back (Q is orthogonal)', () => {
  const factors = householderQr(a.slice(), rows, cols, { pivot: false });
  const b = Float64Array.of(1, -2, 3, 0.5, 4, -1);
  const c = b.slice();
  applyQt(factors, c);
  let normB = 0;
  let normC = 0;
  for (let i = 0; i < rows; i++) {
    normB += b[i]! ** 2;
    normC += c[i]! ** 2;
  }
  assertCloseAbsolute([normC], [normB], 1e-12, 'norm');
  applyQ(factors, c);
  assertCloseAbsolute(c, b, 1e-13, 'b');
});

test('householderQr with pivoting finds the rank of a matrix with a repeated column', () => {
  const withCopy = new Float64Array(rows * 3);
  withCopy.set(a.subarray(0, 2 * rows));
  withCopy.set(a.subarray(0, rows), 2 * rows);
  assert.equal(householderQr(withCopy, rows, 3, { pivot: true }).rank, 2);
});
