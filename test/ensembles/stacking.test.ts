import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import { ensembleDiagnostics } from '../../src/ensembles/diagnostics.js';
import { prefittedSpec } from '../../src/ensembles/prefitted.js';
import '../../src/learners/builtins.js';
import { fit, restoreModel, toSavedModel } from '../../src/learners/fit.js';
import type { Model, RegressionData, SavedModel, Spec } from '../../src/learners/types.js';
import { evaluatePredictions } from '../../src/metrics/evaluate.js';
import { fromPlain, toPlain } from '../../src/persist/plain.js';
import { createRandom, deriveSeed } from '../../src/random.js';
import { fixture, fixtureData, maxAbsDiff } from './fixture.js';

interface StackState {
  readonly members: readonly { name: string; models: readonly SavedModel[] }[];
  readonly finalEstimator: SavedModel;
}

function outputs(model: Model, X: Parameters<Model['predict']>[0]): Float64Array {
  return model.task === 'regression' ? model.predict(X) : model.predictProba(X).data;
}

test('stacking matches scikit-learn StackingRegressor / StackingClassifier (KFold(5), passthrough, weights)', async () => {
  for (const c of fixture.stacking) {
    const { train, Xtest } = fixtureData(c.dataset, c.sampleWeight);
    const model = await fit(c.spec, train);
    const label = `${c.dataset} passthrough=${c.spec.passthrough} weighted=${Boolean(c.sampleWeight)}`;
    if (model.task === 'regression') {
      assert.ok(maxAbsDiff(model.predict(Xtest), c.predict) < 1e-6, label);
      continue;
    }
    assert.deepEqual([...model.predict(Xtest)], c.predict, label);
    assert.ok(maxAbsDiff(model.predictProba(Xtest).data, c.proba!) < 1e-4, label);
  }
});

/** y = x·β + noise: a linear member is right, a 1-nearest-neighbour member memorises the noise. */
function linearData(n: number, seed: number): RegressionData {
  const random = createRandom(seed);
  const X = new Float64Array(n * 3);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) X[i * 3 + j] = random.next() * 4;
    y[i] = 2 * X[i * 3]! - X[i * 3 + 1]! + 0.5 * X[i * 3 + 2]! + random.normal();
  }
  const features = ['a', 'b', 'c'].map((name) => ({ name, kind: 'numeric' as const }));
  return { task: 'regression', X: { rows: n, cols: 3, data: X }, features, y };
}

/** Intercept and coefficients of a fitted linear final estimator, read from its predictions. */
function coefficients(final: Model, k: number): number[] {
  assert.ok(final.task === 'regression');
  const rows = [
    new Array(k).fill(0),
    ...Array.from({ length: k }, (_, j) => Array.from({ length: k }, (_, i) => (i === j ? 1 : 0))),
  ];
  const p = final.predict(matrix(rows));
  return [p[0]!, ...Array.from({ length: k }, (_, j) => p[j + 1]! - p[0]!)];
}

