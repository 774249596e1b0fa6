import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import {
  concatForests,
  forestLeaf,
  forestRoots,
  packTrees,
  predictForest,
  predictForestRow,
} from '../../../src/learners/forest/forest-arrays.js';
import { predictTree, type TreeArrays } from '../../../src/learners/tree/tree-arrays.js';

// x ≤ 1.5 → 10, else x ≤ 3.5 → 20, else 30 (split nodes 0 and 2; leaves 1, 3, 4).
const stairs: TreeArrays = {
  nOutputs: 1,
  feature: Int32Array.of(0, -1, 0, -1, -1),
  threshold: Float64Array.of(1.5, 0, 3.5, 0, 0),
  left: Int32Array.of(1, -1, 3, -1, -1),
  right: Int32Array.of(2, -1, 4, -1, -1),
  value: Float64Array.of(20, 10, 25, 20, 30),
};
const leaf: TreeArrays = {
  nOutputs: 1,
  feature: Int32Array.of(-1),
  threshold: Float64Array.of(0),
  left: Int32Array.of(-1),
  right: Int32Array.of(-1),
  value: Float64Array.of(7),
};
const X = matrix([[0], [2], [5]]);

test('packTrees keeps only split nodes and leaf values; a child < 0 is the leaf ~child', () => {
  const forest = packTrees([stairs, leaf], 1);
  assert.deepEqual([...forest.feature], [0, 0]);
  assert.deepEqual([...forest.threshold], [1.5, 3.5]);
  assert.deepEqual([...forest.left], [~0, ~1]);
  assert.deepEqual([...forest.right], [1, ~2]);
  assert.deepEqual([...forest.value], [10, 20, 30, 7]);
  assert.deepEqual([...forest.nodeStart], [0, 2, 2]);
  assert.deepEqual([...forest.leafStart], [0, 3, 4]);
  // The second tree is a single leaf: its root is ~leaf.
  assert.deepEqual([...forestRoots(forest)], [0, ~3]);
  assert.equal(forestLeaf(forest, ~3, X.data, 0), 3);
});

test('predictForest is the mean of the trees’ predictions', () => {
  const forest = packTrees([stairs, leaf, stairs], 1);
  const p = predictForest(forest, forestRoots(forest), X);
  const single = predictTree(stairs, X);
  assert.deepEqual(
    [...p],
    [...single].map((v) => (2 * v + 7) / 3),
  );
});

test('concatForests gives the same forest as packing every tree at once', () => {
  const whole = packTrees([stairs, leaf, stairs, leaf], 1);
  const parts = concatForests([packTrees([stairs, leaf], 1), packTrees([stairs], 1), packTrees([leaf], 1)]);
  assert.deepEqual(parts, whole);
});

test('class probabilities: nOutputs values per leaf, averaged over trees', () => {
  const proba: TreeArrays = {
    nOutputs: 2,
    feature: Int32Array.of(0, -1, -1),
    threshold: Float64Array.of(1, 0, 0),
    left: Int32Array.of(1, -1, -1),
    right: Int32Array.of(2, -1, -1),
    value: Float64Array.of(0.5, 0.5, 1, 0, 0.25, 0.75),
  };
  const flat: TreeArrays = { ...leaf, nOutputs: 2, value: Float64Array.of(0.5, 0.5) };
  const forest = packTrees([proba, flat], 2);
  assert.deepEqual(
    [...predictForest(forest, forestRoots(forest), X)],
    [0.75, 0.25, 0.375, 0.625, 0.375, 0.625],
  );
});

test('predictForestRow gives predictForest’s values for one row, into out', () => {
  const forest = packTrees([stairs, leaf, stairs], 1);
  const roots = forestRoots(forest);
  const all = predictForest(forest, roots, X);
  const out = new Float64Array(1);
  for (let i = 0; i < X.rows; i++) {
    predictForestRow(forest, roots, X.data.subarray(i, i + 1), out);
    assert.equal(out[0], all[i]);
  }
});
