import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { createColumnShuffler, originalFeatures } from '../../../src/learners/boosting/column-shuffler.js';
import type { TreeArrays } from '../../../src/learners/tree/tree-arrays.js';
import { prepareColumns } from '../../../src/learners/tree/tree-columns.js';
import { createRandom } from '../../../src/random.js';

test('column j of the shuffled copy is column order[j] of X (values and sort order), new per call', () => {
  const X = matrix([
    [1, 2, 3, 4],
    [5, 6, 7, 8],
    [0, 9, 9, 1],
  ]);
  const prepared = prepareColumns(X, true);
  const shuffle = createColumnShuffler(prepared, createRandom(2));
  const orders = new Set<string>();
  for (let t = 0; t < 20; t++) {
    const { columns, order } = shuffle();
    orders.add(order.join());
    for (let j = 0; j < 4; j++) {
      for (let i = 0; i < 3; i++) {
        assert.equal(columns.columns[j * 3 + i], X.data[i * 4 + order[j]!]);
        assert.equal(columns.order![j * 3 + i], prepared.order![order[j]! * 3 + i]);
      }
    }
  }
  assert.ok(orders.size > 5);
  assert.deepEqual([...prepared.columns], [1, 5, 0, 2, 6, 9, 3, 7, 9, 4, 8, 1]);
});

test('originalFeatures maps split features back and leaves leaves alone', () => {
  const tree: TreeArrays = {
    nOutputs: 1,
    feature: Int32Array.of(0, 1, -1, -1, -1),
    threshold: new Float64Array(5),
    left: Int32Array.of(1, 2, -1, -1, -1),
    right: Int32Array.of(4, 3, -1, -1, -1),
    value: new Float64Array(5),
  };
  assert.deepEqual([...originalFeatures(tree, Int32Array.of(2, 0, 1)).feature], [2, 0, -1, -1, -1]);
  assert.deepEqual([...tree.feature], [0, 1, -1, -1, -1]);
});
