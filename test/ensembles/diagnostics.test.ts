import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensembleDiagnostics, outputDiagnostics } from '../../src/ensembles/diagnostics.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { ClassificationData, RegressionData } from '../../src/learners/types.js';
import { taskMetrics } from '../../src/metrics/evaluate.js';

const X = { rows: 3, cols: 0, data: new Float64Array(0) };
const y = Float64Array.of(1, 2, 3);
const regression: RegressionData = { task: 'regression', X, features: [], y };

/** Outputs whose errors y − ŷ are `errors`. */
const withErrors = (errors: number[]): Float64Array => Float64Array.from(y, (v, i) => v - errors[i]!);

test("errorCorrelation is the weighted Pearson correlation of the members' errors", () => {
  const d = outputDiagnostics(
    { ...regression, sampleWeight: Float64Array.of(1, 1, 2) },
    ['a', 'b', 'c'],
    [withErrors([1, 0, 0]), withErrors([0, 1, 0]), withErrors([3, 1, 1])],
    null,
    'outOfFold',
    'none',
  );
  // Weights (1, 1, 2): both means 1/4, covariance −1/4, variances 3/4: r = −1/3. c's errors are
  // 2·a's + 1: r = 1 with a, −1/3 with b.
  assert.ok(Math.abs(d.errorCorrelation[0]![1]! + 1 / 3) < 1e-12);
  assert.ok(Math.abs(d.errorCorrelation[0]![2]! - 1) < 1e-12);
  assert.ok(Math.abs(d.errorCorrelation[1]![2]! + 1 / 3) < 1e-12);
  assert.equal(d.errorCorrelation[2]![2], 1);
  assert.equal(d.ensembleScores, null);
  assert.equal(d.gain, null);
});

test('classification errors are 1 − the probability of the true class; a constant error has no correlation', () => {
  const data: ClassificationData = {
    task: 'binary',
    X,
    features: [],
    y: Int32Array.of(0, 1, 1),
    classes: ['n', 'y'],
  };
  const sure = Float64Array.of(1, 0, 0, 1, 0, 1);
  const unsure = Float64Array.of(0.6, 0.4, 0.5, 0.5, 0.2, 0.8);
  const d = outputDiagnostics(data, ['sure', 'unsure'], [sure, unsure], unsure, 'holdout', 'as unsure');
  assert.ok(Number.isNaN(d.errorCorrelation[0]![1]!));
  assert.equal(d.memberScores.sure!.accuracy, 1);
  assert.equal(d.bestMember, 'sure');
  // Accuracy 2/3 for the ensemble against 1 for the best member.
  assert.ok(Math.abs(d.gain! - (2 / 3 - 1)) < 1e-12);
});

test('gain is signed so that positive is better, for a metric where lower is better', () => {
  const mse = taskMetrics('regression').find((m) => m.name === 'mse')!;
  const d = outputDiagnostics(
    regression,
    ['a', 'b'],
    [withErrors([1, -1, 1]), withErrors([2, 2, -2])],
    withErrors([0.5, 0, 0.5]),
    'outOfFold',
    'given',
    mse,
  );
  assert.equal(d.metric, 'mse');
  assert.equal(d.bestMember, 'a');
  // Best member MSE 1, ensemble 1/6: gain 5/6.
  assert.ok(Math.abs(d.gain! - 5 / 6) < 1e-12);
});

test('rows a member did not predict (NaN) are left out of its scores and correlations', () => {
  const a = Float64Array.of(Number.NaN, 2, 3);
  const d = outputDiagnostics(regression, ['a'], [a], null, 'holdout', 'none');
  assert.equal(d.memberScores.a!.mse, 0);
});

test('ensembleDiagnostics refuses a model that is not an ensemble', async () => {
  const model = await fit(
    { kind: 'dummy' },
    {
      ...regression,
      X: { rows: 3, cols: 1, data: Float64Array.of(1, 2, 3) },
      features: [{ name: 'x', kind: 'numeric' }],
    },
  );
  assert.throws(() => ensembleDiagnostics(model), /ensembleDiagnostics: a dummy model is not an ensemble/);
});