test('no leakage: in-sample stacking trusts a 1-NN member, out-of-fold stacking does not', async () => {
  const train = linearData(300, 1);
  const held = linearData(300, 2);
  const members = { knn: { kind: 'knn', nNeighbors: 1 }, linear: { kind: 'linearRegression' } };
  const mse = (p: Float64Array): number => evaluatePredictions(held, p, ['mse']).mse!;

  // The naive stack: the final estimator learns from the members' predictions on their own training rows.
  const knn = await fit(members.knn, train);
  const linear = await fit(members.linear, train);
  assert.ok(knn.task === 'regression' && linear.task === 'regression');
  const meta = (X: typeof train.X) => {
    const a = knn.predict(X);
    const b = linear.predict(X);
    return {
      rows: X.rows,
      cols: 2,
      data: Float64Array.from({ length: 2 * X.rows }, (_, i) => (i % 2 ? b : a)[i >> 1]!),
    };
  };
  const features = [
    { name: 'knn', kind: 'numeric' as const },
    { name: 'linear', kind: 'numeric' as const },
  ];
  const naiveFinal = await fit({ kind: 'linearRegression' }, { ...train, X: meta(train.X), features });
  assert.ok(naiveFinal.task === 'regression');
  const [, naiveKnn, naiveLinear] = coefficients(naiveFinal, 2);
  // 1-NN reproduces every training target exactly, so in sample it explains everything.
  assert.ok(Math.abs(naiveKnn! - 1) < 1e-9 && Math.abs(naiveLinear!) < 1e-9, `${naiveKnn}, ${naiveLinear}`);

  const stack = await fit(
    { kind: 'stacking', estimators: members, finalEstimator: { kind: 'linearRegression' } },
    train,
  );
  assert.ok(stack.task === 'regression');
  const final = restoreModel((stack.state as StackState).finalEstimator);
  const [, oofKnn, oofLinear] = coefficients(final, 2);
  assert.ok(oofKnn! < 0.2, `weight on 1-NN ${oofKnn}`);
  assert.ok(oofLinear! > 0.8, `weight on linear ${oofLinear}`);

  const naiveMse = mse(naiveFinal.predict(meta(held.X)));
  const stackMse = mse(stack.predict(held.X));
  assert.ok(stackMse < 0.7 * naiveMse, `held-out MSE: stack ${stackMse}, naive ${naiveMse}`);
  assert.ok(stackMse < mse(knn.predict(held.X)));
  assert.ok(stackMse < 1.05 * mse(linear.predict(held.X)));
});

test('a two-layer stack fits, and round-trips save → load with identical predictions', async () => {
  const data = makeFriedman1({ nSamples: 150, nFeatures: 5, noise: 0.5, seed: 3 });
  const inner: Spec = {
    kind: 'stacking',
    estimators: { ridge: { kind: 'ridge' }, tree: { kind: 'decisionTree', maxDepth: 3 } },
    cv: 3,
  };
  const spec: Spec = {
    kind: 'stacking',
    estimators: { inner, knn: { kind: 'knn' } },
    finalEstimator: { kind: 'linearRegression' },
    cv: 3,
    passthrough: ['x0'],
  };
  const model = await fit(spec, data);
  const loaded = restoreModel(
    fromPlain(JSON.parse(JSON.stringify(toPlain(toSavedModel(model))))) as SavedModel,
  );
  assert.deepEqual(outputs(loaded, data.X), outputs(model, data.X));
  const final = (model.state as StackState).finalEstimator;
  assert.deepEqual(
    final.info.features.map((f) => f.name),
    ['inner', 'knn', 'x0'],
  );
  assert.ok(ensembleDiagnostics(model).ensembleScores!.r2! > 0.5);
});

test('same seed, same stack byte for byte; member seeds are derived unless the spec sets one', async () => {
  const data = makeClassification({ nSamples: 150, nFeatures: 5, nClasses: 3, nInformative: 3, seed: 4 });
  const spec: Spec = {
    kind: 'stacking',
    estimators: {
      free: { kind: 'decisionTree', maxFeatures: 'sqrt' },
      fixed: { kind: 'decisionTree', maxFeatures: 'sqrt', seed: 5 },
    },
    seed: 9,
  };
  const a = await fit(spec, data);
  const b = await fit(spec, data);
  assert.equal(JSON.stringify(toPlain(a.state)), JSON.stringify(toPlain(b.state)));
  const members = (a.state as StackState).members;
  assert.equal(members[0]!.models[0]!.spec.seed, deriveSeed(9, 'free', 'all'));
  assert.equal(members[1]!.models[0]!.spec.seed, 5);
  const other = await fit({ ...spec, seed: 10 }, data);
  assert.notEqual(JSON.stringify(toPlain(other.state)), JSON.stringify(toPlain(a.state)));
});

