import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type Average,
  accuracyScore,
  balancedAccuracyScore,
  confusionMatrix,
  f1Score,
  precisionScore,
  recallScore,
} from '../../src/metrics/classification.js';
import { assertClose, fixture, weights } from './fixture.js';

const averaged = { precision: precisionScore, recall: recallScore, f1: f1Score } as const;

describe('classification metrics match scikit-learn 1.2.1', () => {
  for (const c of fixture.classification) {
    test(c.name, () => {
      const yTrue = Int32Array.from(c.yTrue);
      const yPred = Int32Array.from(c.yPred);
      const sampleWeight = weights(c.sampleWeight);
      assertClose(accuracyScore(yTrue, yPred, sampleWeight), c.accuracy, 'accuracy');
      assertClose(balancedAccuracyScore(yTrue, yPred, sampleWeight), c.balancedAccuracy, 'balancedAccuracy');
      const matrix = confusionMatrix(yTrue, yPred, c.nClasses, sampleWeight);
      assert.equal(matrix.length, c.nClasses);
      for (const [t, row] of matrix.entries()) {
        for (const [p, value] of row.entries()) {
          assertClose(value, c.confusionMatrix[t]![p]!, `confusion [${t}][${p}]`);
        }
      }
      for (const [name, metric] of Object.entries(averaged)) {
        const expected = c[name as keyof typeof averaged];
        for (const average of ['macro', 'weighted', 'micro'] as const) {
          assertClose(
            metric(yTrue, yPred, { average, sampleWeight }),
            expected[average],
            `${name} ${average}`,
          );
        }
        if (expected.binary !== undefined && expected.binaryPos0 !== undefined) {
          assertClose(metric(yTrue, yPred, { sampleWeight }), expected.binary, `${name} binary`);
          assertClose(
            metric(yTrue, yPred, { posLabel: 0, sampleWeight }),
            expected.binaryPos0,
            `${name} pos 0`,
          );
        }
      }
    });
  }
});

test('closed forms: precision, recall and F1 of one class; zero division gives 0', () => {
  const yTrue = Int32Array.of(1, 1, 1, 0, 0);
  const yPred = Int32Array.of(1, 0, 1, 1, 0);
  assert.equal(precisionScore(yTrue, yPred), 2 / 3);
  assert.equal(recallScore(yTrue, yPred), 2 / 3);
  assert.equal(f1Score(yTrue, yPred), 2 / 3);
  const never = Int32Array.of(0, 0, 0, 0, 0);
  assert.equal(precisionScore(yTrue, never), 0);
  assert.equal(f1Score(yTrue, never), 0);
  assert.equal(recallScore(never, yPred), 0);
});

test('balanced accuracy leaves out classes that are only predicted', () => {
  // Recall of class 0 is 1/2, of class 1 is 1; class 2 never occurs in yTrue.
  assert.equal(balancedAccuracyScore(Int32Array.of(0, 0, 1), Int32Array.of(0, 2, 1)), 0.75);
});

test('average "binary" refuses more than two classes and a posLabel that does not occur', () => {
  const yTrue = Int32Array.of(0, 1, 2);
  assert.throws(
    () => f1Score(yTrue, yTrue),
    /f1Score: average "binary" needs at most two classes, but yTrue and yPred hold 0, 1, 2; use average "macro"/,
  );
  const binary = Int32Array.of(0, 2, 2);
  assert.throws(
    () => precisionScore(binary, binary),
    /posLabel 1 does not occur in yTrue or yPred; expected one of 0, 2/,
  );
  assert.throws(
    () => recallScore(binary, binary, { average: 'mean' as Average }),
    /recallScore: average must be one of "binary", "macro", "weighted", "micro"; received "mean"/,
  );
});

test('class metrics refuse mismatched lengths and bad codes, naming them', () => {
  assert.throws(
    () => accuracyScore(Int32Array.of(0, 1), Int32Array.of(0)),
    /accuracyScore: yTrue has 2 values but yPred has 1/,
  );
  assert.throws(
    () => balancedAccuracyScore(Int32Array.of(0, -1), Int32Array.of(0, 1)),
    /balancedAccuracyScore: yTrue\[1\] is -1; expected a class code ≥ 0/,
  );
  assert.throws(
    () => confusionMatrix(Int32Array.of(0, 1), Int32Array.of(0, 2), 2),
    /confusionMatrix: yPred\[1\] is 2; expected a class code in 0 … 1/,
  );
});
