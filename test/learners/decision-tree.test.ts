import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { subsetData } from '../../src/data/subset.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { TreeArrays } from '../../src/learners/tree/tree-arrays.js';
import type { Model, TrainingData } from '../../src/learners/types.js';
import { fixture, fixtureData, maxRelativeError, type TreeCase, testScore } from './knn-tree-fixture.js';

const x = [{ name: 'x', kind: 'numeric' as const }];

function stateOf(model: Model): { tree: TreeArrays; featureImportances: Float64Array } {
  return model.state as { tree: TreeArrays; featureImportances: Float64Array };
}

function title(c: TreeCase): string {
  return `${c.dataset} ${JSON.stringify(c.params)}${c.sampleWeight ? ' with sample weights' : ''}`;
}

describe('decisionTree against scikit-learn 1.2.1 (DecisionTree*)', () => {
  for (const c of fixture.tree) {
    if (c.seedInvariant) {
      test(`${title(c)}: the same tree (nodes, thresholds, importances, predictions)`, async () => {
        const { train, Xtest, ytest } = fixtureData(c.dataset, c.sampleWeight);
        const model = await fit({ kind: 'decisionTree', ...c.params }, train);
        const { tree, featureImportances } = stateOf(model);
        assert.equal(tree.feature.length, c.nodeCount);
        assert.deepEqual([...tree.feature], c.feature);
        assert.deepEqual([...tree.left], c.left);
        assert.deepEqual([...tree.right], c.right);
        c.threshold!.forEach((t, i) => {
          if (t !== null) assert.equal(tree.threshold[i], t, `threshold of node ${i}`);
        });
        assert.ok(maxRelativeError(featureImportances, c.featureImportances!) <= 1e-12);
        if (model.task === 'regression')
          assert.ok(maxRelativeError(model.predict(Xtest), c.predict!) <= 1e-12);
        else assert.deepEqual([...model.predict(Xtest)], c.predict);
        const score = testScore(model, Xtest, ytest);
        assert.ok(Math.abs(score - c.score) <= 0.01 * Math.abs(c.score), `score ${score} vs ${c.score}`);
      });
    } else {
      // scikit-learn breaks ties between features at random (its tree changes with random_state):
      // ours must land within its spread over 20 seeds, widened by 1%.
      test(`${title(c)}: score within scikit-learn's spread over seeds`, async () => {
        const { train, Xtest, ytest } = fixtureData(c.dataset, c.sampleWeight);
        const model = await fit({ kind: 'decisionTree', ...c.params }, train);
        const score = testScore(model, Xtest, ytest);
        const [low, high] = c.scoreRange;
        const slack = 0.01 * Math.max(Math.abs(low), Math.abs(high));
        assert.ok(score >= low - slack && score <= high + slack, `${score} ∉ [${low}, ${high}]`);
        if (c.params.maxFeatures === undefined) {
          const nodes = stateOf(model).tree.feature.length;
          assert.ok(nodes >= c.nodeCountRange[0] && nodes <= c.nodeCountRange[1], `${nodes} nodes`);
        }
      });
    }
  }

  for (const c of fixture.tree.filter((t) => t.params.maxFeatures !== undefined)) {
    test(`${title(c)}: the mean score over ${c.nSeeds} seeds is scikit-learn’s, within 3 standard errors`, async () => {
      const { train, Xtest, ytest } = fixtureData(c.dataset, c.sampleWeight);
      let sum = 0;
      for (let seed = 0; seed < c.nSeeds; seed++) {
        sum += testScore(await fit({ kind: 'decisionTree', ...c.params, seed }, train), Xtest, ytest);
      }
      const mean = sum / c.nSeeds;
      const tolerance = 3 * c.sdScore * Math.sqrt(2 / c.nSeeds);
      assert.ok(Math.abs(mean - c.meanScore) < tolerance, `mean ${mean} vs ${c.meanScore} ± ${tolerance}`);
    });
  }
});

