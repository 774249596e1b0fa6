import { describe, test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import {
  binaryLogisticObjective,
  type LogisticProblem,
  multinomialLogisticObjective,
} from '../../../src/learners/linear/logistic-loss.js';
import type { Objective } from '../../../src/learners/linear/wolfe-line-search.js';
import { assertCloseAbsolute } from './linear-fixture.js';

const problem: LogisticProblem = {
  X: matrix([
    [0.5, -1],
    [2, 0.3],
    [-1, 1.5],
    [0.1, 0.2],
    [1, -2],
  ]),
  weights: Float64Array.of(1, 2, 0.5, 1, 3),
  totalWeight: 7.5,
  C: 0.7,
  fitIntercept: true,
};

/** Central differences, step 1e-6: an independent check of the analytic gradient. */
function assertGradient(objective: Objective, w: Float64Array): void {
  const grad = new Float64Array(w.length);
  objective(w, grad);
  const numeric = new Float64Array(w.length);
  const scratch = new Float64Array(w.length);
  for (let j = 0; j < w.length; j++) {
    const plus = w.slice();
    const minus = w.slice();
    plus[j]! += 1e-6;
    minus[j]! -= 1e-6;
    numeric[j] = (objective(plus, scratch) - objective(minus, scratch)) / 2e-6;
  }
  assertCloseAbsolute(grad, numeric, 1e-8, 'gradient');
}

describe('logistic objectives', () => {
  test('binary: the value at w = 0 is log 2 (every probability is ½)', () => {
    const f = binaryLogisticObjective(problem, Uint8Array.of(1, 0, 1, 1, 0));
    assertCloseAbsolute([f(new Float64Array(3), new Float64Array(3))], [Math.LN2], 1e-15, 'f');
  });

  test('binary: the value is the weighted mean log-loss plus ‖w‖² / (2·C·S), intercept unpenalised', () => {
    const positive = Uint8Array.of(1, 0, 1, 1, 0);
    const w = Float64Array.of(0.3, -0.2, 0.1);
    let loss = 0;
    for (let i = 0; i < 5; i++) {
      const z = 0.3 * problem.X.data[2 * i]! - 0.2 * problem.X.data[2 * i + 1]! + 0.1;
      const p = 1 / (1 + Math.exp(-z));
      loss -= problem.weights[i]! * (positive[i] ? Math.log(p) : Math.log(1 - p));
    }
    const expected = loss / 7.5 + (0.3 ** 2 + 0.2 ** 2) / (2 * 0.7 * 7.5);
    assertCloseAbsolute(
      [binaryLogisticObjective(problem, positive)(w, new Float64Array(3))],
      [expected],
      1e-14,
      'f',
    );
  });

  test('binary: the gradient matches finite differences', () => {
    assertGradient(
      binaryLogisticObjective(problem, Uint8Array.of(1, 0, 1, 1, 0)),
      Float64Array.of(0.4, -1.3, 0.2),
    );
  });

  test('multinomial: the value at w = 0 is log k', () => {
    const f = multinomialLogisticObjective(problem, Int32Array.of(0, 1, 2, 1, 0), 3);
    assertCloseAbsolute([f(new Float64Array(9), new Float64Array(9))], [Math.log(3)], 1e-15, 'f');
  });

  test('multinomial: the gradient matches finite differences, with and without intercepts', () => {
    const y = Int32Array.of(0, 1, 2, 1, 0);
    assertGradient(
      multinomialLogisticObjective(problem, y, 3),
      Float64Array.of(0.1, -0.5, 0.3, 0.7, 0.2, -0.1, 0.4, 0.9, -0.6),
    );
    const noIntercept = { ...problem, fitIntercept: false };
    assertGradient(
      multinomialLogisticObjective(noIntercept, y, 3),
      Float64Array.of(0.1, -0.5, 0.7, 0.2, 0.4, 0.9),
    );
  });

  test('multinomial: huge scores neither overflow nor give NaN', () => {
    const f = multinomialLogisticObjective(problem, Int32Array.of(0, 1, 2, 1, 0), 3);
    const w = Float64Array.of(900, 0, 0, -900, 0, 0, 0, 0, 0);
    const value = f(w, new Float64Array(9));
    assertCloseAbsolute([Number.isFinite(value) ? 1 : 0], [1], 0, 'finite');
  });
});
