import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix, range } from '../../../src/data/matrix.js';
import { buildTree, type TreeOptions } from '../../../src/learners/tree/build-tree.js';
import { findLeaf, predictTree } from '../../../src/learners/tree/tree-arrays.js';
import { createRandom } from '../../../src/random.js';

const options: TreeOptions = {
  criterion: 'squared_error',
  maxDepth: Number.POSITIVE_INFINITY,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  maxFeatures: 1,
  minImpurityDecrease: 0,
  maxLeafNodes: Number.POSITIVE_INFINITY,
};

// y is a step function of x: 0 for x < 4, 10 for 4 ≤ x < 6, 30 from 6 on.
const X = matrix([[0], [1], [2], [3], [4], [5], [6], [7]]);
const y = Float64Array.of(0, 0, 0, 0, 10, 10, 30, 30);

test('buildTree grows until leaves are pure, numbering nodes depth first, left first', () => {
  const { tree, featureImportances } = buildTree(
    X,
    { kind: 'regression', y },
    range(8),
    options,
    createRandom(0),
  );
  // Root splits 0..5 | 6..7 (x ≤ 5.5), then 0..3 | 4..5 (x ≤ 3.5).
  assert.deepEqual([...tree.threshold.filter((_, i) => tree.left[i]! >= 0)], [5.5, 3.5]);
  assert.deepEqual([...tree.left], [1, 2, -1, -1, -1]);
  assert.deepEqual([...tree.right], [4, 3, -1, -1, -1]);
  assert.deepEqual([...predictTree(tree, X)], [...y]);
  assert.deepEqual([...featureImportances], [1]);
});

test('buildTree uses only the given rows (duplicates count twice) and leaves them unchanged', () => {
  const rows = Uint32Array.of(0, 1, 4, 4, 6);
  const { tree } = buildTree(
    X,
    { kind: 'regression', y },
    rows,
    { ...options, maxDepth: 1 },
    createRandom(0),
  );
  // Best stump on y = 0 0 10 10 30: {0 0 10 10} | {30} (squared errors 100, against 266.7 for {0 0} | {10 10 30}).
  assert.deepEqual([...tree.value], [10, 5, 30]);
  assert.deepEqual([...rows], [0, 1, 4, 4, 6]);
});

test('maxLeafNodes grows best first: the largest impurity decrease is split first', () => {
  const { tree } = buildTree(
    X,
    { kind: 'regression', y },
    range(8),
    { ...options, maxLeafNodes: 2 },
    createRandom(0),
  );
  assert.equal(tree.feature.length, 3);
  assert.equal(tree.threshold[0], 5.5);
  const three = buildTree(
    X,
    { kind: 'regression', y },
    range(8),
    { ...options, maxLeafNodes: 3 },
    createRandom(0),
  );
  assert.deepEqual([...predictTree(three.tree, X)], [...y]);
});

test('minImpurityDecrease stops splits that gain less (as a fraction of the whole tree)', () => {
  // Squared errors: 1200 at the root, 133.3 after x ≤ 5.5, 0 after x ≤ 3.5; gains per row 133.3 then 16.7.
  const stump = buildTree(
    X,
    { kind: 'regression', y },
    range(8),
    { ...options, minImpurityDecrease: 30 },
    createRandom(0),
  );
  assert.equal(stump.tree.feature.length, 3);
  const none = buildTree(
    X,
    { kind: 'regression', y },
    range(8),
    { ...options, minImpurityDecrease: 140 },
    createRandom(0),
  );
  assert.equal(none.tree.feature.length, 1);
});

test('findLeaf follows x ≤ threshold to the left, on any row of a row-major array', () => {
  const { tree } = buildTree(X, { kind: 'regression', y }, range(8), options, createRandom(0));
  const data = Float64Array.of(99, 5.5, 99, 5.6);
  assert.equal(tree.value[findLeaf(tree, data, 1)], 10);
  assert.equal(tree.value[findLeaf(tree, data, 3)], 30);
});
