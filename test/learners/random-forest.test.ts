import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { makeFriedman1 } from '../../src/data/synthetic.js';
import '../../src/learners/builtins.js';
import { compileRowPredictor } from '../../src/learners/compile.js';
import { type Executor, runTask, type ShareableArray } from '../../src/learners/executor.js';
import { fit } from '../../src/learners/fit.js';
import { treeSample } from '../../src/learners/forest/bootstrap.js';
import type { ForestState } from '../../src/learners/forest/forest-learner.js';
import type { Model, TrainingData } from '../../src/learners/types.js';
import { toPlain } from '../../src/persist/plain.js';
import { describeAgainstScikitLearn, forestData } from './forest-fixture.js';
import { maxRelativeError } from './knn-tree-fixture.js';

describeAgainstScikitLearn('randomForest');

function outputs(model: Model, X: TrainingData['X']): Float64Array {
  return model.task === 'regression' ? model.predict(X) : model.predictProba(X).data;
}

const stateOf = (model: Model): ForestState => model.state as ForestState;

/** Tree t's values for the rows of X, walked from its root in the packed arrays. */
function treeOutputs(forest: ForestState['forest'], t: number, X: TrainingData['X']): Float64Array {
  const k = forest.nOutputs;
  const out = new Float64Array(X.rows * k);
  for (let i = 0; i < X.rows; i++) {
    let node = forest.nodeStart[t + 1]! > forest.nodeStart[t]! ? forest.nodeStart[t]! : ~forest.leafStart[t]!;
    while (node >= 0) {
      const goLeft = X.data[i * X.cols + forest.feature[node]!]! <= forest.threshold[node]!;
      node = goLeft ? forest.left[node]! : forest.right[node]!;
    }
    out.set(forest.value.subarray(~node * k, ~node * k + k), i * k);
  }
  return out;
}

/** Runs tasks in this thread, out of order and `size` at a time, as a thread pool might. */
function scramblingExecutor(size: number): Executor {
  let calls = 0;
  return {
    size,
    share: <T extends ShareableArray>(array: T): T => array.slice() as T,
    run: async (name, payload) => {
      // Later calls finish first: results must still land in tree order.
      await new Promise((resolve) => setTimeout(resolve, 10 - (calls++ % 10)));
      return runTask(name, structuredClone(payload));
    },
  };
}

