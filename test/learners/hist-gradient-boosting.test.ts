import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toTrainingData } from '../../src/data/dataset.js';
import { type Matrix, takeRows } from '../../src/data/matrix.js';
import { loadBundled } from '../../src/data/read-file.js';
import { subsetData } from '../../src/data/subset.js';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { HgbState } from '../../src/learners/hgb/predictor.js';
import type {
  ClassificationData,
  Feature,
  Model,
  RegressionData,
  TrainingData,
} from '../../src/learners/types.js';
import { logLoss } from '../../src/metrics/log-loss.js';
import { r2Score } from '../../src/metrics/regression.js';
import { nodeExecutor, shutdownWorkers } from '../../src/parallel/node-executor.js';
import { toPlain } from '../../src/persist/plain.js';
import { type FixtureFit, fixture, specOf, toMatrix } from './hgb/hgb-fixture.js';

const numeric = (n: number): Feature[] =>
  Array.from({ length: n }, (_, j) => ({ name: `x${j}`, kind: 'numeric' }));

function stateOf(model: Model): HgbState {
  return model.state as HgbState;
}

/** The training loss after every iteration matches scikit-learn's to rounding: the same trees were grown. */
function assertSameCurve(model: Model, expected: FixtureFit): void {
  const state = stateOf(model);
  assert.equal(state.nIter, expected.nIter);
  assert.equal(state.trainLoss.length, expected.trainLoss.length);
  expected.trainLoss.forEach((reference, i) => {
    const actual = state.trainLoss[i]!;
    assert.ok(
      Math.abs(actual - reference) <= 1e-9 * Math.abs(reference) + 1e-12,
      `iteration ${i}: training loss ${actual}, scikit-learn ${reference}`,
    );
  });
}

function assertWithinPercent(actual: number, reference: number, what: string): void {
  assert.ok(
    Math.abs(actual - reference) <= 0.01 * Math.abs(reference),
    `${what}: ${actual}, scikit-learn ${reference}`,
  );
}

