import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { SgdRegressorState } from '../../src/learners/sgd-regressor.js';
import type { Regressor } from '../../src/learners/types.js';
import { r2Score } from '../../src/metrics/regression.js';
import { assertCloseAbsolute, fixture, regressionData, toMatrix } from './linear/linear-fixture.js';

async function fitSgd(spec: Record<string, unknown>, data: ReturnType<typeof regressionData>) {
  const model = (await fit({ kind: 'sgdRegressor', ...spec }, data)) as Regressor;
  return { model, state: model.state as SgdRegressorState };
}

const nearlyLinear = fixture.sgd.nearlyLinear;
const linearData = regressionData(nearlyLinear.X, nearlyLinear.y);

test('sgdRegressor with its defaults lands near the least-squares solution on standardised data', async () => {
  const { state } = await fitSgd({}, linearData);
  // Coefficients are 0.5 … 3; the alpha 1e-4 penalty and the stopping rule leave a little.
  assertCloseAbsolute(state.coef, nearlyLinear.olsCoef, 0.05, 'coef');
  assertCloseAbsolute([state.intercept], [nearlyLinear.olsIntercept], 0.05, 'intercept');
});

test('sgdRegressor run for 100 epochs reaches the least-squares solution to 1e-3', async () => {
  const { state } = await fitSgd({ tol: null, maxIter: 100 }, linearData);
  assert.equal(state.nIter, 100);
  assertCloseAbsolute(state.coef, nearlyLinear.olsCoef, 1e-3, 'coef');
  assertCloseAbsolute([state.intercept], [nearlyLinear.olsIntercept], 1e-3, 'intercept');
});

describe('sgdRegressor test R² on Friedman #1 is within 2 % of scikit-learn SGDRegressor (or better)', () => {
  const friedman = fixture.sgd.friedman;
  const XTest = toMatrix(friedman.XTest);
  const yTest = Float64Array.from(friedman.yTest);
  for (const reference of friedman.cases) {
    test(reference.name, async () => {
      // Both sides are the mean over five seeds, so that one lucky or unlucky shuffle does not decide.
      let total = 0;
      for (let seed = 0; seed < 5; seed++) {
        const data = regressionData(friedman.XTrain, friedman.yTrain, reference.sampleWeight);
        const { model } = await fitSgd({ ...reference.params, seed }, data);
        total += r2Score(yTest, model.predict(XTest));
      }
      const ours = total / 5;
      assert.ok(
        ours >= reference.testR2 * 0.98,
        `test R² ${ours} is more than 2 % below scikit-learn's ${reference.testR2}`,
      );
    });
  }
});

test('sgdRegressor: the same seed gives the same coefficients, another seed others', async () => {
  const a = await fitSgd({ seed: 3 }, linearData);
  const b = await fitSgd({ seed: 3 }, linearData);
  const c = await fitSgd({ seed: 4 }, linearData);
  assert.deepEqual(a.state.coef, b.state.coef);
  assert.notDeepEqual(a.state.coef, c.state.coef);
});

test('sgdRegressor with an L1 penalty sets the coefficient of a pure-noise column to exactly 0', async () => {
  // Columns 0 … 3 carry the signal; column 4 is the row index pattern, unrelated to y.
  const X = toMatrix(nearlyLinear.X);
  const rows: number[][] = [];
  for (let i = 0; i < X.rows; i++) {
    rows.push([...X.data.subarray(i * 4, i * 4 + 4), i % 2 === 0 ? 1 : -1]);
  }
  const { state } = await fitSgd(
    { penalty: 'l1', alpha: 0.05 },
    regressionData(matrix(rows), nearlyLinear.y),
  );
  assert.equal(state.coef[4], 0);
  assert.ok(Math.abs(state.coef[3]!) > 2, `a signal coefficient was lost: ${state.coef[3]}`);
});

test('sgdRegressor: a zero sample weight removes the row', async () => {
  const y = Float64Array.from(nearlyLinear.y);
  const weights = new Float64Array(y.length).fill(1);
  // Corrupt every tenth target, then weigh those rows 0.
  for (let i = 0; i < y.length; i += 10) {
    y[i] = 1000;
    weights[i] = 0;
  }
  const { state } = await fitSgd({ tol: null, maxIter: 100 }, regressionData(nearlyLinear.X, y, weights));
  assertCloseAbsolute(state.coef, nearlyLinear.olsCoef, 0.02, 'coef');
});

test('sgdRegressor reports overflow with the epoch and a remedy', async () => {
  const X = matrix([[1], [2], [3]]);
  await assert.rejects(
    fit({ kind: 'sgdRegressor', learningRate: 'constant', eta0: 1e300 }, regressionData(X, [1, 2, 3])),
    /sgdRegressor: the weights overflowed at epoch 1; standardise the inputs/,
  );
});

describe('sgdRegressor refuses bad parameters, naming them', () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [
      { loss: 'absolute_error' },
      /parameter "loss" must be one of "squared_error", "huber", "epsilon_insensitive"; received "absolute_error"/,
    ],
    [{ penalty: 'l3' }, /parameter "penalty" must be one of "l2", "l1", "elasticnet" or null; received "l3"/],
    [{ alpha: -1 }, /parameter "alpha" must be a number ≥ 0; received -1/],
    [{ l1Ratio: 1.5 }, /parameter "l1Ratio" must be a number ≥ 0 and ≤ 1; received 1.5/],
    [{ learningRate: 'optimal', alpha: 0 }, /parameter "alpha" must be > 0 when learningRate is "optimal"/],
    [{ eta0: 0 }, /parameter "eta0" must be > 0 when learningRate is "invscaling"; received 0/],
    [{ average: -1 }, /parameter "average" must be true or false or an integer ≥ 0; received -1/],
    [{ seed: 1.5 }, /parameter "seed" must be an integer/],
  ];
  for (const [spec, message] of cases) {
    test(JSON.stringify(spec), async () => {
      await assert.rejects(fit({ kind: 'sgdRegressor', ...spec }, linearData), message);
    });
  }
});
