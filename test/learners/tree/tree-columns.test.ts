import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { prepareColumns, withRanks } from '../../../src/learners/tree/tree-columns.js';

const X = matrix([
  [3, 0.5],
  [1, 0.5],
  [2, -1],
  [1, 7],
]);

test('prepareColumns: the columns one after the other; sorted, each column’s order and dense ranks', () => {
  const plain = prepareColumns(X, false);
  assert.deepEqual([...plain.columns], [3, 1, 2, 1, 0.5, 0.5, -1, 7]);
  assert.equal(plain.order, undefined);
  const sorted = prepareColumns(X, true);
  const order = [...sorted.order!];
  // Rows 1 and 3 tie in column 0 (value 1), rows 0 and 1 in column 1 (0.5): either order is sorted.
  assert.deepEqual(new Set(order.slice(0, 2)), new Set([1, 3]));
  assert.deepEqual(order.slice(2, 4), [2, 0]);
  assert.equal(order[4], 2);
  assert.deepEqual(new Set(order.slice(5, 7)), new Set([0, 1]));
  assert.equal(order[7], 3);
  assert.deepEqual([...sorted.ranks!], [2, 0, 1, 0, 1, 1, 0, 2]);
  assert.equal(sorted.rankBits, 2);
});

test('withRanks makes the ranks from the order (or from scratch) when they are missing', () => {
  const sorted = prepareColumns(X, true);
  const { ranks, rankBits } = withRanks({ ...sorted, ranks: undefined, rankBits: undefined });
  assert.deepEqual(ranks, sorted.ranks);
  assert.equal(rankBits, sorted.rankBits);
  assert.deepEqual(withRanks(prepareColumns(X, false)).ranks, sorted.ranks);
  assert.equal(withRanks(sorted), sorted);
});
