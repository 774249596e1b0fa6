import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { LinearRegressionState } from '../../src/learners/linear-regression.js';
import type { Regressor } from '../../src/learners/types.js';
import {
  assertCloseAbsolute,
  assertCloseRelative,
  fixture,
  type RegressionSet,
  regressionData,
} from './linear/linear-fixture.js';

async function fitOls(spec: Record<string, unknown>, data: ReturnType<typeof regressionData>) {
  const model = (await fit({ kind: 'linearRegression', ...spec }, data)) as Regressor;
  return { model, state: model.state as LinearRegressionState };
}

const sets: [string, RegressionSet][] = [
  ['make_regression', fixture.regression],
  ['duplicated and combined columns', fixture.rankDeficient.collinear],
  ['more columns than rows', fixture.rankDeficient.wide],
];

describe('linearRegression matches scikit-learn LinearRegression (coef and intercept, 1e-6 relative)', () => {
  for (const [setName, set] of sets) {
    for (const reference of set.linearRegression) {
      test(`${setName}: ${reference.name}`, async () => {
        const data = regressionData(set.X, set.y, reference.sampleWeight);
        const { state } = await fitOls(reference.params, data);
        assertCloseRelative(state.coef, reference.coef, 1e-6, 'coef');
        assertCloseRelative([state.intercept], [reference.intercept], 1e-6, 'intercept');
      });
    }
  }
});

test('linearRegression recovers the coefficients of an exactly linear target', async () => {
  const rows: number[][] = [];
  const y: number[] = [];
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 3; b++) {
      rows.push([a, b * b, a * b]);
      y.push(3 + 2 * a - 0.5 * b * b + 0.25 * a * b);
    }
  }
  const { model, state } = await fitOls({}, regressionData(matrix(rows), y));
  assertCloseAbsolute(state.coef, [2, -0.5, 0.25], 1e-12, 'coef');
  assertCloseAbsolute([state.intercept], [3], 1e-12, 'intercept');
  assert.equal(state.rank, 3);
  assertCloseAbsolute(
    model.predict(matrix([[10, 1, -2]])),
    [3 + 2 * 10 - 0.5 * 1 + 0.25 * -2],
    1e-11,
    'prediction',
  );
});

test('linearRegression splits the weight of a duplicated column equally (the minimum-norm solution)', async () => {
  const x = [0, 1, 2, 3, 4];
  const { state } = await fitOls(
    {},
    regressionData(
      matrix(x.map((v) => [v, v])),
      x.map((v) => 1 + 2 * v),
    ),
  );
  assertCloseAbsolute(state.coef, [1, 1], 1e-12, 'coef');
  assertCloseAbsolute([state.intercept], [1], 1e-12, 'intercept');
  assert.equal(state.rank, 1);
});

test('linearRegression: integer sample weights equal repeating the rows', async () => {
  const X = [
    [1, 0.5],
    [2, -1],
    [3, 4],
    [4, 1],
    [5, 2.5],
  ];
  const y = [1, 4, 2, 8, 5];
  const weights = [1, 3, 1, 2, 1];
  const repeatedX: number[][] = [];
  const repeatedY: number[] = [];
  X.forEach((row, i) => {
    for (let r = 0; r < weights[i]!; r++) {
      repeatedX.push(row);
      repeatedY.push(y[i]!);
    }
  });
  const weighted = await fitOls({}, regressionData(matrix(X), y, weights));
  const repeated = await fitOls({}, regressionData(matrix(repeatedX), repeatedY));
  assertCloseAbsolute(weighted.state.coef, repeated.state.coef, 1e-12, 'coef');
  assertCloseAbsolute([weighted.state.intercept], [repeated.state.intercept], 1e-12, 'intercept');
});

test('linearRegression without an intercept fits through the origin', async () => {
  const { state } = await fitOls({ fitIntercept: false }, regressionData(matrix([[1], [2], [3]]), [2, 4, 7]));
  // Σxy / Σx² = (2 + 8 + 21) / 14
  assertCloseAbsolute(state.coef, [31 / 14], 1e-14, 'coef');
  assert.equal(state.intercept, 0);
});

test('linearRegression refuses all-zero sample weights, naming them', async () => {
  await assert.rejects(
    fit({ kind: 'linearRegression' }, regressionData(matrix([[1], [2]]), [1, 2], [0, 0])),
    /linearRegression: every sampleWeight is 0; at least one row must count/,
  );
});

test('linearRegression refuses a non-boolean fitIntercept, naming the parameter', async () => {
  await assert.rejects(
    fit({ kind: 'linearRegression', fitIntercept: 'yes' }, regressionData(matrix([[1], [2]]), [1, 2])),
    /linearRegression: parameter "fitIntercept" must be true or false; received "yes"/,
  );
});
