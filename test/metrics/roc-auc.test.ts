import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { column, matrix } from '../../src/data/matrix.js';
import { rocAucScore } from '../../src/metrics/roc-auc.js';
import { assertClose, fixture, weights } from './fixture.js';

describe('rocAucScore matches scikit-learn 1.2.1 (ties included)', () => {
  for (const c of fixture.classification) {
    const expected = c.rocAuc;
    if (!c.proba || expected === undefined) continue;
    test(c.name, () => {
      const yTrue = Int32Array.from(c.yTrue);
      const proba = matrix(c.yTrue.length, c.nClasses, Float64Array.from(c.proba!));
      const sampleWeight = weights(c.sampleWeight);
      if (typeof expected === 'number') {
        assertClose(rocAucScore(yTrue, column(proba, 1), { sampleWeight }), expected, 'scores');
        assertClose(rocAucScore(yTrue, proba, { sampleWeight }), expected, 'matrix');
        assertClose(rocAucScore(yTrue, proba, { posLabel: 0, sampleWeight }), c.rocAucPos0!, 'posLabel 0');
      } else {
        for (const average of ['macro', 'weighted'] as const) {
          assertClose(rocAucScore(yTrue, proba, { average, sampleWeight }), expected[average], average);
        }
      }
    });
  }
});

test('binary AUC equals the Mann–Whitney statistic: pairs ranked right, ties counting one half', () => {
  const yTrue = Int32Array.of(0, 0, 1, 1, 0, 1);
  const scores = Float64Array.of(0.1, 0.5, 0.5, 0.9, 0.3, 0.3);
  // Positive/negative pairs: 0.5 vs (0.1 ✓, 0.5 ½, 0.3 ✓); 0.9 vs all ✓; 0.3 vs (0.1 ✓, 0.5 ✗, 0.3 ½).
  assert.equal(rocAucScore(yTrue, scores), (2.5 + 3 + 1.5) / 9);
  assert.equal(rocAucScore(yTrue, new Float64Array(6)), 0.5);
});

test('rocAucScore refuses a single class, NaN scores and multiclass scores that are not probabilities', () => {
  assert.throws(
    () => rocAucScore(Int32Array.of(1, 1), Float64Array.of(0.2, 0.3)),
    /rocAucScore: only one class present in yTrue \(every row of class 1\)/,
  );
  assert.throws(
    () => rocAucScore(Int32Array.of(0, 1), Float64Array.of(0.2, Number.NaN)),
    /the score at row 1 is NaN/,
  );
  const notProba = matrix([
    [0.5, 0.5, 0.5],
    [0.2, 0.3, 0.5],
    [0.2, 0.3, 0.5],
  ]);
  assert.throws(() => rocAucScore(Int32Array.of(0, 1, 2), notProba), /row 0 sums to 1.5, expected 1/);
  assert.throws(
    () => rocAucScore(Int32Array.of(0, 1), Float64Array.of(0.2)),
    /rocAucScore: yTrue has 2 values but scores has 1/,
  );
});
