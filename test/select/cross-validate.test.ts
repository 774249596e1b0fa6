import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { types } from '../../src/learners/params.js';
import { registerLearner } from '../../src/learners/registry.js';
import type { ClassificationData, LearnerDef, RegressionData } from '../../src/learners/types.js';
import { crossValidate, crossValPredict } from '../../src/select/cross-validate.js';

const features = [{ name: 'x', kind: 'numeric' as const }];

/** Rows x = 0 … n-1 (so a row's x is its index) with target y. */
function regression(y: readonly number[], sampleWeight?: readonly number[]): RegressionData {
  return {
    task: 'regression',
    X: matrix(y.map((_, i) => [i])),
    features,
    y: Float64Array.from(y),
    sampleWeight: sampleWeight ? Float64Array.from(sampleWeight) : undefined,
  };
}

// Test learners: 1-nearest-neighbour on the single column, and one that records the rows it is fitted on.
const nearest: LearnerDef<Record<string, never>, { x: Float64Array; y: Float64Array }> = {
  kind: 'testNearest',
  summary: 'test only: the target of the nearest training row',
  tasks: ['regression'],
  params: {},
  fit: (_, data) => ({ x: Float64Array.from(data.X.data), y: Float64Array.from(data.y) }),
  predictor:
    ({ x, y }) =>
    (X) =>
      X.data.map((value) => {
        let best = 0;
        for (let j = 1; j < x.length; j++) if (Math.abs(x[j]! - value) < Math.abs(x[best]! - value)) best = j;
        return y[best]!;
      }),
};
const fitted: number[][] = [];
const recorder: LearnerDef<{ tag: number }, { value: number }> = {
  kind: 'testRecorder',
  summary: 'test only: records its training rows, predicts 0',
  tasks: ['regression', 'classification'],
  params: { tag: { type: types.int(), default: 0, doc: 'ignored' } },
  fit: (_, data) => {
    fitted.push([...data.X.data]);
    return { value: 0 };
  },
  predictor: (_, info) => (X) => {
    const k = info.classes?.length ?? 1;
    return new Float64Array(X.rows * k).fill(1 / k);
  },
};
registerLearner(nearest);
registerLearner(recorder);

const y10 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

test('crossValidate scores each fold of the mean baseline as the closed form says', async () => {
  // Unshuffled 5-fold: fold f tests rows 2f and 2f+1 and trains on the other eight (mean (45 − 4f − 1) / 8).
  const result = await crossValidate({ kind: 'dummy' }, regression(y10), {
    cv: { kind: 'kFold', nSplits: 5 },
    metrics: ['mae', 'mse'],
  });
  const expectedMae = [0, 1, 2, 3, 4].map((f) => {
    const mean = (45 - 4 * f - 1) / 8;
    return (Math.abs(mean - 2 * f) + Math.abs(mean - 2 * f - 1)) / 2;
  });
  assert.deepEqual(result.metrics, ['mae', 'mse']);
  assert.equal(result.folds.length, 5);
  result.folds.forEach((fold, f) => {
    assert.ok(Math.abs(fold.scores.mae! - expectedMae[f]!) < 1e-12);
    assert.deepEqual(Object.keys(fold.scores), ['mae', 'mse']);
    assert.equal(fold.trainRows, 8);
    assert.equal(fold.testRows, 2);
    assert.ok(fold.fitTimeMs >= 0 && fold.scoreTimeMs >= 0);
  });
  const mean = expectedMae.reduce((a, b) => a + b) / 5;
  const std = Math.sqrt(expectedMae.reduce((a, b) => a + (b - mean) ** 2, 0) / 5);
  assert.ok(Math.abs(result.mean.mae! - mean) < 1e-12);
  assert.ok(Math.abs(result.std.mae! - std) < 1e-12);
});

test('crossValidate subsets sample weights into both the fit and the scores', async () => {
  const w = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2];
  const result = await crossValidate({ kind: 'dummy' }, regression(y10, w), {
    cv: { kind: 'kFold', nSplits: 5 },
    metrics: ['mae'],
  });
  result.folds.forEach((fold, f) => {
    const train = y10.filter((_, i) => i !== 2 * f && i !== 2 * f + 1);
    const trainW = w.filter((_, i) => i !== 2 * f && i !== 2 * f + 1);
    const mean = train.reduce((a, y, i) => a + trainW[i]! * y, 0) / trainW.reduce((a, b) => a + b);
    const mae = (1 * Math.abs(mean - 2 * f) + 2 * Math.abs(mean - 2 * f - 1)) / 3;
    assert.ok(Math.abs(fold.scores.mae! - mae) < 1e-12, `fold ${f}`);
  });
});

