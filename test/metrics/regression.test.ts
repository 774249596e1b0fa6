import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from '../../src/metrics/regression.js';
import { assertClose, fixture, weights } from './fixture.js';

const metrics = {
  mse: meanSquaredError,
  rmse: rootMeanSquaredError,
  mae: meanAbsoluteError,
  r2: r2Score,
  mape: meanAbsolutePercentageError,
} as const;

describe('regression metrics match scikit-learn 1.2.1', () => {
  for (const c of fixture.regression) {
    test(c.name, () => {
      const yTrue = Float64Array.from(c.yTrue);
      const yPred = Float64Array.from(c.yPred);
      for (const [name, metric] of Object.entries(metrics)) {
        assertClose(metric(yTrue, yPred, weights(c.sampleWeight)), c[name as keyof typeof metrics], name);
      }
    });
  }
});

test('r2Score of a constant truth is 1 when perfect and 0 otherwise, even where its mean rounds', () => {
  // scikit-learn 1.2.1 gives −7.4e30 for the imperfect case: its mean of seven 0.1s is off by one ulp.
  const y = new Float64Array(7).fill(0.1);
  assert.equal(r2Score(y, y.slice()), 1);
  assert.equal(r2Score(y, Float64Array.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2)), 0);
});

test('r2Score of a single row is NaN (undefined)', () => {
  assert.ok(Number.isNaN(r2Score(Float64Array.of(1), Float64Array.of(2))));
});

test('closed forms: MSE, RMSE, MAE, R² and MAPE of a small example', () => {
  const yTrue = Float64Array.of(1, 2, 3, 4);
  const yPred = Float64Array.of(2, 2, 3, 2);
  assert.equal(meanSquaredError(yTrue, yPred), 5 / 4);
  assert.equal(rootMeanSquaredError(yTrue, yPred), Math.sqrt(5 / 4));
  assert.equal(meanAbsoluteError(yTrue, yPred), 3 / 4);
  assert.equal(r2Score(yTrue, yPred), 1 - 5 / 5);
  assert.equal(meanAbsolutePercentageError(yTrue, yPred), (1 + 0 + 0 + 0.5) / 4);
  // Weights 0 leave a row out.
  assert.equal(meanSquaredError(yTrue, yPred, Float64Array.of(0, 1, 1, 0)), 0);
});

test('metrics refuse mismatched lengths, empty input and bad weights, naming both lengths', () => {
  const a = Float64Array.of(1, 2, 3);
  assert.throws(
    () => meanSquaredError(a, Float64Array.of(1, 2)),
    /meanSquaredError: yTrue has 3 values but yPred has 2/,
  );
  assert.throws(() => r2Score(new Float64Array(0), new Float64Array(0)), /r2Score: yTrue is empty/);
  assert.throws(
    () => meanAbsoluteError(a, a, Float64Array.of(1, 1)),
    /meanAbsoluteError: sampleWeight has 2 values but yTrue has 3/,
  );
  assert.throws(
    () => meanAbsolutePercentageError(a, a, new Float64Array(3)),
    /sampleWeight sums to 0; expected a positive total/,
  );
});
