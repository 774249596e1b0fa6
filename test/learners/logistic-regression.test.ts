import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { LogisticRegressionState } from '../../src/learners/logistic-regression.js';
import type { ClassificationData, Classifier } from '../../src/learners/types.js';
import {
  assertCloseAbsolute,
  assertCloseRelative,
  classificationData,
  fixture,
  numericFeatures,
  toMatrix,
} from './linear/linear-fixture.js';

async function fitLogistic(spec: Record<string, unknown>, data: ClassificationData) {
  const model = (await fit({ kind: 'logisticRegression', ...spec }, data)) as Classifier;
  return { model, state: model.state as LogisticRegressionState };
}

describe('logisticRegression matches scikit-learn LogisticRegression predict_proba on held-out rows (1e-4)', () => {
  for (const [setName, set] of Object.entries(fixture.logistic)) {
    for (const reference of set.cases) {
      test(`${setName}: ${reference.name}`, async () => {
        const { model, state } = await fitLogistic(
          reference.params,
          classificationData(set, reference.sampleWeight),
        );
        assert.ok(state.converged, `did not converge in ${state.nIter} iterations`);
        assertCloseAbsolute(model.predictProba(toMatrix(set.XTest)).data, reference.proba, 1e-4, 'proba');
      });
    }
  }
});

test('logisticRegression coefficients match scikit-learn (binary: one row, for the second class)', async () => {
  const set = fixture.logistic.binary;
  const reference = set.cases[0]!;
  const { state } = await fitLogistic({}, classificationData(set));
  assert.equal(state.multiClass, 'ovr');
  assertCloseRelative(state.coef, reference.coef, 1e-4, 'coef');
  assertCloseRelative(state.intercept, reference.intercept, 1e-4, 'intercept');
});

test('logisticRegression coefficients match scikit-learn (multinomial: one row per class)', async () => {
  const set = fixture.logistic.multiclass;
  const reference = set.cases[0]!;
  const { state } = await fitLogistic({}, classificationData(set));
  assert.equal(state.multiClass, 'multinomial');
  assert.equal(state.coef.length, 3 * set.XTrain.cols);
  assertCloseRelative(state.coef, reference.coef, 1e-4, 'coef');
  assertCloseRelative(state.intercept, reference.intercept, 1e-4, 'intercept');
});

test('logisticRegression: integer sample weights equal repeating the rows', async () => {
  const X = [
    [0, 1],
    [1, 0],
    [2, 2],
    [3, 1],
    [1, 3],
    [2, 0],
  ];
  const y = [0, 0, 1, 1, 2, 2];
  const weights = [1, 2, 1, 3, 2, 1];
  const base = { features: numericFeatures(2), classes: ['a', 'b', 'c'], task: 'multiclass' as const };
  const weighted = await fitLogistic(
    { tol: 1e-10 },
    { ...base, X: matrix(X), y: Int32Array.from(y), sampleWeight: Float64Array.from(weights) },
  );
  const repeatedX = X.flatMap((row, i) => Array.from({ length: weights[i]! }, () => row));
  const repeatedY = y.flatMap((v, i) => Array.from({ length: weights[i]! }, () => v));
  const repeated = await fitLogistic(
    { tol: 1e-10 },
    { ...base, X: matrix(repeatedX), y: Int32Array.from(repeatedY) },
  );
  assertCloseAbsolute(weighted.state.coef, repeated.state.coef, 1e-7, 'coef');
});

test('logisticRegression gives probabilities ½ for a feature that says nothing', async () => {
  const data: ClassificationData = {
    task: 'binary',
    X: matrix([[1], [1], [-1], [-1]]),
    features: numericFeatures(1),
    y: Int32Array.of(0, 1, 0, 1),
    classes: ['no', 'yes'],
  };
  const { model } = await fitLogistic({}, data);
  assertCloseAbsolute(model.predictProba(matrix([[5], [-5]])).data, [0.5, 0.5, 0.5, 0.5], 1e-9, 'proba');
});

describe('logisticRegression refuses bad parameters, naming them', () => {
  const data = classificationData(fixture.logistic.binary);
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ C: 0 }, /logisticRegression: parameter "C" must be a number > 0; received 0/],
    [{ maxIter: 0 }, /parameter "maxIter" must be an integer ≥ 1; received 0/],
    [
      { multiClass: 'softmax' },
      /parameter "multiClass" must be one of "auto", "multinomial", "ovr"; received "softmax"/,
    ],
    [
      { classWeight: 'even' },
      /parameter "classWeight" must be one of "balanced" or an object or null; received "even"/,
    ],
    [
      { classWeight: { maybe: 2 } },
      /classWeight names class "maybe", which is not among the classes \(no, yes\)/,
    ],
    [{ classWeight: { yes: -1 } }, /classWeight for class "yes" must be a number ≥ 0; received -1/],
  ];
  for (const [spec, message] of cases) {
    test(JSON.stringify(spec), async () => {
      await assert.rejects(fit({ kind: 'logisticRegression', ...spec }, data), message);
    });
  }
});
