import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { kernelData } from '../../../src/learners/svm/kernel.js';
import { classificationQ, regressionQ } from '../../../src/learners/svm/q-matrix.js';

// Linear kernel on small integers: every value is exact in float32.
const X = matrix([
  [1, 0],
  [2, 1],
  [0, 3],
  [-1, 2],
  [5, 5],
]);
const data = kernelData({ kernel: 'linear', gamma: 1, degree: 3, coef0: 0 }, X);
const dot = (a: number, b: number): number =>
  X.data[a * 2]! * X.data[b * 2]! + X.data[a * 2 + 1]! * X.data[b * 2 + 1]!;

test('classificationQ rows are y_i y_j K(x_i, x_j) over the chosen rows, with K(x_i, x_i) on the diagonal', () => {
  const rows = Int32Array.of(4, 1, 2);
  const y = Int8Array.of(1, -1, 1);
  const Q = classificationQ(data, rows, y, 1 << 20);
  assert.equal(Q.size, 3);
  for (let i = 0; i < 3; i++) {
    assert.equal(Q.diagonal[i], dot(rows[i]!, rows[i]!));
    const row = Q.row(i, 3);
    for (let j = 0; j < 3; j++) assert.equal(row[j], y[i]! * y[j]! * dot(rows[i]!, rows[j]!));
  }
});

test('classificationQ follows a swap of two variables in its rows, diagonal and signs', () => {
  const rows = Int32Array.of(0, 1, 2, 3);
  const y = Int8Array.of(1, 1, -1, -1);
  const Q = classificationQ(data, rows, y, 1 << 20);
  Q.row(0, 4);
  Q.row(2, 2);
  Q.swap(0, 2);
  const order = [2, 1, 0, 3];
  const sign = [-1, 1, 1, -1];
  for (let i = 0; i < 4; i++) {
    assert.equal(Q.diagonal[i], dot(order[i]!, order[i]!));
    const row = Q.row(i, 4);
    for (let j = 0; j < 4; j++) assert.equal(row[j], sign[i]! * sign[j]! * dot(order[i]!, order[j]!));
  }
});

test('regressionQ is [[K, −K], [−K, K]] over 2n variables, also after swaps', () => {
  const rows = Int32Array.of(0, 2, 4);
  const n = 3;
  const Q = regressionQ(data, rows, 1 << 20);
  assert.equal(Q.size, 6);
  const expected = (a: number, b: number): number =>
    (a < n ? 1 : -1) * (b < n ? 1 : -1) * dot(rows[a % n]!, rows[b % n]!);
  for (let i = 0; i < 6; i++) {
    const row = Q.row(i, 6);
    for (let j = 0; j < 6; j++) assert.equal(row[j], expected(i, j));
  }
  Q.swap(1, 4);
  const order = [0, 4, 2, 3, 1, 5];
  for (let i = 0; i < 6; i++) {
    assert.equal(Q.diagonal[i], dot(rows[order[i]! % n]!, rows[order[i]! % n]!));
    const row = Q.row(i, 6);
    for (let j = 0; j < 6; j++) assert.equal(row[j], expected(order[i]!, order[j]!));
  }
});
