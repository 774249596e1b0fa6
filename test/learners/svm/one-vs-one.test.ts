import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { kernelData } from '../../../src/learners/svm/kernel.js';
import { fitOneVsOne, groupByClass } from '../../../src/learners/svm/one-vs-one.js';
import type { ClassificationData } from '../../../src/learners/types.js';

const data: ClassificationData = {
  task: 'multiclass',
  X: matrix([[0], [5], [0.5], [10], [5.5], [1], [10.5], [6]]),
  features: [{ name: 'x', kind: 'numeric' }],
  y: Int32Array.of(0, 2, 0, 3, 2, 0, 3, 2),
  classes: ['a', 'b', 'c', 'd'],
};

test('groupByClass groups rows class by class, keeping their order, and leaves out empty classes', () => {
  const groups = groupByClass(data, Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7));
  assert.deepEqual([...groups.classIndex], [0, 2, 3]);
  assert.deepEqual([...groups.start], [0, 3, 6, 8]);
  assert.deepEqual([...groups.grouped], [0, 2, 5, 1, 4, 7, 3, 6]);
});

test('fitOneVsOne fits one SVM per pair and stores every row with a non-zero coefficient once', () => {
  const rows = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7);
  const fitted = fitOneVsOne(
    data,
    kernelData({ kernel: 'linear', gamma: 1, degree: 3, coef0: 0 }, data.X),
    groupByClass(data, rows),
    {
      solver: { tol: 1e-6, shrinking: true, maxIter: null, cacheBytes: 1 << 20 },
      classC: new Float64Array(4).fill(10),
      weight: new Float64Array(8).fill(1),
      probability: false,
      seed: 0,
    },
  );
  assert.equal(fitted.intercept.length, 3);
  assert.equal(fitted.probA.length, 0);
  const nSV = fitted.support.length;
  assert.equal(
    fitted.nSupport.reduce((a, b) => a + b, 0),
    nSV,
  );
  assert.equal(fitted.dualCoef.length, 2 * nSV);
  // Separable 1-D classes a at 0 … 1, c at 5 … 6, d at 10 … 10.5 (b has no rows). Each pair's hard
  // margin rests on the two facing edge points: f(x) = w x + b with w = −2 / gap through the midpoint,
  // and both α equal |w| / gap. Support vectors: rows 5 (x = 1), 1 and 7 (x = 5, 6), 3 (x = 10).
  assert.deepEqual([...fitted.support], [5, 1, 7, 3]);
  assert.deepEqual([...fitted.nSupport], [1, 2, 1]);
  // libsvm's layout: pair (a, b) puts class a's coefficients in row b − 1 and class b's in row a.
  const expected = [
    [1 / 8, -1 / 8, 0, -2 / 81], // (a, c): a in row 0, c in row 0; (a, d): d in row 0
    [2 / 81, 0, 1 / 8, -1 / 8], // (a, d): a in row 1; (c, d): c and d in row 1
  ].flat();
  for (let i = 0; i < expected.length; i++) assert.ok(Math.abs(fitted.dualCoef[i]! - expected[i]!) < 1e-6);
  // Intercepts: −w · midpoint for gaps (1, 5), (1, 10), (6, 10).
  const intercepts = [0.5 * 3, (2 / 9) * 5.5, 0.5 * 8];
  for (let p = 0; p < 3; p++) assert.ok(Math.abs(fitted.intercept[p]! - intercepts[p]!) < 1e-6);
});
