import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { ClassificationData, RegressionData } from '../../src/learners/types.js';
import {
  evaluateModel,
  evaluatePredictions,
  mainMetric,
  resolveMetricNames,
  taskMetrics,
} from '../../src/metrics/evaluate.js';
import { assertClose, type ClassificationCase, fixture, weights } from './fixture.js';

const features = [{ name: 'x', kind: 'numeric' as const }];

function classificationData(c: ClassificationCase): ClassificationData {
  const n = c.yTrue.length;
  return {
    task: c.nClasses === 2 ? 'binary' : 'multiclass',
    X: matrix(n, 1),
    features,
    y: Int32Array.from(c.yTrue),
    classes: Array.from({ length: c.nClasses }, (_, i) => `c${i}`),
    sampleWeight: weights(c.sampleWeight),
  };
}

test('taskMetrics lists the metrics of each task, the main one first', () => {
  assert.deepEqual(
    taskMetrics('regression').map((m) => m.name),
    ['r2', 'mse', 'rmse', 'mae', 'mape'],
  );
  assert.deepEqual(
    taskMetrics('multiclass').map((m) => m.name),
    ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'logLoss', 'rocAuc'],
  );
  assert.deepEqual(mainMetric('regression'), { name: 'r2', label: 'R²', greaterIsBetter: true });
  assert.equal(mainMetric('binary').name, 'accuracy');
  assert.equal(taskMetrics('regression').find((m) => m.name === 'mse')?.greaterIsBetter, false);
  assert.equal(taskMetrics('binary').find((m) => m.name === 'logLoss')?.greaterIsBetter, false);
});

test('evaluatePredictions scores regression predictions (weighted) as scikit-learn does', () => {
  for (const c of fixture.regression) {
    const n = c.yTrue.length;
    const data: RegressionData = {
      task: 'regression',
      X: matrix(n, 1),
      features,
      y: Float64Array.from(c.yTrue),
      sampleWeight: weights(c.sampleWeight),
    };
    const scores = evaluatePredictions(data, Float64Array.from(c.yPred));
    assert.deepEqual(Object.keys(scores), ['r2', 'mse', 'rmse', 'mae', 'mape']);
    for (const name of ['r2', 'mse', 'rmse', 'mae', 'mape'] as const) {
      assertClose(scores[name]!, c[name], `${c.name} ${name}`);
    }
  }
});

test('evaluatePredictions scores probabilities: argmax classes, binary F1 / macro F1, logLoss, rocAuc', () => {
  for (const c of fixture.classification) {
    if (!c.proba) continue;
    const data = classificationData(c);
    const proba = matrix(c.yTrue.length, c.nClasses, Float64Array.from(c.proba));
    const scores = evaluatePredictions(data, proba);
    const binary = c.nClasses === 2;
    assertClose(scores.accuracy!, c.accuracy, `${c.name} accuracy`);
    assertClose(scores.balancedAccuracy!, c.balancedAccuracy, `${c.name} balancedAccuracy`);
    assertClose(scores.f1!, binary ? c.f1.binary! : c.f1.macro, `${c.name} f1`);
    assertClose(scores.precision!, binary ? c.precision.binary! : c.precision.macro, `${c.name} precision`);
    assertClose(scores.recall!, binary ? c.recall.binary! : c.recall.macro, `${c.name} recall`);
    assertClose(scores.logLoss!, c.logLoss!, `${c.name} logLoss`);
    const auc = typeof c.rocAuc === 'number' ? c.rocAuc : c.rocAuc!.macro;
    assertClose(scores.rocAuc!, auc, `${c.name} rocAuc`);
  }
});

test('evaluatePredictions returns the named metrics in the order asked', () => {
  const c = fixture.classification[0]!;
  const proba = matrix(c.yTrue.length, 2, Float64Array.from(c.proba!));
  const scores = evaluatePredictions(classificationData(c), proba, ['logLoss', 'accuracy']);
  assert.deepEqual(Object.keys(scores), ['logLoss', 'accuracy']);
});

test('rocAuc is NaN, not an error, when a class does not occur in the rows scored', () => {
  const data: ClassificationData = {
    task: 'binary',
    X: matrix(2, 1),
    features,
    y: Int32Array.of(1, 1),
    classes: ['a', 'b'],
  };
  const scores = evaluatePredictions(
    data,
    matrix([
      [0.4, 0.6],
      [0.7, 0.3],
    ]),
    ['accuracy', 'rocAuc'],
  );
  assert.equal(scores.accuracy, 0.5);
  assert.ok(Number.isNaN(scores.rocAuc!));
});

test('unknown metric names are refused with the known ones listed', () => {
  assert.throws(
    () => resolveMetricNames('binary', ['accuracy', 'r2']),
    /evaluate: unknown metric "r2" for a binary task; known metrics: accuracy, balancedAccuracy, precision, recall, f1, logLoss, rocAuc/,
  );
  assert.deepEqual(resolveMetricNames('regression'), ['r2', 'mse', 'rmse', 'mae', 'mape']);
});

test('evaluatePredictions refuses predictions of the wrong shape', () => {
  const c = fixture.classification[0]!;
  const data = classificationData(c);
  assert.throws(
    () => evaluatePredictions(data, new Float64Array(c.yTrue.length)),
    /classification needs a probability matrix of 60 rows × 2 classes; received 60 values/,
  );
  const regression: RegressionData = {
    task: 'regression',
    X: matrix(2, 1),
    features,
    y: Float64Array.of(1, 2),
  };
  assert.throws(
    () => evaluatePredictions(regression, Float64Array.of(1)),
    /regression needs one predicted value per row \(a Float64Array of 2\); received 1 values/,
  );
});

test('evaluateModel scores a fitted model and refuses data of another task or classes', async () => {
  const X = matrix([[0], [1], [2], [3]]);
  const data: ClassificationData = {
    task: 'binary',
    X,
    features,
    y: Int32Array.of(0, 1, 1, 1),
    classes: ['no', 'yes'],
  };
  const model = await fit({ kind: 'dummy', strategy: 'prior' }, data);
  const scores = evaluateModel(model, data, ['accuracy', 'logLoss']);
  assert.equal(scores.accuracy, 0.75);
  assertClose(scores.logLoss!, -(Math.log(0.25) + 3 * Math.log(0.75)) / 4, 'prior log loss');
  assert.throws(
    () => evaluateModel(model, { ...data, classes: ['yes', 'no'] }),
    /evaluateModel: the model's classes \[no, yes\] differ from the data's \[yes, no\]/,
  );
  const regression: RegressionData = { task: 'regression', X, features, y: Float64Array.of(1, 2, 3, 4) };
  assert.throws(
    () => evaluateModel(model, regression),
    /the model is a classifier but the data are regression/,
  );
});