describe('decisionTree closed forms', () => {
  const X = matrix([[0], [1], [2], [3]]);

  test('a stump splits at the midpoint between the two groups and predicts their means', async () => {
    const data = { task: 'regression' as const, X, features: x, y: Float64Array.of(1, 3, 10, 12) };
    const model = await fit({ kind: 'decisionTree', maxDepth: 1 }, data);
    const { tree } = stateOf(model);
    assert.deepEqual([...tree.feature], [0, -1, -1]);
    assert.equal(tree.threshold[0], 1.5);
    if (model.task !== 'regression') assert.fail('expected a regressor');
    assert.deepEqual([...model.predict(matrix([[1.5], [1.6]]))], [2, 11]);
  });

  test('sample weights move the best split and give weighted leaf means', async () => {
    const y = Float64Array.of(0, 2, 3, 6);
    // Sums of squared errors: unweighted {0 2 3} | {6} (4.67) beats {0 2} | {3 6} (6.5); with weight 5
    // on the first row, {0 2} | {3 6} (3.33 + 4.5 = 7.83) beats {0 2 3} | {6} (9.33).
    const plain = await fit({ kind: 'decisionTree', maxDepth: 1 }, { task: 'regression', X, features: x, y });
    assert.equal(stateOf(plain).tree.threshold[0], 2.5);
    const data = {
      task: 'regression' as const,
      X,
      features: x,
      y,
      sampleWeight: Float64Array.of(5, 1, 1, 1),
    };
    const weighted = await fit({ kind: 'decisionTree', maxDepth: 1 }, data);
    if (weighted.task !== 'regression') assert.fail('expected a regressor');
    assert.equal(stateOf(weighted).tree.threshold[0], 1.5);
    assert.deepEqual([...weighted.predict(matrix([[0], [3]]))], [1 / 3, 4.5]);
    // minSamplesLeaf counts rows, not weight: 3 per leaf leaves no split of 4 rows.
    const leaf = await fit({ kind: 'decisionTree', minSamplesLeaf: 3 }, data);
    if (leaf.task !== 'regression') assert.fail('expected a regressor');
    assert.equal(stateOf(leaf).tree.feature.length, 1);
    assert.equal(leaf.predict(matrix([[0]]))[0], 11 / 8);
  });

  test('integer sample weights grow the same tree as repeated rows', async () => {
    const { train, Xtest } = fixtureData('classification');
    const weights = Float64Array.from({ length: train.X.rows }, (_, i) => 1 + (i % 3));
    const repeated: number[] = [];
    weights.forEach((w, i) => {
      for (let k = 0; k < w; k++) repeated.push(i);
    });
    const a = await fit({ kind: 'decisionTree', maxDepth: 4 }, { ...train, sampleWeight: weights });
    const b = await fit({ kind: 'decisionTree', maxDepth: 4 }, subsetData(train, repeated));
    assert.ok(a.task !== 'regression' && b.task !== 'regression');
    assert.deepEqual([...stateOf(a).tree.feature], [...stateOf(b).tree.feature]);
    assert.ok(maxRelativeError(a.predictProba(Xtest).data, b.predictProba(Xtest).data) <= 1e-12);
  });

  test('classification leaves hold class proportions and feature importances sum to 1', async () => {
    const X2 = matrix([
      [0, 5],
      [1, 5],
      [2, 6],
      [3, 6],
      [4, 6],
    ]);
    const features = [...x, { name: 'z', kind: 'numeric' as const }];
    const data = {
      task: 'binary' as const,
      X: X2,
      features,
      y: Int32Array.of(0, 0, 1, 1, 0),
      classes: ['a', 'b'],
    };
    const model = await fit({ kind: 'decisionTree', maxDepth: 1 }, data);
    if (model.task === 'regression') assert.fail('expected a classifier');
    // Gini of {0,0} | {1,1,0} (x ≤ 1.5, or z ≤ 5.5: the same rows; the first feature wins the tie).
    assert.deepEqual([...stateOf(model).tree.feature], [0, -1, -1]);
    assert.deepEqual(
      [
        ...model.predictProba(
          matrix([
            [0, 5],
            [4, 6],
          ]),
        ).data,
      ],
      [1, 0, 1 / 3, 2 / 3],
    );
    assert.deepEqual([...stateOf(model).featureImportances], [1, 0]);
  });

  test('a constant target gives a single leaf and zero importances', async () => {
    const data = { task: 'regression' as const, X, features: x, y: Float64Array.of(2, 2, 2, 2) };
    const model = await fit({ kind: 'decisionTree' }, data);
    assert.equal(stateOf(model).tree.feature.length, 1);
    assert.deepEqual([...stateOf(model).featureImportances], [0]);
  });

  test('the same seed gives the same tree with random feature draws', async () => {
    const { train, Xtest } = fixtureData('friedman');
    const spec = { kind: 'decisionTree', maxFeatures: 'sqrt', seed: 4 };
    const a = await fit(spec, train);
    const b = await fit(spec, train);
    const c = await fit({ ...spec, seed: 5 }, train);
    assert.ok(a.task === 'regression' && b.task === 'regression' && c.task === 'regression');
    assert.deepEqual(a.predict(Xtest), b.predict(Xtest));
    assert.notDeepEqual(a.predict(Xtest), c.predict(Xtest));
  });
});