test('integer sample weights act as duplicated rows (deterministic members, matching folds)', async () => {
  // 50 rows in 5 unshuffled folds of 10; each fold's weights sum to 20, so the 100 duplicated rows
  // fall into 5 folds of 20 that hold exactly the copies of the same rows.
  const base = linearData(50, 7);
  const pattern = [1, 2, 3, 1, 2, 3, 1, 2, 3, 2];
  const weights = Float64Array.from({ length: 50 }, (_, i) => pattern[i % 10]!);
  const rows = Array.from(weights.entries()).flatMap(([i, w]) => new Array<number>(w).fill(i));
  const duplicated: RegressionData = {
    ...base,
    X: {
      rows: rows.length,
      cols: 3,
      data: Float64Array.from(rows.flatMap((i) => [...base.X.data.subarray(i * 3, i * 3 + 3)])),
    },
    y: Float64Array.from(rows, (i) => base.y[i]!),
  };
  const spec: Spec = {
    kind: 'stacking',
    estimators: { ridge: { kind: 'ridge', alpha: 5 }, tree: { kind: 'decisionTree', maxDepth: 3 } },
    finalEstimator: { kind: 'ridge', alpha: 2 },
    cv: { kind: 'kFold', nSplits: 5 },
  };
  const weighted = await fit(spec, { ...base, sampleWeight: weights });
  const copies = await fit(spec, duplicated);
  const unweighted = await fit(spec, base);
  assert.ok(maxAbsDiff(outputs(weighted, base.X), outputs(copies, base.X)) < 1e-9);
  assert.ok(maxAbsDiff(outputs(weighted, base.X), outputs(unweighted, base.X)) > 1e-3);
  const [dw, dc] = [ensembleDiagnostics(weighted), ensembleDiagnostics(copies)];
  assert.ok(Math.abs(dw.memberScores.ridge!.r2! - dc.memberScores.ridge!.r2!) < 1e-9);
  assert.ok(Math.abs(dw.ensembleScores!.mse! - dc.ensembleScores!.mse!) < 1e-9);
});

test('a prefitted member is used as it is: never refitted, its predictions fed as they are', async () => {
  const data = makeFriedman1({ nSamples: 120, nFeatures: 5, noise: 0.5, seed: 8 });
  const elsewhere = makeFriedman1({ nSamples: 120, nFeatures: 5, noise: 0.5, seed: 9 });
  const old = await fit({ kind: 'ridge', alpha: 3 }, elsewhere);
  const model = await fit(
    { kind: 'stacking', estimators: { old: prefittedSpec(old), knn: { kind: 'knn' } }, cv: 4 },
    data,
  );
  const member = (model.state as StackState).members[0]!;
  assert.equal(member.models.length, 1);
  assert.deepEqual(outputs(restoreModel(member.models[0]!), data.X), outputs(old, data.X));
  // Its "out-of-fold" score is the score of its predictions on all the training rows.
  const expected = evaluatePredictions(data, outputs(old, data.X), ['r2']).r2!;
  assert.ok(Math.abs(ensembleDiagnostics(model).memberScores.old!.r2! - expected) < 1e-12);
});

test('refit "foldAverage" keeps each member\'s fold models and averages them', async () => {
  const data = makeFriedman1({ nSamples: 100, nFeatures: 5, noise: 0.5, seed: 5 });
  const spec: Spec = {
    kind: 'stacking',
    estimators: { ridge: { kind: 'ridge' }, knn: { kind: 'knn' } },
    cv: 4,
  };
  const averaged = await fit({ ...spec, refit: 'foldAverage' }, data);
  const full = await fit(spec, data);
  const state = averaged.state as StackState;
  assert.deepEqual(
    state.members.map((m) => m.models.length),
    [4, 4],
  );
  assert.equal((full.state as StackState).members[0]!.models.length, 1);
  // Same meta data, so the same final estimator; only the members differ.
  assert.deepEqual(state.finalEstimator.state, (full.state as StackState).finalEstimator.state);
  const ridgeFolds = state.members[0]!.models.map((m) => outputs(restoreModel(m), data.X));
  const mean = ridgeFolds[0]!.map((_, i) => ridgeFolds.reduce((a, o) => a + o[i]!, 0) / 4);
  const final = restoreModel(state.finalEstimator);
  const knnFolds = state.members[1]!.models.map((m) => outputs(restoreModel(m), data.X));
  const knnMean = knnFolds[0]!.map((_, i) => knnFolds.reduce((a, o) => a + o[i]!, 0) / 4);
  const meta = {
    rows: 100,
    cols: 2,
    data: Float64Array.from({ length: 200 }, (_, i) => (i % 2 ? knnMean : mean)[i >> 1]!),
  };
  assert.ok(maxAbsDiff(outputs(averaged, data.X), outputs(final, meta)) < 1e-12);
});

