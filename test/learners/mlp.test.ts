import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type Matrix, matrix } from '../../src/data/matrix.js';
import { trainTestSplit } from '../../src/data/split.js';
import { subsetData } from '../../src/data/subset.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type {
  ClassificationData,
  Model,
  RegressionData,
  Spec,
  TrainingData,
} from '../../src/learners/types.js';
import { accuracyScore } from '../../src/metrics/classification.js';
import { r2Score } from '../../src/metrics/regression.js';
import { deriveSeed } from '../../src/random.js';

// scikit-learn's reference (scripts/fixtures/mlp.py): standardised datasets, MLP test scores for
// five random states, and the linear models a network without hidden layers reduces to.
interface FixtureData {
  cols: number;
  XTrain: number[];
  XTest: number[];
  yTrain: number[];
  yTest: number[];
  classes?: string[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/mlp.json', import.meta.url), 'utf8')) as {
  datasets: Record<string, FixtureData>;
  scores: { data: string; spec: Spec; metric: 'r2' | 'accuracy'; scores: number[]; mean: number }[];
  linear: { alpha: number; ridgePredictions: number[]; binaryProba: number[]; multinomialProba: number[] };
};

/** Training data and test rows of a fixture dataset; "binary" is class 0 against the rest. */
function load(name: string): { train: TrainingData; XTest: Matrix; yTest: number[] } {
  const d = fixture.datasets[name === 'binary' ? 'classification3' : name]!;
  const X = { rows: d.yTrain.length, cols: d.cols, data: Float64Array.from(d.XTrain) };
  const XTest = { rows: d.yTest.length, cols: d.cols, data: Float64Array.from(d.XTest) };
  const features = Array.from({ length: d.cols }, (_, j) => ({ name: `x${j}`, kind: 'numeric' as const }));
  if (!d.classes) {
    return {
      train: { task: 'regression', X, features, y: Float64Array.from(d.yTrain) },
      XTest,
      yTest: d.yTest,
    };
  }
  if (name === 'binary') {
    const zero = (v: number) => (v === 0 ? 1 : 0);
    const y = Int32Array.from(d.yTrain, zero);
    return {
      train: { task: 'binary', X, features, y, classes: ['rest', 'zero'] },
      XTest,
      yTest: d.yTest.map(zero),
    };
  }
  const y = Int32Array.from(d.yTrain);
  return { train: { task: 'multiclass', X, features, y, classes: d.classes }, XTest, yTest: d.yTest };
}

function score(model: Model, XTest: Matrix, yTest: number[]): number {
  if (model.task === 'regression') return r2Score(Float64Array.from(yTest), model.predict(XTest));
  return accuracyScore(Int32Array.from(yTest), model.predict(XTest));
}

function maxGap(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  assert.equal(actual.length, expected.length);
  let gap = 0;
  for (let i = 0; i < expected.length; i++) gap = Math.max(gap, Math.abs(actual[i]! - expected[i]!));
  return gap;
}

for (const reference of fixture.scores) {
  const { kind: _, ...params } = reference.spec;
  test(`mlp test ${reference.metric} is within 2% of scikit-learn's on ${reference.data}: ${JSON.stringify(params)}`, async () => {
    const { train, XTest, yTest } = load(reference.data);
    // Different random numbers from scikit-learn's: compare means over initialisations.
    let sum = 0;
    for (const seed of [0, 1, 2]) sum += score(await fit({ ...reference.spec, seed }, train), XTest, yTest);
    const ours = sum / 3;
    assert.ok(ours >= 0.98 * reference.mean, `ours ${ours}, scikit-learn ${reference.mean}`);
  });
}

// Full-batch gradient descent on the network's (convex) objective reaches its optimum.
const exact = {
  kind: 'mlp',
  hiddenLayerSizes: [],
  alpha: fixture.linear.alpha,
  solver: 'sgd',
  learningRateInit: 0.5,
  batchSize: 1000,
  maxIter: 5000,
  tol: 0,
  nIterNoChange: 50,
};

test('mlp without hidden layers is ridge regression with the same alpha', async () => {
  const { train, XTest } = load('friedman1');
  const model = await fit(exact, train);
  assert.ok(model.task === 'regression');
  assert.ok(maxGap(model.predict(XTest), fixture.linear.ridgePredictions) < 1e-8);
});

test('mlp without hidden layers is logistic regression with C = 1 / alpha (binary)', async () => {
  const { train, XTest } = load('binary');
  const model = await fit(exact, train);
  assert.ok(model.task !== 'regression');
  assert.ok(maxGap(model.predictProba(XTest).data, fixture.linear.binaryProba) < 1e-8);
});

test('mlp without hidden layers is multinomial logistic regression with C = 1 / alpha', async () => {
  const { train, XTest } = load('classification3');
  const model = await fit(exact, train);
  assert.ok(model.task !== 'regression');
  assert.ok(maxGap(model.predictProba(XTest).data, fixture.linear.multinomialProba) < 1e-8);
});

// A small problem for the behavioural tests: y = x₀ − 2·x₁ + noise-free curvature.
const features = [
  { name: 'a', kind: 'numeric' as const },
  { name: 'b', kind: 'numeric' as const },
];
const grid = Array.from({ length: 60 }, (_, i) => [Math.sin(i), Math.cos(1.7 * i)]);
const small: RegressionData = {
  task: 'regression',
  X: matrix(grid),
  features,
  y: Float64Array.from(grid, ([a, b]) => a! - 2 * b! + a! * b!),
};
const smallClasses: ClassificationData = {
  task: 'multiclass',
  X: small.X,
  features,
  y: Int32Array.from(small.y, (v) => (v < -1 ? 0 : v < 1 ? 1 : 2)),
  classes: ['low', 'mid', 'high'],
};

interface TrainingState {
  coefs: Float64Array[];
  lossCurve: Float64Array;
  validationScores: Float64Array | null;
  nIter: number;
  converged: boolean;
}
const stateOf = (model: Model) => model.state as TrainingState;

test('mlp: the same seed gives identical weights; another seed does not', async () => {
  const spec = { kind: 'mlp', hiddenLayerSizes: [8], maxIter: 20, dropout: 0.2 };
  const a = stateOf(await fit({ ...spec, seed: 3 }, small));
  const b = stateOf(await fit({ ...spec, seed: 3 }, small));
  const c = stateOf(await fit({ ...spec, seed: 4 }, small));
  assert.deepEqual(a.coefs, b.coefs);
  assert.deepEqual(a.lossCurve, b.lossCurve);
  assert.notDeepEqual(a.coefs, c.coefs);
});

test('mlp: full-batch gradient descent lowers the loss every epoch', async () => {
  const spec = { kind: 'mlp', hiddenLayerSizes: [10], activation: 'tanh', solver: 'sgd', momentum: 0 };
  const model = await fit({ ...spec, learningRateInit: 0.05, batchSize: 60, maxIter: 300, tol: 0 }, small);
  const { lossCurve } = stateOf(model);
  assert.equal(lossCurve.length, 300);
  for (let i = 1; i < lossCurve.length; i++) assert.ok(lossCurve[i]! < lossCurve[i - 1]!, `epoch ${i + 1}`);
  assert.ok(lossCurve[299]! < 0.2 * lossCurve[0]!);
});

test('mlp stops once the loss has not improved by tol for more than nIterNoChange epochs', async () => {
  const model = await fit(
    { kind: 'mlp', hiddenLayerSizes: [16], learningRateInit: 0.01, tol: 1e-3, maxIter: 5000 },
    small,
  );
  const { lossCurve, nIter, converged } = stateOf(model);
  assert.ok(converged && nIter < 5000);
  assert.equal(lossCurve.length, nIter);
  // Each of the last nIterNoChange + 1 = 11 epochs failed to beat the best loss before it by tol.
  let best = Math.min(...lossCurve.subarray(0, nIter - 11));
  for (const loss of lossCurve.subarray(nIter - 11)) {
    assert.ok(loss > best - 1e-3);
    best = Math.min(best, loss);
  }
});

test('mlp reaching maxIter reports converged: false instead of throwing', async () => {
  const model = await fit({ kind: 'mlp', hiddenLayerSizes: [4], maxIter: 3 }, small);
  const state = stateOf(model);
  assert.equal(state.nIter, 3);
  assert.equal(state.converged, false);
  assert.equal(state.validationScores, null);
});

test('mlp with early stopping keeps the weights of the best validation epoch', async () => {
  const spec = {
    kind: 'mlp',
    hiddenLayerSizes: [16],
    earlyStopping: true,
    validationFraction: 0.25,
    seed: 5,
  };
  const model = await fit({ ...spec, learningRateInit: 0.01, maxIter: 500 }, smallClasses);
  const { validationScores, nIter } = stateOf(model);
  assert.ok(validationScores && validationScores.length === nIter);
  // The held-out rows: a stratified split seeded from the model's seed.
  const { test: held } = trainTestSplit(60, {
    testSize: 0.25,
    seed: deriveSeed(5, 'validation'),
    stratify: smallClasses.y,
  });
  const validation = subsetData(smallClasses, held);
  assert.ok(model.task !== 'regression');
  const accuracy = accuracyScore(validation.y, model.predict(validation.X));
  assert.equal(accuracy, Math.max(...validationScores));
});

test('mlp: early stopping with too few rows per class names validationFraction', async () => {
  const tiny = subsetData(smallClasses, [0, 1, 2, 3, 4, 5, 6, 7]);
  await assert.rejects(
    fit({ kind: 'mlp', earlyStopping: true, validationFraction: 0.1 }, tiny),
    /mlp: earlyStopping cannot hold out validationFraction 0.1 of 8 rows/,
  );
});

test('mlp: integer sample weights equal repeated rows (full batch), and weight 0 drops a row', async () => {
  const weights = Float64Array.from({ length: 60 }, (_, i) => i % 3);
  const repeated = subsetData(
    small,
    Array.from({ length: 60 }, (_, i) => Array(i % 3).fill(i) as number[]).flat(),
  );
  const spec = {
    kind: 'mlp',
    hiddenLayerSizes: [6],
    solver: 'sgd',
    batchSize: 200,
    maxIter: 50,
    shuffle: false,
  };
  const a = await fit(spec, { ...small, sampleWeight: weights });
  const b = await fit(spec, repeated);
  assert.ok(a.task === 'regression' && b.task === 'regression');
  assert.ok(maxGap(a.predict(small.X), b.predict(small.X)) < 1e-10);
});

test('mlp refuses sample weights that are all 0', async () => {
  await assert.rejects(
    fit({ kind: 'mlp' }, { ...small, sampleWeight: new Float64Array(60) }),
    /mlp: every sampleWeight is 0/,
  );
});

test('mlp: dropout is on during training only (predictions are deterministic) and changes the fit', async () => {
  const spec = { kind: 'mlp', hiddenLayerSizes: [32], maxIter: 50 };
  const plain = await fit(spec, small);
  const dropped = await fit({ ...spec, dropout: 0.5 }, small);
  assert.ok(plain.task === 'regression' && dropped.task === 'regression');
  assert.deepEqual(dropped.predict(small.X), dropped.predict(small.X));
  assert.notDeepEqual(dropped.predict(small.X), plain.predict(small.X));
});

test('mlp with residual connections learns (its loss falls), and differs from the plain network', async () => {
  const spec = { kind: 'mlp', hiddenLayerSizes: [16, 16, 16], maxIter: 100 };
  const residual = await fit({ ...spec, residual: true }, small);
  const { lossCurve } = stateOf(residual);
  assert.ok(lossCurve[lossCurve.length - 1]! < 0.25 * lossCurve[0]!);
  const plain = await fit(spec, small);
  assert.ok(residual.task === 'regression' && plain.task === 'regression');
  assert.notDeepEqual(residual.predict(small.X), plain.predict(small.X));
});

test('mlp refuses residual connections between hidden layers of different widths, naming them', async () => {
  await assert.rejects(
    fit({ kind: 'mlp', hiddenLayerSizes: [16, 8], residual: true }, small),
    /mlp: residual needs hidden layers of equal width; hiddenLayerSizes \[16,8\] has layer 1 of 16 units and layer 2 of 8/,
  );
  await assert.rejects(
    fit({ kind: 'mlp', hiddenLayerSizes: [16], residual: true }, small),
    /mlp: residual needs at least two hidden layers/,
  );
});

test('mlp refuses bad parameters, naming them', async () => {
  await assert.rejects(
    fit({ kind: 'mlp', hiddenLayerSizes: [10, 0] }, small),
    /parameter "hiddenLayerSizes" must be/,
  );
  await assert.rejects(
    fit({ kind: 'mlp', dropout: 1 }, small),
    /parameter "dropout" must be a number ≥ 0 and < 1/,
  );
  await assert.rejects(fit({ kind: 'mlp', batchSize: 'big' }, small), /parameter "batchSize" must be/);
  await assert.rejects(
    fit({ kind: 'mlp', solver: 'lbfgs' }, small),
    /parameter "solver" must be one of "adam", "sgd"/,
  );
});

test('mlp reports a diverging solver instead of returning NaN weights', async () => {
  const huge: RegressionData = { ...small, y: small.y.map((v) => v * 1e200) };
  await assert.rejects(
    fit({ kind: 'mlp', solver: 'sgd', learningRateInit: 10, hiddenLayerSizes: [4] }, huge),
    /mlp: the training loss became (NaN|Infinity) at epoch 1 \(the solver diverged\)/,
  );
});

test('mlp reports progress per epoch', async () => {
  const fractions: number[] = [];
  await fit({ kind: 'mlp', hiddenLayerSizes: [4], maxIter: 5 }, small, {
    onProgress: (f) => fractions.push(f),
  });
  assert.deepEqual(fractions, [0.2, 0.4, 0.6, 0.8, 1]);
});