describe('decisionTree refuses bad input, naming it', () => {
  const X = matrix([[0], [1], [2], [3]]);
  const regression = { task: 'regression' as const, X, features: x, y: Float64Array.of(1, 2, 3, 4) };
  const classification = {
    task: 'binary' as const,
    X,
    features: x,
    y: Int32Array.of(0, 1, 0, 1),
    classes: ['a', 'b'],
  };

  test('a criterion of the other task', async () => {
    await assert.rejects(
      fit({ kind: 'decisionTree', criterion: 'gini' }, regression),
      /decisionTree: criterion "gini" is for classification; for regression use "squared_error"/,
    );
    await assert.rejects(
      fit({ kind: 'decisionTree', criterion: 'squared_error' }, classification),
      /decisionTree: criterion "squared_error" is for regression; for classification use "gini" or "entropy"/,
    );
  });

  test('maxFeatures above the number of features', async () => {
    await assert.rejects(
      fit({ kind: 'decisionTree', maxFeatures: 3 }, regression),
      /decisionTree: maxFeatures is 3 but the data have only 1 features/,
    );
  });

  const invalid: [Record<string, unknown>, RegExp][] = [
    [{ maxDepth: 0 }, /parameter "maxDepth" must be an integer ≥ 1 or null; received 0/],
    [
      { minSamplesSplit: 1 },
      /parameter "minSamplesSplit" must be an integer ≥ 2 or a number > 0 and < 1; received 1/,
    ],
    [
      { minSamplesLeaf: 0.7 },
      /parameter "minSamplesLeaf" must be an integer ≥ 1 or a number > 0 and ≤ 0.5; received 0.7/,
    ],
    [
      { maxFeatures: 'all' },
      /parameter "maxFeatures" must be one of "sqrt", "log2" or .* or null; received "all"/,
    ],
    [
      { maxFeatures: 0 },
      /parameter "maxFeatures" must be .*a number > 0 and ≤ 1 or an integer ≥ 2 or null; received 0/,
    ],
    [{ minImpurityDecrease: -1 }, /parameter "minImpurityDecrease" must be a number ≥ 0; received -1/],
    [{ maxLeafNodes: 1 }, /parameter "maxLeafNodes" must be an integer ≥ 2 or null; received 1/],
    [
      { criterion: 'mse' },
      /parameter "criterion" must be one of "auto", "squared_error", "gini", "entropy"; received "mse"/,
    ],
    [{ seed: -1 }, /parameter "seed" must be an integer ≥ 0/],
  ];
  for (const [spec, message] of invalid) {
    test(`${JSON.stringify(spec)} is refused`, async () => {
      await assert.rejects(fit({ kind: 'decisionTree', ...spec }, regression), message);
    });
  }
});

