import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { linearLogProba } from '../../../src/learners/naive-bayes/linear-log-proba.js';

const weights = Float64Array.of(Math.log(0.5), Math.log(0.5), Math.log(0.9), Math.log(0.1));
const bias = Float64Array.of(Math.log(0.5), Math.log(0.5));

test('linearLogProba normalises exp(x·w_c + b_c) over the classes', () => {
  const proba = linearLogProba(matrix([[2, 1]]), weights, bias, 2, null);
  // Class 0: 0.5 · 0.5² · 0.5; class 1: 0.5 · 0.9² · 0.1.
  const a = 0.5 * 0.25 * 0.5;
  const b = 0.5 * 0.81 * 0.1;
  assert.ok(Math.abs(proba[0]! - a / (a + b)) < 1e-15 && Math.abs(proba[1]! - b / (a + b)) < 1e-15);
});

test('linearLogProba with a threshold treats values above it as 1 and the rest as 0', () => {
  const binarized = linearLogProba(matrix([[7, 0.2]]), weights, bias, 2, 0.5);
  const explicit = linearLogProba(matrix([[1, 0]]), weights, bias, 2, null);
  assert.deepEqual(binarized, explicit);
});
