import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import { ensembleDiagnostics } from '../../src/ensembles/diagnostics.js';
import '../../src/learners/builtins.js';
import { fit, restoreModel, toSavedModel } from '../../src/learners/fit.js';
import type { RegressionData, Spec } from '../../src/learners/types.js';
import { fromPlain, toPlain } from '../../src/persist/plain.js';
import { fixture, fixtureData, maxAbsDiff } from './fixture.js';

const X = matrix([[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]]);
const features = [{ name: 'x', kind: 'numeric' as const }];
const constants: RegressionData = {
  task: 'regression',
  X,
  features,
  y: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100),
};

test('voting of two constant learners is the weighted mean of the constants', async () => {
  // mean = 14.5, median = 5.5: equal weights give 10, weights (1, 3) give (14.5 + 3 · 5.5) / 4 = 7.75.
  const estimators = { mean: { kind: 'dummy' }, median: { kind: 'dummy', strategy: 'median' } };
  const equal = await fit({ kind: 'voting', estimators }, constants);
  assert.ok(equal.task === 'regression');
  assert.ok(maxAbsDiff(equal.predict(X), new Array(10).fill(10)) < 1e-12);
  const weighted = await fit({ kind: 'voting', estimators, weights: { mean: 1, median: 3 } }, constants);
  assert.ok(weighted.task === 'regression');
  assert.ok(maxAbsDiff(weighted.predict(X), new Array(10).fill(7.75)) < 1e-12);
  assert.deepEqual((weighted.state as { weights: unknown }).weights, { mean: 0.25, median: 0.75 });
});

test('hard voting ties go to the lowest class code, as scikit-learn', async () => {
  const data = {
    task: 'binary' as const,
    X,
    features,
    y: Int32Array.of(0, 0, 0, 1, 1, 1, 1, 1, 1, 1),
    classes: ['a', 'b'],
  };
  // Two constant members, fitted elsewhere: one always says "b" (the majority), one always "a".
  const mostFrequent = { kind: 'dummy', strategy: 'most_frequent' };
  const flipped = { ...data, y: Int32Array.from(data.y, (c) => 1 - c) };
  const saysB = { kind: 'prefitted', model: toPlain(toSavedModel(await fit(mostFrequent, data))) };
  const saysA = { kind: 'prefitted', model: toPlain(toSavedModel(await fit(mostFrequent, flipped))) };
  const tie = await fit(
    {
      kind: 'voting',
      estimators: [
        ['saysB', saysB],
        ['saysA', saysA],
      ],
      cv: 3,
    },
    data,
  );
  assert.ok(tie.task !== 'regression');
  assert.deepEqual([...tie.predictProba(X).data.subarray(0, 2)], [0.5, 0.5]);
  assert.deepEqual([...tie.predict(X)], new Array(10).fill(0));
  const weighted = await fit(
    { kind: 'voting', estimators: { saysB, saysA }, weights: { saysB: 3, saysA: 1 }, cv: 3 },
    data,
  );
  assert.ok(weighted.task !== 'regression');
  assert.deepEqual([...weighted.predictProba(X).data.subarray(0, 2)], [0.25, 0.75]);
});

test('voting matches scikit-learn VotingRegressor / VotingClassifier (soft and hard, weighted)', async () => {
  for (const c of fixture.voting) {
    const { train, Xtest } = fixtureData(c.dataset);
    const model = await fit(c.spec, train);
    const label = `${c.dataset} ${JSON.stringify({ voting: c.spec.voting, weights: c.spec.weights })}`;
    if (model.task === 'regression') {
      assert.ok(maxAbsDiff(model.predict(Xtest), c.predict) < 1e-6, label);
      continue;
    }
    assert.deepEqual([...model.predict(Xtest)], c.predict, label);
    if (c.proba) assert.ok(maxAbsDiff(model.predictProba(Xtest).data, c.proba) < 1e-4, label);
  }
});

test('learned weights sum to 1, are reported by member name, and drop members of weight 0', async () => {
  const data = makeFriedman1({ nSamples: 200, nFeatures: 5, noise: 0.5, seed: 4 });
  const model = await fit(
    {
      kind: 'voting',
      estimators: {
        ridge: { kind: 'ridge' },
        knn: { kind: 'knn', nNeighbors: 7 },
        // Predicts the mean: no help once the others are in.
        constant: { kind: 'dummy' },
      },
      weights: 'learned',
    },
    data,
  );
  const state = model.state as { weights: Record<string, number>; members: { name: string }[] };
  const sum = Object.values(state.weights).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) < 1e-12);
  assert.deepEqual(Object.keys(state.weights), ['ridge', 'knn', 'constant']);
  assert.ok(state.weights.ridge! > 0.1 && state.weights.knn! > 0.1);
  assert.equal(state.weights.constant, 0);
  assert.deepEqual(
    state.members.map((m) => m.name),
    ['ridge', 'knn'],
  );
});

