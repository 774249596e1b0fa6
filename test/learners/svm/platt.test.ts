import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coupleProbabilities, sigmoidPredict, sigmoidTrain } from '../../../src/learners/svm/platt.js';
import { svmFixture } from './fixture.js';

for (const c of svmFixture.platt) {
  test(`sigmoidTrain finds scikit-learn's Platt sigmoid (${c.name})`, () => {
    // scikit-learn minimises the same smoothed cross-entropy by BFGS (gradient tolerance 1e-5) where
    // we use Newton's method (gradient tolerance 1e-5): the optima agree to about 1e-5.
    const { A, B } = sigmoidTrain(Float64Array.from(c.decision), Int8Array.from(c.labels));
    assert.ok(Math.abs(A - c.A) < 1e-4, `A = ${A}, scikit-learn ${c.A}`);
    assert.ok(Math.abs(B - c.B) < 1e-4, `B = ${B}, scikit-learn ${c.B}`);
  });
}

test('with uninformative decision values sigmoidTrain gives A = 0 and P(+1) = the mean smoothed target', () => {
  // All decision values 0: only B matters, and the optimum matches the smoothed prior.
  const labels = Int8Array.of(1, 1, 1, -1);
  const { A, B } = sigmoidTrain(new Float64Array(4), labels);
  assert.equal(A, 0);
  // P(+1) = 1 / (1 + e^B) must equal the mean smoothed target (3 · 4/5 + 1/3) / 4.
  const target = (3 * (4 / 5) + 1 / 3) / 4;
  assert.ok(Math.abs(1 / (1 + Math.exp(B)) - target) < 1e-6);
});

test('sigmoidPredict is 1 / (1 + exp(A f + B)) and stays finite far out', () => {
  assert.equal(sigmoidPredict(0, -2, 0), 0.5);
  assert.ok(Math.abs(sigmoidPredict(1, -2, 0.5) - 1 / (1 + Math.exp(-1.5))) < 1e-15);
  assert.equal(sigmoidPredict(1e6, -2, 0), 1);
  assert.equal(sigmoidPredict(-1e6, -2, 0), 0);
});

test('coupleProbabilities recovers p from consistent pairwise probabilities r_ij = p_i / (p_i + p_j)', () => {
  const p = [0.5, 0.3, 0.15, 0.05];
  const k = p.length;
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) r[i * k + j] = p[i]! / (p[i]! + p[j]!);
  const out = new Float64Array(k + 1);
  coupleProbabilities(r, k, out, 1, new Float64Array(k * k + k));
  assert.equal(out[0], 0);
  let total = 0;
  for (let i = 0; i < k; i++) {
    // The iteration stops once max |(Qp)_t − pᵀQp| < 0.005 / k, close to but not at the exact fixed point.
    assert.ok(Math.abs(out[i + 1]! - p[i]!) < 5e-3, `p[${i}] = ${out[i + 1]}, expected ${p[i]}`);
    total += out[i + 1]!;
  }
  assert.ok(Math.abs(total - 1) < 1e-12);
});
