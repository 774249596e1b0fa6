import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import {
  addEnsembleScores,
  addTreeScores,
  createEnsembleBuilder,
} from '../../../src/learners/boosting/tree-ensemble.js';
import type { TreeArrays } from '../../../src/learners/tree/tree-arrays.js';

// x0 <= 0.5 ? (x1 <= 0.5 ? node 2 : node 3) : node 4
const deep: TreeArrays = {
  nOutputs: 1,
  feature: Int32Array.of(0, 1, -1, -1, -1),
  threshold: Float64Array.of(0.5, 0.5, 0, 0, 0),
  left: Int32Array.of(1, 2, -1, -1, -1),
  right: Int32Array.of(4, 3, -1, -1, -1),
  value: new Float64Array(5),
};
const stump: TreeArrays = {
  nOutputs: 1,
  feature: Int32Array.of(1, -1, -1),
  threshold: Float64Array.of(0.25, 0, 0),
  left: Int32Array.of(1, -1, -1),
  right: Int32Array.of(2, -1, -1),
  value: new Float64Array(3),
};
const X = matrix([
  [0, 0],
  [0, 1],
  [1, 0],
]);

test('concatenated trees predict the sum of their leaf values', () => {
  const builder = createEnsembleBuilder(1);
  builder.add(deep, Float64Array.of(9, 9, 1, 2, 3)); // only leaves are read
  builder.add(stump, Float64Array.of(9, 10, 20));
  const ensemble = builder.finish();
  assert.deepEqual([...ensemble.treeStart], [0, 5, 8]);
  assert.deepEqual([...ensemble.left], [1, 2, -1, -1, -1, 6, -1, -1]);
  const out = Float64Array.of(100, 100, 100);
  addEnsembleScores(ensemble, X, out, 1, 0);
  assert.deepEqual([...out], [111, 122, 113]);
});

test('with several outputs, tree t feeds output t mod nOutputs at the given stride and offset', () => {
  const builder = createEnsembleBuilder(2);
  builder.add(deep, Float64Array.of(0, 0, 1, 2, 3));
  builder.add(stump, Float64Array.of(0, 10, 20));
  builder.add(stump, Float64Array.of(0, 100, 200));
  builder.add(deep, Float64Array.of(0, 0, 1000, 2000, 3000));
  const out = new Float64Array(9);
  addEnsembleScores(builder.finish(), X, out, 3, 1);
  assert.deepEqual([...out], [0, 101, 1010, 0, 202, 2020, 0, 103, 3010]);
});

test('addTreeScores adds one tree to one output', () => {
  const out = new Float64Array(6);
  addTreeScores(stump, Float64Array.of(0, 5, 7), X, out, 2, 1);
  assert.deepEqual([...out], [0, 5, 0, 7, 0, 5]);
});