function assertClose(actual: ArrayLike<number>, expected: readonly number[], tolerance: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= tolerance, `value ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

function regression(X: Matrix, y: readonly number[], features = numeric(X.cols)): RegressionData {
  return { task: 'regression', X, features, y: Float64Array.from(y) };
}

/** Rows whose index is a multiple of 4 are the fixture's test rows. */
function splitEveryFourth<T extends TrainingData>(data: T): { train: T; test: T } {
  const all = Array.from({ length: data.X.rows }, (_, i) => i);
  return {
    train: subsetData(
      data,
      all.filter((i) => i % 4 !== 0),
    ),
    test: subsetData(
      data,
      all.filter((i) => i % 4 === 0),
    ),
  };
}

describe('histGradientBoosting against scikit-learn 1.2.1 (Friedman #1 with missing values)', () => {
  const { friedman } = fixture;
  const X = toMatrix(friedman.Xtrain);
  const Xtest = toMatrix(friedman.Xtest);
  const ytest = Float64Array.from(friedman.ytest);
  for (const name of ['default', 'shallow', 'fewBins', 'absoluteError', 'weighted'] as const) {
    test(`${name}: the same training loss at every iteration, the same test R²`, async () => {
      const expected = friedman.fits[name]!;
      const data = regression(X, friedman.ytrain);
      const weighted =
        name === 'weighted' ? { ...data, sampleWeight: Float64Array.from(friedman.weights) } : data;
      const model = await fit(specOf(expected.params), weighted);
      assertSameCurve(model, expected);
      assert.equal(model.task, 'regression');
      const predictions = model.task === 'regression' ? model.predict(Xtest) : new Float64Array(0);
      assertWithinPercent(r2Score(ytest, predictions), expected.testR2!, 'test R²');
      if (expected.predictions) assertClose(predictions, expected.predictions, 1e-9);
    });
  }

  test('early stopping on a held-out fifth stops early, with an R² within 0.02 of scikit-learn', async () => {
    const expected = friedman.fits.earlyStopping!;
    const model = await fit(specOf(expected.params), regression(X, friedman.ytrain));
    const state = stateOf(model);
    assert.ok(state.nIter < 500, `ran ${state.nIter} iterations`);
    assert.equal(state.validationLoss.length, state.nIter + 1);
    const r2 = model.task === 'regression' ? r2Score(ytest, model.predict(Xtest)) : 0;
    assert.ok(r2 > expected.testR2! - 0.02, `R² ${r2}, scikit-learn ${expected.testR2}`);
  });
});

describe('histGradientBoosting against scikit-learn 1.2.1 (bundled data)', async () => {
  const cars = await loadBundled('cars');
  const carsData = toTrainingData(cars.dataset, { target: cars.target });
  const penguins = await loadBundled('penguins');
  const penguinsData = toTrainingData(penguins.dataset, { target: penguins.target }) as ClassificationData;

  test('the fixture codes the columns as stacklearn does', () => {
    assert.deepEqual(
      carsData.features.map((f) => f.name),
      fixture.cars.features,
    );
    assert.deepEqual(
      penguinsData.features.map((f) => f.name),
      fixture.penguins.features,
    );
    assert.deepEqual(penguinsData.classes, fixture.penguins.classes);
  });

  for (const name of ['categorical', 'numeric'] as const) {
    test(`cars, Origin ${name}: the same training loss at every iteration, the same test R²`, async () => {
      const expected = fixture.cars.fits[name]!;
      const { train, test: held } = splitEveryFourth(carsData);
      const spec = {
        ...specOf(expected.params),
        categoricalFeatures: name === 'categorical' ? 'auto' : 'none',
      };
      const model = await fit(spec, train);
      assertSameCurve(model, expected);
      const predictions = model.task === 'regression' ? model.predict(held.X) : new Float64Array(0);
      assertWithinPercent(r2Score(held.y as Float64Array, predictions), expected.testR2!, 'test R²');
      if (expected.predictions) assertClose(predictions, expected.predictions, 1e-9);
    });
  }

  test('penguins (3 classes, categorical Island and Sex, missing values): the same curve and log loss', async () => {
    const expected = fixture.penguins.fits.categorical!;
    const { train, test: held } = splitEveryFourth(penguinsData);
    const model = await fit(specOf(expected.params), train);
    assertSameCurve(model, expected);
    assert.ok(model.task !== 'regression');
    const proba = model.predictProba(held.X);
    assertWithinPercent(logLoss(held.y, proba), expected.testLogLoss!, 'test log loss');
    assertClose(proba.data, expected.proba!, 1e-9);
  });
});

describe('histGradientBoosting against scikit-learn 1.2.1 (binary, poisson)', () => {
  const { binary, poisson } = fixture;
  const X = toMatrix(binary.Xtrain);
  const Xtest = toMatrix(binary.Xtest);
  const levels = ['0', '1', '2', '3', '4', '5'];
  for (const name of ['categorical', 'numeric'] as const) {
    test(`binary, ${name} colour column: the same training loss at every iteration, the same log loss`, async () => {
      const expected = binary.fits[name]!;
      const features: Feature[] = numeric(X.cols);
      if (name === 'categorical') features[6] = { name: 'colour', kind: 'categorical', levels };
      const data: ClassificationData = {
        task: 'binary',
        X,
        features,
        y: Int32Array.from(binary.ytrain),
        classes: ['0', '1'],
      };
      const model = await fit(specOf(expected.params), data);
      assertSameCurve(model, expected);
      assert.ok(model.task !== 'regression');
      const proba = model.predictProba(Xtest);
      assertWithinPercent(
        logLoss(Int32Array.from(binary.ytest), proba),
        expected.testLogLoss!,
        'test log loss',
      );
      if (expected.proba) assertClose(proba.data, expected.proba, 1e-9);
    });
  }

  test('poisson: the same training loss at every iteration, the same predictions', async () => {
    const expected = poisson.fits.poisson!;
    const model = await fit(specOf(expected.params), regression(toMatrix(poisson.Xtrain), poisson.ytrain));
    assertSameCurve(model, expected);
    const predictions =
      model.task === 'regression' ? model.predict(toMatrix(poisson.Xtest)) : new Float64Array(0);
    assertClose(predictions, expected.predictions!, 1e-9);
  });
});

describe('histGradientBoosting options', () => {
  const data = makeFriedman1({ nSamples: 3000, nFeatures: 10, noise: 1, seed: 4 });
  const train = subsetData(
    data,
    Array.from({ length: 2000 }, (_, i) => i),
  );
  const held = subsetData(
    data,
    Array.from({ length: 1000 }, (_, i) => 2000 + i),
  );
  const r2 = (model: Model): number =>
    model.task === 'regression' ? r2Score(held.y, model.predict(held.X)) : 0;

  test('subsample, colsampleBytree and maxFeatures: same seed, same model; another seed, another model', async () => {
    const spec = {
      kind: 'histGradientBoosting',
      subsample: 0.7,
      colsampleBytree: 0.8,
      maxFeatures: 0.6,
      maxIter: 60,
    };
    const a = await fit({ ...spec, seed: 1 }, train);
    const b = await fit({ ...spec, seed: 1 }, train);
    const c = await fit({ ...spec, seed: 2 }, train);
    assert.equal(JSON.stringify(toPlain(a.state)), JSON.stringify(toPlain(b.state)));
    assert.notEqual(JSON.stringify(toPlain(a.state)), JSON.stringify(toPlain(c.state)));
    assert.ok(r2(a) > 0.85, `R² ${r2(a)}`);
  });

  test('colsampleBytree keeps each tree on its drawn features', async () => {
    const model = await fit(
      { kind: 'histGradientBoosting', colsampleBytree: 0.2, maxIter: 20, maxLeafNodes: 8 },
      train,
    );
    const { trees } = stateOf(model);
    // Two features per tree at most: check every tree's inner nodes.
    for (let t = 0; t < trees.roots.length; t++) {
      const used = new Set<number>();
      const visit = (node: number): void => {
        if (node < 0) return;
        used.add(trees.feature[node]!);
        visit(trees.left[node]!);
        visit(trees.right[node]!);
      };
      visit(trees.roots[t]!);
      assert.ok(used.size <= 2, `tree ${t} splits on ${used.size} features`);
    }
  });

  test('validationData in the fit context is scored every iteration and drives early stopping', async () => {
    const model = await fit(
      { kind: 'histGradientBoosting', earlyStopping: true, maxIter: 1000, learningRate: 0.5 },
      train,
      {
        validationData: held,
      } as Parameters<typeof fit>[2],
    );
    const state = stateOf(model);
    assert.ok(state.nIter < 1000);
    assert.equal(state.validationLoss.length, state.nIter + 1);
    assert.ok(state.validationLoss[state.nIter]! < state.validationLoss[0]!);
    // It stopped because the last 10 iterations did not improve on the one before them.
    const best = Math.min(...state.validationLoss.subarray(state.nIter - 10));
    assert.ok(best >= state.validationLoss[state.nIter - 10]! - 1e-7);
  });

  test("early stopping 'auto' is on above 10 000 rows only", async () => {
    const small = await fit({ kind: 'histGradientBoosting', maxIter: 5 }, train);
    assert.equal(stateOf(small).validationLoss.length, 0);
    const big = makeFriedman1({ nSamples: 10_001, nFeatures: 5, seed: 1 });
    const model = await fit({ kind: 'histGradientBoosting', maxIter: 5 }, big);
    assert.equal(stateOf(model).validationLoss.length, stateOf(model).nIter + 1);
  });

  test('huber resists outliers in the target better than squared error', async () => {
    const noisy = { ...train, y: train.y.map((v, i) => (i % 10 === 0 ? v + 60 : v)) };
    const spec = { kind: 'histGradientBoosting', maxIter: 80 };
    const squared = r2(await fit(spec, noisy));
    const robust = r2(await fit({ ...spec, loss: 'huber' }, noisy));
    assert.ok(robust > squared + 0.05, `huber R² ${robust}, squared error R² ${squared}`);
  });

  test('multiclass fits one tree per class per iteration', async () => {
    const three = makeClassification({ nSamples: 300, nFeatures: 5, nInformative: 3, nClasses: 3, seed: 2 });
    const model = await fit({ kind: 'histGradientBoosting', maxIter: 7 }, three);
    const state = stateOf(model);
    assert.equal(state.nTreesPerIteration, 3);
    assert.equal(state.trees.roots.length, 21);
  });

  test('nJobs 2 builds the same model, byte for byte, as nJobs 1', async () => {
    // 70 000 rows: the helper takes row chunks of histograms, halves of the gradients and of their
    // totals, row ranges to quantise (from 65 536 rows), one child's split search and half of the
    // partition of nodes of 16 384 rows or more; the 30-column data below is for nodes of
    // 3 334 – 4 095 rows, whose histograms are shared by runs of features.
    const big = makeFriedman1({ nSamples: 70_000, nFeatures: 8, noise: 1, seed: 2 });
    big.X.data[5 * 8 + 3] = Number.NaN;
    const spec = { kind: 'histGradientBoosting', maxIter: 4, earlyStopping: false, seed: 3 };
    try {
      // A first fit starts the worker, so that the helper takes part in the fits compared.
      await fit({ ...spec, maxIter: 1, nJobs: 2 }, big, { executor: nodeExecutor(2) });
      for (const variant of [{}, { subsample: 0.8, colsampleBytree: 0.75 }]) {
        const one = await fit({ ...spec, ...variant, nJobs: 1 }, big);
        const two = await fit({ ...spec, ...variant, nJobs: 2 }, big, { executor: nodeExecutor(2) });
        assert.equal(JSON.stringify(toPlain(two.state)), JSON.stringify(toPlain(one.state)));
      }
      const wide = makeFriedman1({ nSamples: 12_000, nFeatures: 30, noise: 1, seed: 6 });
      const wideOne = await fit({ ...spec, maxIter: 3, nJobs: 1 }, wide);
      const wideTwo = await fit({ ...spec, maxIter: 3, nJobs: 2 }, wide, { executor: nodeExecutor(2) });
      assert.equal(JSON.stringify(toPlain(wideTwo.state)), JSON.stringify(toPlain(wideOne.state)));
      // Weighted rows: the helper computes half the gradients from a shared copy of the weights.
      const weighted = {
        ...big,
        sampleWeight: Float64Array.from({ length: big.X.rows }, (_, i) => 1 + (i % 3)),
      };
      const weightedOne = await fit({ ...spec, nJobs: 1 }, weighted);
      const weightedTwo = await fit({ ...spec, nJobs: 2 }, weighted, { executor: nodeExecutor(2) });
      assert.equal(JSON.stringify(toPlain(weightedTwo.state)), JSON.stringify(toPlain(weightedOne.state)));
      const three = makeClassification({
        nSamples: 66_000,
        nFeatures: 9,
        nClasses: 3,
        nInformative: 4,
        seed: 5,
      });
      const classOne = await fit({ ...spec, maxIter: 3, nJobs: 1 }, three);
      const classTwo = await fit({ ...spec, maxIter: 3, nJobs: 2 }, three, { executor: nodeExecutor(2) });
      assert.equal(JSON.stringify(toPlain(classTwo.state)), JSON.stringify(toPlain(classOne.state)));
    } finally {
      await shutdownWorkers();
    }
  });
});

describe('histGradientBoosting refuses bad input, naming it', () => {
  const data = makeFriedman1({ nSamples: 100, nFeatures: 5, seed: 1 });

  test('a categorical column with more than 255 levels', async () => {
    const levels = Array.from({ length: 300 }, (_, i) => `l${i}`);
    const features: Feature[] = [{ name: 'city', kind: 'categorical', levels }, ...numeric(5).slice(1)];
    await assert.rejects(
      fit({ kind: 'histGradientBoosting' }, { ...data, features }),
      /categorical column "city" has 300 levels; at most 255/,
    );
    // Treated as numbers, it is fine.
    await fit(
      { kind: 'histGradientBoosting', categoricalFeatures: 'none', maxIter: 2 },
      { ...data, features },
    );
  });

  test('poisson with a negative target, a classification loss for regression', async () => {
    const negative = { ...data, y: data.y.map((v, i) => (i === 7 ? -1 : v)) };
    await assert.rejects(
      fit({ kind: 'histGradientBoosting', loss: 'poisson' }, negative),
      /needs y ≥ 0; received -1 at row 7/,
    );
    await assert.rejects(
      fit({ kind: 'histGradientBoosting', loss: 'log_loss' }, data),
      /"log_loss" is for classification/,
    );
  });

  test('validation data with other columns', async () => {
    const other = makeFriedman1({ nSamples: 20, nFeatures: 6, seed: 1 });
    await assert.rejects(
      fit({ kind: 'histGradientBoosting' }, data, { validationData: other } as Parameters<typeof fit>[2]),
      /validationData has 6 columns; the training data has 5/,
    );
  });

  test('out-of-range parameters', async () => {
    await assert.rejects(
      fit({ kind: 'histGradientBoosting', maxBins: 256 }, data),
      /"maxBins" must be an integer ≥ 2 and ≤ 255/,
    );
    await assert.rejects(
      fit({ kind: 'histGradientBoosting', subsample: 0 }, data),
      /"subsample" must be a number > 0 and ≤ 1/,
    );
  });
});

test('missing values and unseen categories at predict time follow each split’s missing direction', async () => {
  const data = makeClassification({ nSamples: 400, nFeatures: 4, nInformative: 2, seed: 9 });
  const X = takeRows(
    data.X,
    Array.from({ length: 400 }, (_, i) => i),
  );
  for (let i = 0; i < 400; i++) X.data[i * 4 + 3] = i % 3;
  const features: Feature[] = [
    ...numeric(3),
    { name: 'c', kind: 'categorical', levels: ['a', 'b', 'c', 'd'] },
  ];
  const model = await fit({ kind: 'histGradientBoosting', maxIter: 20 }, { ...data, X, features });
  assert.ok(model.task !== 'regression');
  const rows = takeRows(X, [0, 1, 2]);
  const unseen = takeRows(X, [0, 1, 2]);
  const missing = takeRows(X, [0, 1, 2]);
  for (let i = 0; i < 3; i++) {
    unseen.data[i * 4 + 3] = 3;
    missing.data[i * 4 + 3] = Number.NaN;
  }
  assert.deepEqual(model.predictProba(unseen).data, model.predictProba(missing).data);
  assert.ok(model.predictProba(rows).data.every(Number.isFinite));
});