test('learned soft-voting weights fit the log loss and beat equal weights out of fold', async () => {
  const data = makeClassification({ nSamples: 240, nFeatures: 6, nInformative: 3, nClasses: 3, seed: 8 });
  const estimators = {
    lr: { kind: 'logisticRegression' },
    tree: { kind: 'decisionTree', maxDepth: 2 },
    constant: { kind: 'dummy' },
  };
  const learned = await fit({ kind: 'voting', estimators, voting: 'soft', weights: 'learned' }, data);
  const equal = await fit({ kind: 'voting', estimators, voting: 'soft' }, data);
  const loss = (model: typeof learned): number => ensembleDiagnostics(model).ensembleScores!.logLoss!;
  assert.ok(loss(learned) < loss(equal), `${loss(learned)} ≥ ${loss(equal)}`);
  const weights = (learned.state as { weights: Record<string, number> }).weights;
  assert.ok(weights.lr! > weights.constant!);
});

test('voting diagnostics: every member scored out of fold, the ensemble score, the gain', async () => {
  const data = makeFriedman1({ nSamples: 150, nFeatures: 5, noise: 0.5, seed: 6 });
  const model = await fit(
    { kind: 'voting', estimators: { ridge: { kind: 'ridge' }, knn: { kind: 'knn' } }, cv: 3 },
    data,
  );
  const d = ensembleDiagnostics(model);
  assert.equal(d.source, 'outOfFold');
  assert.deepEqual(d.members, ['ridge', 'knn']);
  assert.deepEqual(Object.keys(d.memberScores.ridge!), ['r2', 'mse', 'rmse', 'mae', 'mape']);
  assert.equal(d.errorCorrelation.length, 2);
  assert.equal(d.errorCorrelation[0]![0], 1);
  const best = Math.max(d.memberScores.ridge!.r2!, d.memberScores.knn!.r2!);
  assert.ok(Math.abs(d.gain! - (d.ensembleScores!.r2! - best)) < 1e-15);
});

test('a saved voting model loads and predicts the same', async () => {
  const data = makeClassification({ nSamples: 120, nFeatures: 4, nClasses: 2, seed: 2 });
  const model = await fit(
    { kind: 'voting', estimators: { lr: { kind: 'logisticRegression' }, knn: { kind: 'knn' } } },
    data,
  );
  const loaded = restoreModel(fromPlain(JSON.parse(JSON.stringify(toPlain(toSavedModel(model))))) as never);
  assert.ok(loaded.task !== 'regression' && model.task !== 'regression');
  assert.deepEqual(loaded.predictProba(data.X).data, model.predictProba(data.X).data);
});

test('voting refuses bad members and weights, naming them', async () => {
  const bad: [Spec, RegExp][] = [
    [{ kind: 'voting' }, /voting: parameter "estimators" needs at least one member/],
    [{ kind: 'voting', estimators: {} }, /needs at least one member/],
    [
      { kind: 'voting', estimators: { a: { kind: 'nope' } } },
      /voting: member "a": unknown learner kind "nope"/,
    ],
    [
      { kind: 'voting', estimators: { a: 3 } },
      /voting: member "a" must be a learner spec with a "kind"; received 3/,
    ],
    [
      {
        kind: 'voting',
        estimators: [
          ['a', { kind: 'ridge' }],
          ['a', { kind: 'knn' }],
        ],
      },
      /names the member "a" twice/,
    ],
    [{ kind: 'voting', estimators: { a: { kind: 'knn', k: 3 } } }, /member "a": knn: unknown parameter "k"/],
    [
      { kind: 'voting', estimators: { a: { kind: 'ridge' } }, weights: [1, 2] },
      /"weights" has 2 values for 1 members \(a\)/,
    ],
    [
      { kind: 'voting', estimators: { a: { kind: 'ridge' } }, weights: { b: 1 } },
      /names "b", which is not a member/,
    ],
    [{ kind: 'voting', estimators: { a: { kind: 'ridge' } }, weights: [0] }, /must have a positive sum/],
  ];
  for (const [spec, message] of bad)
    await assert.rejects(fit(spec, constants), message, JSON.stringify(spec));
  const classes = {
    task: 'binary' as const,
    X,
    features,
    y: Int32Array.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1),
    classes: ['a', 'b'],
  };
  await assert.rejects(
    fit({ kind: 'voting', estimators: { r: { kind: 'ridge' } } }, classes),
    /voting: member "r": "ridge" does not do classification \(it does regression\)/,
  );
  await assert.rejects(
    fit({ kind: 'voting', estimators: { d: { kind: 'dummy' } }, weights: 'learned' }, classes),
    /weights "learned" .* need voting "soft"/,
  );
});
