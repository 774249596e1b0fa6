import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import { ensembleDiagnostics } from '../../src/ensembles/diagnostics.js';
import { selectionWeights } from '../../src/ensembles/greedy-selection.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { RegressionData } from '../../src/learners/types.js';
import { mainMetric, taskMetrics } from '../../src/metrics/evaluate.js';
import { createRandom } from '../../src/random.js';

// y = (1, −1, 1, −1); member a = y + 0.3, member b = y − 0.3 (their mean is exact), c = 0.
const target: RegressionData = {
  task: 'regression',
  X: { rows: 4, cols: 0, data: new Float64Array(0) },
  features: [],
  y: Float64Array.of(1, -1, 1, -1),
};
const problem = {
  target,
  outputs: [
    Float64Array.of(1.3, -0.7, 1.3, -0.7),
    Float64Array.of(0.7, -1.3, 0.7, -1.3),
    new Float64Array(4),
  ],
  metric: taskMetrics('regression').find((m) => m.name === 'mse')!,
};
const settings = { nIterations: 4, nInit: 1, nBags: 1, bagFraction: 0.5 };

test('greedy selection with replacement alternates the two members whose errors cancel', () => {
  // Picks: a (a and b tie alone, a comes first), b (mean exact), a (a and b tie again), b.
  assert.deepEqual([...selectionWeights(problem, settings, createRandom(0))], [0.5, 0.5, 0]);
  assert.deepEqual(
    [...selectionWeights(problem, { ...settings, nIterations: 5 }, createRandom(0))],
    [0.6, 0.4, 0],
  );
  // Sorted initialisation with the best 3 and 3 picks in all: each member once.
  const init3 = selectionWeights(problem, { ...settings, nInit: 3, nIterations: 3 }, createRandom(0));
  assert.deepEqual(
    [...init3].map((w) => Math.round(w * 3)),
    [1, 1, 1],
  );
});

test('bagged selection pools the picks of selections over halves of the library', () => {
  const w = selectionWeights(problem, { ...settings, nBags: 6 }, createRandom(3));
  assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  for (const value of w)
    assert.ok(Math.abs(value * 24 - Math.round(value * 24)) < 1e-9, 'multiples of 1 / (bags · picks)');
  // Bags hold 2 of the 3 members; with a or b in the bag, c is never the best addition.
  assert.equal(w[2], 0);
  assert.ok(w[0]! > 0 && w[1]! > 0);
});

test('ensembleSelection reports weights (picks / total), drops unpicked members and scores itself out of fold', async () => {
  const data = makeFriedman1({ nSamples: 160, nFeatures: 5, noise: 0.5, seed: 2 });
  const model = await fit(
    {
      kind: 'ensembleSelection',
      estimators: {
        ridge: { kind: 'ridge' },
        knn: { kind: 'knn', nNeighbors: 7 },
        constant: { kind: 'dummy' },
      },
      nIterations: 20,
    },
    data,
  );
  const state = model.state as {
    weights: Record<string, number>;
    members: { name: string; weight: number }[];
  };
  assert.equal(state.weights.constant, 0);
  assert.deepEqual(
    state.members.map((m) => m.name),
    ['ridge', 'knn'],
  );
  for (const w of Object.values(state.weights)) assert.ok(Math.abs(w * 20 - Math.round(w * 20)) < 1e-9);
  const d = ensembleDiagnostics(model);
  assert.equal(d.metric, mainMetric('regression').name);
  assert.ok(d.ensembleScores!.r2! > d.memberScores.constant!.r2!);
  assert.ok(d.ensembleScoreMethod.includes('rerun on the other folds'));
});

test('ensembleSelection optimises a named metric, which the diagnostics then use', async () => {
  const data = makeClassification({ nSamples: 150, nFeatures: 5, nClasses: 2, seed: 6 });
  const model = await fit(
    {
      kind: 'ensembleSelection',
      estimators: { lr: { kind: 'logisticRegression' }, tree: { kind: 'decisionTree', maxDepth: 3 } },
      metric: 'logLoss',
      nIterations: 10,
      cv: 3,
    },
    data,
  );
  const d = ensembleDiagnostics(model);
  assert.equal(d.metric, 'logLoss');
  assert.equal(d.greaterIsBetter, false);
});

test('on classification ensembleSelection selects on log loss by default, starting from the two best members', async () => {
  const data = makeClassification({ nSamples: 150, nFeatures: 5, nClasses: 2, seed: 6 });
  const estimators = {
    lr: { kind: 'logisticRegression' },
    tree: { kind: 'decisionTree', maxDepth: 3 },
    constant: { kind: 'dummy' },
  };
  const two = await fit({ kind: 'ensembleSelection', estimators, nIterations: 2, cv: 3 }, data);
  const d = ensembleDiagnostics(two);
  assert.equal(d.metric, 'logLoss');
  // Two picks, both by the sorted initialisation: the two members of lowest out-of-fold log loss.
  const scores = d.memberScores;
  const ranked = Object.keys(estimators).sort((a, b) => scores[a]!.logLoss! - scores[b]!.logLoss!);
  const weights = (two.state as { weights: Record<string, number> }).weights;
  assert.deepEqual(weights, { [ranked[0]!]: 0.5, [ranked[1]!]: 0.5, [ranked[2]!]: 0 });
  // One pick in all: the initialisation stops at nIterations.
  const one = await fit({ kind: 'ensembleSelection', estimators, nIterations: 1, cv: 3 }, data);
  assert.equal((one.state as { weights: Record<string, number> }).weights[ranked[0]!], 1);
});

test('ensembleSelection refuses an unknown metric and nInit above nIterations', async () => {
  const data = makeFriedman1({ nSamples: 60, nFeatures: 5, seed: 1 });
  const estimators = { ridge: { kind: 'ridge' } };
  await assert.rejects(
    fit({ kind: 'ensembleSelection', estimators, metric: 'accuracy' }, data),
    /ensembleSelection: parameter "metric": evaluate: unknown metric "accuracy" for a regression task/,
  );
  await assert.rejects(
    fit({ kind: 'ensembleSelection', estimators, nInit: 5, nIterations: 3 }, data),
    /"nInit" \(5\) must be at most "nIterations" \(3\)/,
  );
});
