import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix, range } from '../../../src/data/matrix.js';
import { buildTree, type TreeOptions } from '../../../src/learners/tree/build-tree.js';
import type { TreeTarget } from '../../../src/learners/tree/criterion.js';
import { PRESORT_LIMIT } from '../../../src/learners/tree/presorted-search.js';
import { bestSearchKind } from '../../../src/learners/tree/splitter.js';
import { prepareColumns } from '../../../src/learners/tree/tree-columns.js';
import { createRandom } from '../../../src/random.js';
import { fixtureData } from '../knn-tree-fixture.js';

const options: TreeOptions = {
  criterion: 'squared_error',
  maxDepth: Number.POSITIVE_INFINITY,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  maxFeatures: 8,
  minImpurityDecrease: 0,
  maxLeafNodes: Number.POSITIVE_INFINITY,
};

function targetOf(name: string): { X: ReturnType<typeof fixtureData>['train']['X']; target: TreeTarget } {
  const { train } = fixtureData(name);
  const target: TreeTarget =
    train.task === 'regression'
      ? { kind: 'regression', y: train.y }
      : { kind: 'classification', y: train.y, nClasses: train.classes.length };
  return { X: train.X, target };
}

// Class counts are exact whatever the order rows are summed in; sums of regression targets are not,
// so where two features split a small node into the same two parts (mirrored), the tie may break
// either way: regression trees here keep 5 rows per leaf. (Without the sort order, the 'best'
// splitter rank-sorts in each node.)
test('presorted columns and rank-sorting in each node grow the same trees', () => {
  for (const [name, criterion, minSamplesLeaf] of [
    ['friedman', 'squared_error', 5],
    ['classification', 'gini', 1],
    ['classification', 'entropy', 1],
  ] as const) {
    const { X, target } = targetOf(name);
    for (const extra of [{}, { maxFeatures: 5 }, { maxLeafNodes: 10 }, { minSamplesLeaf: 6 }]) {
      const grow = (withOrder: boolean) =>
        buildTree(
          prepareColumns(X, withOrder),
          target,
          Uint32Array.from([...range(X.rows), 5, 5, 17]),
          { ...options, criterion, minSamplesLeaf, maxFeatures: X.cols, ...extra },
          createRandom(3),
        );
      const presorted = grow(true);
      const sorted = grow(false);
      assert.deepEqual(presorted.tree.feature, sorted.tree.feature, `${name} ${JSON.stringify(extra)}`);
      assert.deepEqual(presorted.tree.threshold, sorted.tree.threshold);
      assert.deepEqual(presorted.tree.left, sorted.tree.left);
      for (let i = 0; i < sorted.tree.value.length; i++) {
        assert.ok(Math.abs(presorted.tree.value[i]! - sorted.tree.value[i]!) <= 1e-12);
      }
    }
  }
});

test('the best splitter presorts when most features are tried and the lists fit, else rank-sorts', () => {
  assert.equal(bestSearchKind(1000, 20, 20), 'presorted');
  assert.equal(bestSearchKind(1000, 20, 11), 'presorted');
  assert.equal(bestSearchKind(1000, 20, 10), 'rank');
  assert.equal(bestSearchKind(PRESORT_LIMIT / 4 + 1, 4, 4), 'rank');
});

test('the random splitter draws the threshold between the smallest and largest value of the node', () => {
  const X = matrix([[2], [3], [5], [8], [13], [21]]);
  const y = Float64Array.of(1, 2, 3, 4, 5, 6);
  const thresholds = new Set<number>();
  for (let seed = 0; seed < 30; seed++) {
    const { tree } = buildTree(
      X,
      { kind: 'regression', y },
      range(6),
      { ...options, maxFeatures: 1, maxDepth: 1, splitter: 'random' },
      createRandom(seed),
    );
    const t = tree.threshold[0]!;
    assert.ok(t >= 2 && t < 21, `threshold ${t}`);
    thresholds.add(t);
  }
  assert.equal(thresholds.size, 30);
});

test('the random splitter keeps the best of its draws and respects minSamplesLeaf', () => {
  const { X, target } = targetOf('friedman');
  for (let seed = 0; seed < 5; seed++) {
    const { tree } = buildTree(
      X,
      target,
      range(X.rows),
      { ...options, minSamplesLeaf: 7, splitter: 'random' },
      createRandom(seed),
    );
    // Count the training rows reaching each node: every leaf keeps at least 7.
    const counts = new Int32Array(tree.feature.length);
    for (let i = 0; i < X.rows; i++) {
      let node = 0;
      counts[0]!++;
      while (tree.left[node]! >= 0) {
        const goLeft = X.data[i * X.cols + tree.feature[node]!]! <= tree.threshold[node]!;
        node = goLeft ? tree.left[node]! : tree.right[node]!;
        counts[node]!++;
      }
    }
    tree.left.forEach((child, node) => {
      if (child < 0) assert.ok(counts[node]! >= 7, `leaf ${node} has ${counts[node]} rows`);
    });
  }
});

test('the random splitter finds a clean split when one exists among its draws', () => {
  // Two groups far apart: any threshold between them separates the classes.
  const X = matrix([[0], [0.1], [0.2], [10], [10.1], [10.2]]);
  const { tree } = buildTree(
    X,
    { kind: 'classification', y: Int32Array.of(0, 0, 0, 1, 1, 1), nClasses: 2 },
    range(6),
    { ...options, criterion: 'gini', maxFeatures: 1, splitter: 'random' },
    createRandom(1),
  );
  const leaves = [...tree.left.keys()].filter((node) => tree.left[node]! < 0);
  for (const leaf of leaves) {
    const p = tree.value.subarray(2 * leaf, 2 * leaf + 2);
    assert.ok(p[0] === 1 || p[1] === 1, `leaf ${leaf} is mixed: ${[...p]}`);
  }
});
