import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import {
  type Kernel,
  kernelAt,
  kernelData,
  kernelRow,
  kernelValues,
  resolveGamma,
} from '../../../src/learners/svm/kernel.js';
import { svmFixture } from './fixture.js';

// a = (1, 2), b = (3, −1): ⟨a, b⟩ = 1, ‖a − b‖² = 13, ‖a‖² = 5.
const X = matrix([
  [1, 2],
  [3, -1],
]);
const kernels: readonly [Kernel, number, number][] = [
  // kernel, K(a, b), K(a, a)
  [{ kernel: 'linear', gamma: 1, degree: 3, coef0: 0 }, 1, 5],
  [{ kernel: 'poly', gamma: 0.5, degree: 3, coef0: 1 }, 1.5 ** 3, 3.5 ** 3],
  [{ kernel: 'rbf', gamma: 0.1, degree: 3, coef0: 0 }, Math.exp(-1.3), 1],
  [{ kernel: 'sigmoid', gamma: 0.5, degree: 3, coef0: -1 }, Math.tanh(-0.5), Math.tanh(1.5)],
];

test('resolveGamma gives scikit-learn’s gamma for "scale" and "auto", and passes numbers through', () => {
  const friedman = matrix(svmFixture.datasets.friedman!.Xtrain);
  const scale = svmFixture.svr.find((c) => c.spec.gamma === undefined)!;
  const auto = svmFixture.svr.find((c) => c.spec.gamma === 'auto')!;
  assert.ok(Math.abs(resolveGamma('scale', friedman) - scale.gamma) < 1e-15);
  assert.equal(resolveGamma('auto', friedman), auto.gamma);
  assert.equal(resolveGamma(0.25, friedman), 0.25);
});

test('resolveGamma "scale" is 1 when every value of X is the same (as scikit-learn)', () => {
  assert.equal(resolveGamma('scale', matrix([[2], [2]])), 1);
});

for (const [kernel, ab, aa] of kernels) {
  test(`${kernel.kernel} kernel matches its closed form for single values, rows and prediction`, () => {
    const data = kernelData(kernel, X);
    assert.ok(Math.abs(kernelAt(data, 0, 1) - ab) < 1e-12);
    assert.ok(Math.abs(kernelAt(data, 0, 0) - aa) < 1e-12);
    // Training rows are float32, as libsvm's cache.
    const row = new Float32Array(2);
    kernelRow(data, 0, Int32Array.of(1, 0), row, 0, 2);
    assert.deepEqual([...row], [Math.fround(ab), Math.fround(aa)]);
    // Prediction: the support vectors are the rows of X, the query is a.
    const out = new Float64Array(2);
    const norms = Float64Array.of(5, 10);
    kernelValues(kernel, X.data, norms, X, 0, out);
    assert.ok(Math.abs(out[0]! - aa) < 1e-12);
    assert.ok(Math.abs(out[1]! - ab) < 1e-12);
  });
}

test('kernelRow fills only the requested range', () => {
  const data = kernelData(kernels[0]![0], X);
  const row = new Float32Array([7, 7]);
  kernelRow(data, 0, Int32Array.of(0, 1), row, 1, 2);
  assert.deepEqual([...row], [7, 1]);
});