describe('decisionTree splitter and class weights', () => {
  const { train, Xtest } = fixtureData('classification');
  const classification = train as Extract<TrainingData, { task: 'multiclass' | 'binary' }>;

  test('classWeight multiplies the rows of each class, as sampleWeight would', async () => {
    const a = await fit({ kind: 'decisionTree', maxDepth: 4, classWeight: { c1: 3 } }, train);
    const sampleWeight = Float64Array.from(classification.y, (c) => (c === 1 ? 3 : 1));
    const b = await fit({ kind: 'decisionTree', maxDepth: 4 }, { ...train, sampleWeight });
    assert.ok(a.task !== 'regression' && b.task !== 'regression');
    assert.deepEqual([...stateOf(a).tree.feature], [...stateOf(b).tree.feature]);
    assert.deepEqual(a.predictProba(Xtest).data, b.predictProba(Xtest).data);
  });

  test('classWeight "balanced" weighs each class n / (classes · count)', async () => {
    const counts = [0, 0, 0];
    for (const c of classification.y) counts[c]!++;
    const n = classification.y.length;
    const sampleWeight = Float64Array.from(classification.y, (c) => n / (3 * counts[c]!));
    const a = await fit({ kind: 'decisionTree', maxDepth: 3, classWeight: 'balanced' }, train);
    const b = await fit({ kind: 'decisionTree', maxDepth: 3 }, { ...train, sampleWeight });
    assert.ok(a.task !== 'regression' && b.task !== 'regression');
    assert.deepEqual(a.predictProba(Xtest).data, b.predictProba(Xtest).data);
  });

  test('rows weighing 0 are left out, as if they were not there', async () => {
    const keep = Array.from({ length: train.X.rows }, (_, i) => i).filter((i) => i % 3 !== 0);
    const sampleWeight = Float64Array.from({ length: train.X.rows }, (_, i) => (i % 3 === 0 ? 0 : 1));
    // minSamplesLeaf counts rows: zero-weight rows would otherwise count.
    const a = await fit({ kind: 'decisionTree', minSamplesLeaf: 4 }, { ...train, sampleWeight });
    const b = await fit({ kind: 'decisionTree', minSamplesLeaf: 4 }, subsetData(train, keep));
    assert.ok(a.task !== 'regression' && b.task !== 'regression');
    assert.deepEqual(a.predictProba(Xtest).data, b.predictProba(Xtest).data);
  });

  test('splitter "random" grows a different tree per seed, the same for the same seed', async () => {
    const spec = { kind: 'decisionTree', splitter: 'random', maxDepth: 6 };
    const a = await fit({ ...spec, seed: 1 }, train);
    const b = await fit({ ...spec, seed: 1 }, train);
    const c = await fit({ ...spec, seed: 2 }, train);
    const best = await fit({ kind: 'decisionTree', maxDepth: 6 }, train);
    assert.deepEqual(stateOf(a).tree.threshold, stateOf(b).tree.threshold);
    assert.notDeepEqual(stateOf(a).tree.threshold, stateOf(c).tree.threshold);
    assert.notDeepEqual(stateOf(a).tree.threshold, stateOf(best).tree.threshold);
  });

  test('bad splitter and class weights are refused, naming them', async () => {
    await assert.rejects(
      fit({ kind: 'decisionTree', splitter: 'fast' }, train),
      /parameter "splitter" must be one of "best", "random"; received "fast"/,
    );
    await assert.rejects(
      fit({ kind: 'decisionTree', classWeight: 'balanced_subsample' }, train),
      /parameter "classWeight" must be one of "balanced" or an object or null; received "balanced_subsample"/,
    );
    await assert.rejects(
      fit({ kind: 'decisionTree', classWeight: { c9: 2 } }, train),
      /decisionTree: classWeight names class "c9", which is not among the classes \(c0, c1, c2\)/,
    );
    await assert.rejects(
      fit({ kind: 'decisionTree', classWeight: { c1: -1 } }, train),
      /decisionTree: classWeight for class "c1" must be a number ≥ 0; received -1/,
    );
  });
});
