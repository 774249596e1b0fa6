import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { RidgeState } from '../../src/learners/ridge.js';
import {
  assertCloseAbsolute,
  assertCloseRelative,
  fixture,
  type RegressionSet,
  regressionData,
} from './linear/linear-fixture.js';

async function ridgeState(spec: Record<string, unknown>, data: ReturnType<typeof regressionData>) {
  return (await fit({ kind: 'ridge', ...spec }, data)).state as RidgeState;
}

const sets: [string, RegressionSet][] = [
  ['make_regression', fixture.regression],
  ['duplicated and combined columns', fixture.rankDeficient.collinear],
  ['more columns than rows', fixture.rankDeficient.wide],
];

describe('ridge matches scikit-learn Ridge (coef and intercept, 1e-6 relative)', () => {
  for (const [setName, set] of sets) {
    for (const reference of set.ridge) {
      test(`${setName}: ${reference.name}`, async () => {
        const state = await ridgeState(
          reference.params,
          regressionData(set.X, set.y, reference.sampleWeight),
        );
        assertCloseRelative(state.coef, reference.coef, 1e-6, 'coef');
        assertCloseRelative([state.intercept], [reference.intercept], 1e-6, 'intercept');
      });
    }
  }
});

describe('ridge with alpha 0 is ordinary least squares (scikit-learn LinearRegression)', () => {
  for (const [setName, set] of sets) {
    for (const reference of set.linearRegression) {
      test(`${setName}: ${reference.name}`, async () => {
        const data = regressionData(set.X, set.y, reference.sampleWeight);
        const state = await ridgeState({ ...reference.params, alpha: 0 }, data);
        assertCloseRelative(state.coef, reference.coef, 1e-6, 'coef');
        assertCloseRelative([state.intercept], [reference.intercept], 1e-6, 'intercept');
      });
    }
  }
});

test('ridge on one centred column shrinks the slope to Σxy / (Σx² + alpha)', async () => {
  // x̄ = 2, ȳ = 3: centred x = [-2, 0, 2], y = [-2, 1, 1] → Σxy = 6, Σx² = 8.
  const state = await ridgeState({ alpha: 2 }, regressionData(matrix([[0], [2], [4]]), [1, 4, 4]));
  assertCloseAbsolute(state.coef, [6 / 10], 1e-14, 'coef');
  assertCloseAbsolute([state.intercept], [3 - 2 * 0.6], 1e-14, 'intercept');
});

test('ridge: integer sample weights equal repeating the rows', async () => {
  const X = [
    [1, 0.5],
    [2, -1],
    [3, 4],
    [4, 1],
  ];
  const y = [1, 4, 2, 8];
  const weights = [2, 1, 3, 1];
  const repeatedX = X.flatMap((row, i) => Array.from({ length: weights[i]! }, () => row));
  const repeatedY = y.flatMap((v, i) => Array.from({ length: weights[i]! }, () => v));
  const weighted = await ridgeState({ alpha: 0.7 }, regressionData(matrix(X), y, weights));
  const repeated = await ridgeState({ alpha: 0.7 }, regressionData(matrix(repeatedX), repeatedY));
  assertCloseAbsolute(weighted.coef, repeated.coef, 1e-12, 'coef');
  assertCloseAbsolute([weighted.intercept], [repeated.intercept], 1e-12, 'intercept');
});

test('ridge refuses a negative alpha, naming the parameter, the value and the range', async () => {
  await assert.rejects(
    fit({ kind: 'ridge', alpha: -1 }, regressionData(matrix([[1], [2]]), [1, 2])),
    /ridge: parameter "alpha" must be a number ≥ 0; received -1/,
  );
});