test('crossValidate uses every metric of the task by default, stratified folds for classes', async () => {
  const data: ClassificationData = {
    task: 'binary',
    X: matrix(12, 1),
    features,
    y: Int32Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1),
    classes: ['no', 'yes'],
  };
  const progress: number[][] = [];
  const result = await crossValidate({ kind: 'dummy', strategy: 'most_frequent' }, data, {
    cv: 3,
    onProgress: (done, total) => progress.push([done, total]),
  });
  assert.deepEqual(result.metrics, [
    'accuracy',
    'balancedAccuracy',
    'precision',
    'recall',
    'f1',
    'logLoss',
    'rocAuc',
  ]);
  assert.deepEqual(progress, [
    [1, 3],
    [2, 3],
    [3, 3],
  ]);
  // Stratified: each test fold holds 3 "no" and 1 "yes", and the baseline always says "no".
  for (const fold of result.folds) {
    assert.equal(fold.scores.accuracy, 0.75);
    assert.equal(fold.scores.balancedAccuracy, 0.5);
    assert.equal(fold.scores.f1, 0);
    assert.equal(fold.scores.rocAuc, 0.5);
  }
  assert.equal(result.mean.accuracy, 0.75);
  assert.equal(result.std.accuracy, 0);
});

test('the same cv and seed give every learner the same folds', async () => {
  fitted.length = 0;
  await crossValidate({ kind: 'testRecorder', tag: 1 }, regression(y10), { cv: 5, seed: 4, metrics: ['r2'] });
  const first = fitted.splice(0);
  await crossValidate({ kind: 'testRecorder', tag: 2 }, regression(y10), { cv: 5, seed: 4, metrics: ['r2'] });
  const second = fitted.splice(0);
  assert.equal(first.length, 5);
  assert.deepEqual(first, second);
  await crossValidate({ kind: 'testRecorder' }, regression(y10), { cv: 5, seed: 5, metrics: ['r2'] });
  assert.notDeepEqual(fitted.splice(0), first);
});

test('crossValPredict predicts every row once, from a model that never saw it, in row order', async () => {
  const y = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
  const out = await crossValPredict({ kind: 'testNearest' }, regression(y), {
    cv: { kind: 'kFold', nSplits: 5 },
  });
  // Fold f holds rows 2f and 2f+1 out: their nearest training rows are 2f−1 and 2f+2 (at the ends, 2 and 7).
  assert.deepEqual([...out], [12, 12, 11, 14, 13, 16, 15, 18, 17, 17]);
});

test('crossValPredict gives out-of-fold class probabilities as a rows × classes matrix', async () => {
  const data: ClassificationData = {
    task: 'multiclass',
    X: matrix(9, 1),
    features,
    y: Int32Array.of(0, 1, 2, 0, 1, 2, 0, 0, 0),
    classes: ['a', 'b', 'c'],
  };
  const out = await crossValPredict({ kind: 'dummy' }, data, { cv: { kind: 'kFold', nSplits: 3 } });
  assert.equal(out.rows, 9);
  assert.equal(out.cols, 3);
  // Fold 0 (rows 0-2) trains on rows 3-8: priors 4/6, 1/6, 1/6; fold 2 (rows 6-8) on rows 0-5: 1/3 each.
  assert.deepEqual([...out.data.subarray(0, 3)], [4 / 6, 1 / 6, 1 / 6]);
  assert.deepEqual([...out.data.subarray(24, 27)], [2 / 6, 2 / 6, 2 / 6]);
});

test('crossValPredict refuses splitters whose test sets do not partition the rows', async () => {
  await assert.rejects(
    crossValPredict({ kind: 'dummy' }, regression(y10), {
      cv: { kind: 'repeatedKFold', nSplits: 2, nRepeats: 2 },
    }),
    /crossValPredict: the folds' test sets must hold every row exactly once, but row 0 is in 2; use kFold/,
  );
});

test('crossValidate refuses an unknown metric before fitting anything', async () => {
  fitted.length = 0;
  await assert.rejects(
    crossValidate({ kind: 'testRecorder' }, regression(y10), { metrics: ['r2', 'auc'] }),
    /unknown metric "auc" for a regression task; known metrics: r2, mse, rmse, mae, mape/,
  );
  assert.equal(fitted.length, 0);
});
