import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { Model } from '../../src/learners/types.js';
import { fixture, fixtureData, maxRelativeError } from './knn-tree-fixture.js';

const features = [{ name: 'x', kind: 'numeric' as const }];

describe('knn matches scikit-learn 1.2.1 (KNeighbors*, algorithm="brute")', () => {
  for (const c of fixture.knn) {
    const title = `${c.dataset}: nNeighbors ${c.nNeighbors}, weights "${c.weights}", p ${c.p}`;
    test(title, async () => {
      const { train, Xtest } = fixtureData(c.dataset);
      const model = await fit({ kind: 'knn', nNeighbors: c.nNeighbors, weights: c.weights, p: c.p }, train);
      // scikit-learn's euclidean distances (|x|² - 2 x·y + |y|²) are off by up to c.distanceError
      // (1e-9 on the unscaled penguins); ours are exact, so distance weights may differ that much.
      const tolerance = Math.max(1e-12, c.distanceError);
      if (model.task === 'regression') {
        assert.ok(maxRelativeError(model.predict(Xtest), c.predict) <= tolerance);
      } else {
        assert.deepEqual([...model.predict(Xtest)], c.predict);
        assert.ok(maxRelativeError(model.predictProba(Xtest).data, c.proba!) <= tolerance);
      }
    });
  }

  test('the grid datasets do have ties in distance at the k-th neighbour', () => {
    const tied = fixture.knn.filter((c) => c.dataset.startsWith('grid') && c.boundaryTie.length > 0);
    assert.equal(tied.length, 24);
  });
});

describe('knn closed forms', () => {
  const X = matrix([[0], [1], [2], [4]]);
  const regression = { task: 'regression' as const, X, features, y: Float64Array.of(10, 20, 30, 50) };

  test('regression averages the k nearest targets, or weights them by 1 / distance', async () => {
    const uniform = (await fit({ kind: 'knn', nNeighbors: 2 }, regression)) as Model & { task: 'regression' };
    assert.deepEqual([...uniform.predict(matrix([[0.4], [3.5]]))], [15, 40]);
    const distance = await fit({ kind: 'knn', nNeighbors: 2, weights: 'distance' }, regression);
    if (distance.task !== 'regression') assert.fail('expected a regressor');
    // 0.25 from x = 1 (weight 4), 0.75 from x = 2 (weight 4/3): (4·20 + 4/3·30) / (16/3) = 22.5.
    assert.ok(Math.abs(distance.predict(matrix([[1.25]]))[0]! - 22.5) < 1e-12);
  });

  test('an exact match takes all the weight with distance weights', async () => {
    const model = await fit({ kind: 'knn', nNeighbors: 3, weights: 'distance' }, regression);
    if (model.task !== 'regression') assert.fail('expected a regressor');
    assert.deepEqual([...model.predict(matrix([[2]]))], [30]);
  });

  test('p = 1 sums absolute differences (manhattan), p = 2 is euclidean', async () => {
    const X2 = matrix([
      [1, 1],
      [1.5, 0],
    ]);
    const twoFeatures = [...features, { name: 'z', kind: 'numeric' as const }];
    const data = { task: 'regression' as const, X: X2, features: twoFeatures, y: Float64Array.of(1, 2) };
    // From the origin: manhattan 2 and 1.5, euclidean 1.41 and 1.5.
    const manhattan = await fit({ kind: 'knn', nNeighbors: 1, p: 1 }, data);
    const euclidean = await fit({ kind: 'knn', nNeighbors: 1 }, data);
    if (manhattan.task !== 'regression' || euclidean.task !== 'regression')
      assert.fail('expected regressors');
    assert.deepEqual([...manhattan.predict(matrix([[0, 0]]))], [2]);
    assert.deepEqual([...euclidean.predict(matrix([[0, 0]]))], [1]);
  });

  test('a tie in distance goes to the earlier training row', async () => {
    const data = {
      task: 'regression' as const,
      X: matrix([[1], [-1], [1]]),
      features,
      y: Float64Array.of(1, 2, 3),
    };
    const model = await fit({ kind: 'knn', nNeighbors: 1 }, data);
    if (model.task !== 'regression') assert.fail('expected a regressor');
    assert.deepEqual([...model.predict(matrix([[0], [1]]))], [1, 1]);
  });

  test('classification gives vote shares as probabilities, rows summing to 1', async () => {
    const data = { task: 'binary' as const, X, features, y: Int32Array.of(0, 0, 1, 1), classes: ['a', 'b'] };
    const model = await fit({ kind: 'knn', nNeighbors: 3 }, data);
    if (model.task === 'regression') assert.fail('expected a classifier');
    const proba = model.predictProba(matrix([[0], [4]]));
    assert.deepEqual([...proba.data], [2 / 3, 1 / 3, 1 / 3, 2 / 3]);
    assert.deepEqual([...model.predict(matrix([[0], [4]]))], [0, 1]);
  });

  test('sample weights are ignored, as in scikit-learn', async () => {
    const weighted = { ...regression, sampleWeight: Float64Array.of(5, 1, 1, 0) };
    const a = await fit({ kind: 'knn', nNeighbors: 2 }, regression);
    const b = await fit({ kind: 'knn', nNeighbors: 2 }, weighted);
    if (a.task !== 'regression' || b.task !== 'regression') assert.fail('expected regressors');
    const Xq = matrix([[0.5], [3]]);
    assert.deepEqual(b.predict(Xq), a.predict(Xq));
  });
});

describe('knn refuses bad input, naming it', () => {
  const X = matrix([[0], [1], [2]]);
  const data = { task: 'regression' as const, X, features, y: Float64Array.of(1, 2, 3) };

  test('nNeighbors above the number of training rows names both numbers', async () => {
    await assert.rejects(
      fit({ kind: 'knn', nNeighbors: 4 }, data),
      /knn: nNeighbors is 4 but there are only 3 training rows/,
    );
  });

  const invalid: [Record<string, unknown>, RegExp][] = [
    [{ nNeighbors: 0 }, /parameter "nNeighbors" must be an integer ≥ 1; received 0/],
    [{ nNeighbors: 2.5 }, /parameter "nNeighbors" must be an integer ≥ 1; received 2.5/],
    [{ weights: 'inverse' }, /parameter "weights" must be one of "uniform", "distance"; received "inverse"/],
    [{ p: 0.5 }, /parameter "p" must be a number ≥ 1; received 0.5/],
  ];
  for (const [spec, message] of invalid) {
    test(`${JSON.stringify(spec)} is refused`, async () => {
      await assert.rejects(fit({ kind: 'knn', ...spec }, data), message);
    });
  }
});
