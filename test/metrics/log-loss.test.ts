import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { logLoss } from '../../src/metrics/log-loss.js';
import { assertClose, fixture, weights } from './fixture.js';

describe('logLoss matches scikit-learn 1.2.1', () => {
  for (const c of fixture.classification) {
    if (!c.proba || c.logLoss === undefined) continue;
    test(c.name, () => {
      const proba = matrix(c.yTrue.length, c.nClasses, Float64Array.from(c.proba!));
      assertClose(logLoss(Int32Array.from(c.yTrue), proba, weights(c.sampleWeight)), c.logLoss!, 'logLoss');
    });
  }
  for (const c of fixture.logLoss) {
    test(c.name, () => {
      const proba = matrix(c.yTrue.length, c.nClasses, Float64Array.from(c.proba));
      assertClose(logLoss(Int32Array.from(c.yTrue), proba), c.logLoss, 'logLoss');
    });
  }
});

test('logLoss is the mean of −ln p(true class)', () => {
  const proba = matrix([
    [0.9, 0.1],
    [0.2, 0.8],
  ]);
  assertClose(logLoss(Int32Array.of(0, 1), proba), -(Math.log(0.9) + Math.log(0.8)) / 2, 'closed form');
});

test('a certain wrong answer costs −ln ε ≈ 36, not infinity', () => {
  // Clipped to [ε, 1 − ε], the row still sums to 1: the cost is −ln ε.
  const cost = logLoss(Int32Array.of(1), matrix([[1, 0]]));
  assert.equal(cost, -Math.log(Number.EPSILON));
  assert.ok(cost > 36 && cost < 36.1);
});

test('logLoss refuses a row count or class code that does not fit the probabilities', () => {
  const proba = matrix([[0.5, 0.5]]);
  assert.throws(
    () => logLoss(Int32Array.of(0, 1), proba),
    /logLoss: yTrue has 2 values but proba \(rows\) has 1/,
  );
  assert.throws(
    () => logLoss(Int32Array.of(2), proba),
    /logLoss: yTrue\[0\] is 2; expected a class code in 0 … 1/,
  );
  assert.throws(() => logLoss(Int32Array.of(0), matrix([[1]])), /proba needs at least 2 columns/);
});