describe('randomForest semantics', () => {
  const { train, Xtest } = forestData('classification');
  const friedman = forestData('friedman');

  test('without bootstrap and with every feature, each tree is the decision tree', async () => {
    for (const { train: data, Xtest: X } of [friedman, { train, Xtest }]) {
      const forest = await fit(
        { kind: 'randomForest', nEstimators: 3, bootstrap: false, maxFeatures: null, maxDepth: 5 },
        data,
      );
      const tree = await fit({ kind: 'decisionTree', maxDepth: 5 }, data);
      // The mean of three equal values may differ from them in the last bit.
      assert.ok(maxRelativeError(outputs(forest, X), outputs(tree, X)) <= 1e-15);
    }
  });

  test('a tree grows on its bootstrap sample as on rows weighted by their draw counts × sampleWeight', async () => {
    const sampleWeight = Float64Array.from({ length: train.X.rows }, (_, i) => 1 + (i % 4));
    const weighted = { ...train, sampleWeight };
    const seed = 9;
    const forest = await fit(
      { kind: 'randomForest', nEstimators: 1, maxFeatures: null, maxDepth: 6, seed },
      weighted,
    );
    const { counts } = treeSample(seed, 0, train.X.rows, train.X.rows);
    const tree = await fit(
      { kind: 'decisionTree', maxDepth: 6 },
      { ...train, sampleWeight: sampleWeight.map((w, i) => w * counts![i]!) },
    );
    assert.deepEqual(outputs(forest, Xtest), outputs(tree, Xtest));
  });

  test('regression predicts the mean of the trees; classification the mean of their probabilities', async () => {
    const spec = { kind: 'randomForest', nEstimators: 4, maxDepth: 3, seed: 2 };
    for (const [data, X] of [
      [friedman.train, friedman.Xtest],
      [train, Xtest],
    ] as const) {
      const model = await fit(spec, data);
      const { forest } = stateOf(model);
      const k = forest.nOutputs;
      const mean = new Float64Array(X.rows * k);
      for (let t = 0; t < 4; t++) {
        const values = treeOutputs(forest, t, X);
        for (let i = 0; i < mean.length; i++) mean[i]! += values[i]! / 4;
      }
      const predicted = outputs(model, X);
      for (let i = 0; i < mean.length; i++) assert.ok(Math.abs(mean[i]! - predicted[i]!) < 1e-12);
    }
  });

  test('the state holds a handful of arrays for all trees, and importances summing to 1', async () => {
    const model = await fit({ kind: 'randomForest', nEstimators: 30, seed: 1 }, train);
    const state = stateOf(model);
    assert.deepEqual(Object.keys(state).sort(), ['featureImportances', 'forest']);
    assert.deepEqual(Object.keys(state.forest).sort(), [
      'feature',
      'leafStart',
      'left',
      'nOutputs',
      'nodeStart',
      'right',
      'threshold',
      'value',
    ]);
    assert.equal(state.forest.nodeStart.length, 31);
    assert.equal(state.forest.value.length, 3 * state.forest.leafStart[30]!);
    // A binary tree has one more leaf than split nodes.
    assert.equal(state.forest.leafStart[30]! - state.forest.nodeStart[30]!, 30);
    const sum = state.featureImportances.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-12);
  });

  test('oobScore keeps the out-of-bag score and predictions on the state', async () => {
    const model = await fit({ kind: 'randomForest', nEstimators: 40, oobScore: true, seed: 3 }, train);
    const state = stateOf(model);
    assert.ok(state.oobScore! > 0.6 && state.oobScore! <= 1);
    assert.equal(state.oobPrediction!.length, 3 * train.X.rows);
    // With 40 trees every row is out of some bootstrap sample: its probabilities sum to 1.
    for (let r = 0; r < train.X.rows; r++) {
      const sum =
        state.oobPrediction![3 * r]! + state.oobPrediction![3 * r + 1]! + state.oobPrediction![3 * r + 2]!;
      assert.ok(Math.abs(sum - 1) < 1e-12);
    }
  });

  test('the forest is the same, byte for byte, whatever the executor runs and in whatever order', async () => {
    const spec = {
      kind: 'randomForest',
      nEstimators: 13,
      oobScore: true,
      classWeight: 'balanced_subsample',
      seed: 4,
    };
    const weighted = {
      ...train,
      sampleWeight: Float64Array.from({ length: train.X.rows }, (_, i) => 1 + (i % 2)),
    };
    const alone = await fit({ ...spec, nJobs: 1 }, weighted);
    const pooled = await fit({ ...spec, nJobs: 3 }, weighted, { executor: scramblingExecutor(3) });
    assert.equal(JSON.stringify(toPlain(pooled.state)), JSON.stringify(toPlain(alone.state)));
  });

  test('compileRowPredictor predicts one row as predict does, through the forest’s row path', async () => {
    const regressor = await fit({ kind: 'randomForest', nEstimators: 10, seed: 1 }, friedman.train);
    const classifier = await fit({ kind: 'extraTrees', nEstimators: 10, seed: 1 }, train);
    assert.ok(regressor.task === 'regression' && classifier.task !== 'regression');
    const predictRow = compileRowPredictor(regressor);
    const probaRow = compileRowPredictor(classifier);
    const values = regressor.predict(friedman.Xtest);
    const proba = classifier.predictProba(Xtest).data;
    const out = new Float64Array(3);
    for (let i = 0; i < 20; i++) {
      const cols = friedman.Xtest.cols;
      assert.equal(predictRow(friedman.Xtest.data.subarray(i * cols, (i + 1) * cols)), values[i]);
      probaRow(Xtest.data.subarray(i * Xtest.cols, (i + 1) * Xtest.cols), out);
      assert.deepEqual([...out], [...proba.subarray(3 * i, 3 * i + 3)]);
    }
  });

  test('progress is reported up to all trees', async () => {
    const fractions: number[] = [];
    await fit({ kind: 'randomForest', nEstimators: 20 }, train, {
      onProgress: (fraction) => fractions.push(fraction),
    });
    assert.equal(fractions.at(-1), 1);
    assert.ok(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!));
  });

  test('the default maxFeatures is all features for regression and sqrt for classification', async () => {
    const data = makeFriedman1({ nSamples: 200, nFeatures: 9, seed: 1 });
    const auto = await fit({ kind: 'randomForest', nEstimators: 5, seed: 1 }, data);
    const all = await fit({ kind: 'randomForest', nEstimators: 5, seed: 1, maxFeatures: null }, data);
    assert.deepEqual(outputs(auto, data.X), outputs(all, data.X));
    const autoC = await fit({ kind: 'randomForest', nEstimators: 5, seed: 1 }, train);
    const sqrtC = await fit({ kind: 'randomForest', nEstimators: 5, seed: 1, maxFeatures: 'sqrt' }, train);
    assert.deepEqual(outputs(autoC, Xtest), outputs(sqrtC, Xtest));
  });
});