test('stackMethod: probabilities without the first column when binary, all columns for multiclass, or class codes', async () => {
  const binary = makeClassification({ nSamples: 100, nFeatures: 5, nClasses: 2, seed: 1 });
  const multi = makeClassification({ nSamples: 120, nFeatures: 5, nInformative: 3, nClasses: 3, seed: 1 });
  const estimators = { lr: { kind: 'logisticRegression' }, knn: { kind: 'knn' } };
  const names = async (data: typeof binary, extra: Record<string, unknown> = {}) =>
    (
      (await fit({ kind: 'stacking', estimators, cv: 3, ...extra }, data)).state as StackState
    ).finalEstimator.info.features.map((f) => f.name);
  const second = binary.classes[1];
  assert.deepEqual(await names(binary), [`lr:${second}`, `knn:${second}`]);
  const [c0, c1, c2] = multi.classes;
  assert.deepEqual(await names(multi), [
    `lr:${c0}`,
    `lr:${c1}`,
    `lr:${c2}`,
    `knn:${c0}`,
    `knn:${c1}`,
    `knn:${c2}`,
  ]);
  assert.deepEqual(await names(binary, { stackMethod: 'predict' }), ['lr', 'knn']);
});

test('blending-style holdout cv: the final estimator learns from the held-out rows only', async () => {
  const data = makeFriedman1({ nSamples: 100, nFeatures: 5, noise: 0.5, seed: 2 });
  const model = await fit(
    { kind: 'stacking', estimators: { ridge: { kind: 'ridge' } }, cv: { kind: 'holdout', testSize: 0.3 } },
    data,
  );
  const state = model.state as StackState;
  assert.equal(ensembleDiagnostics(model).source, 'holdout');
  assert.equal(state.finalEstimator.info.features.length, 1);
  assert.ok(ensembleDiagnostics(model).ensembleScores !== null);
});

test('stacking refuses bad specs, naming the parameter', async () => {
  const reg = makeFriedman1({ nSamples: 60, nFeatures: 5, seed: 1 });
  const cls = makeClassification({ nSamples: 60, nFeatures: 5, nClasses: 2, seed: 1 });
  const estimators = { knn: { kind: 'knn' } };
  await assert.rejects(
    fit({ kind: 'stacking', estimators, finalEstimator: { kind: 'ridge' } }, cls),
    /stacking: parameter "finalEstimator": "ridge" does not do classification/,
  );
  await assert.rejects(
    fit({ kind: 'stacking', estimators, stackMethod: 'predictProba' }, reg),
    /"stackMethod" is "predictProba", which needs classification/,
  );
  await assert.rejects(
    fit({ kind: 'stacking', estimators, passthrough: ['nope'] }, reg),
    /"passthrough" names the column "nope", which the data do not have; columns: x0, x1, x2, x3, x4/,
  );
  await assert.rejects(
    fit({ kind: 'stacking', estimators, cv: { kind: 'repeatedKFold', nSplits: 3, nRepeats: 2 } }, reg),
    /stacking: parameter "cv": row \d+ is in more than one test set/,
  );
  await assert.rejects(
    fit({ kind: 'stacking', estimators, cv: 1 }, reg),
    /parameter "cv" must be an integer ≥ 2 or an object/,
  );
  await assert.rejects(
    fit({ kind: 'stacking', estimators: { m: { kind: 'mystery' } } }, reg),
    /stacking: member "m": unknown learner kind "mystery"/,
  );
  const ridge = await fit({ kind: 'ridge' }, reg);
  await assert.rejects(
    fit({ kind: 'stacking', estimators, finalEstimator: prefittedSpec(ridge) }, reg),
    /"finalEstimator" cannot be prefitted/,
  );
  await assert.rejects(
    fit({ kind: 'stacking', estimators: { old: prefittedSpec(ridge) } }, cls),
    /member "old": prefitted: the model \(ridge\) does regression but the data are binary/,
  );
});