describe('randomForest refuses bad input, naming it', () => {
  const X = matrix([[0], [1], [2], [3], [4], [5]]);
  const features = [{ name: 'x', kind: 'numeric' as const }];
  const regression = { task: 'regression' as const, X, features, y: Float64Array.of(1, 2, 3, 4, 5, 6) };
  const binary = {
    task: 'binary' as const,
    X,
    features,
    y: Int32Array.of(0, 0, 1, 1, 0, 1),
    classes: ['no', 'yes'],
  };

  const cases: [string, Record<string, unknown>, TrainingData, RegExp][] = [
    [
      'oobScore without bootstrap',
      { oobScore: true, bootstrap: false },
      regression,
      /randomForest: oobScore needs bootstrap: true .*received bootstrap: false/,
    ],
    [
      'maxSamples without bootstrap',
      { maxSamples: 0.5, bootstrap: false },
      regression,
      /randomForest: maxSamples needs bootstrap: true .*received maxSamples: 0.5 with bootstrap: false/,
    ],
    [
      'more maxSamples than rows',
      { maxSamples: 7 },
      regression,
      /randomForest: maxSamples is 7 but the data have only 6 rows/,
    ],
    [
      'a maxSamples of 0',
      { maxSamples: 0 },
      regression,
      /randomForest: parameter "maxSamples" must be a number > 0 and ≤ 1 or an integer ≥ 2 or null; received 0/,
    ],
    [
      'a fractional count of trees',
      { nEstimators: 2.5 },
      regression,
      /parameter "nEstimators" must be an integer ≥ 1; received 2.5/,
    ],
    ['nJobs 0', { nJobs: 0 }, regression, /parameter "nJobs" must be an integer ≥ 1 or null; received 0/],
    [
      'an unknown maxFeatures',
      { maxFeatures: 'all' },
      regression,
      /parameter "maxFeatures" must be one of "auto", "sqrt", "log2" or a number > 0 and ≤ 1 or an integer ≥ 2 or null; received "all"/,
    ],
    [
      'classWeight on a regression target',
      { classWeight: 'balanced' },
      regression,
      /randomForest: classWeight is for classification; received "balanced" with a regression target/,
    ],
    [
      'an unknown classWeight preset',
      { classWeight: 'even' },
      binary,
      /parameter "classWeight" must be one of "balanced", "balanced_subsample" or an object or null/,
    ],
    [
      'a classWeight for a label that is not a class',
      { classWeight: { maybe: 2 } },
      binary,
      /classWeight names class "maybe", which is not among the classes \(no, yes\)/,
    ],
    [
      'a classification criterion for regression',
      { criterion: 'gini' },
      regression,
      /randomForest: criterion "gini" is for classification/,
    ],
    [
      'more maxFeatures than features',
      { maxFeatures: 3 },
      regression,
      /maxFeatures is 3 but the data have only 1 features/,
    ],
  ];
  for (const [what, params, data, message] of cases) {
    test(what, async () => {
      await assert.rejects(fit({ kind: 'randomForest', ...params }, data), message);
    });
  }
});
