import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createKernelCache } from '../../../src/learners/svm/kernel-cache.js';

/** A cache over an l × l "matrix" with entry (i, j) = 100 i + j, logging every fill. */
function tracked(l: number, budgetBytes: number) {
  const fills: [number, number, number][] = [];
  const cache = createKernelCache(l, budgetBytes, (i, row, from, to) => {
    fills.push([i, from, to]);
    for (let j = from; j < to; j++) row[j] = 100 * i + j;
  });
  return { cache, fills };
}

test('a cached row is computed once, and a longer request computes only the missing tail', () => {
  const { cache, fills } = tracked(5, 1 << 20);
  assert.deepEqual([...cache.get(2, 3)], [200, 201, 202]);
  assert.deepEqual([...cache.get(2, 2).subarray(0, 2)], [200, 201]);
  assert.deepEqual([...cache.get(2, 5)], [200, 201, 202, 203, 204]);
  assert.deepEqual(fills, [
    [2, 0, 3],
    [2, 3, 5],
  ]);
  assert.equal(cache.size, 5);
});

test('the least recently used row is evicted when the budget is reached, and never less than two rows fit', () => {
  // A budget of 0 bytes still holds two full rows (libsvm's minimum).
  const { cache, fills } = tracked(4, 0);
  cache.get(0, 4);
  cache.get(1, 4);
  cache.get(0, 4); // 0 is now the most recently used
  cache.get(2, 4); // evicts 1
  assert.equal(cache.size, 8);
  cache.get(0, 4);
  cache.get(1, 4);
  assert.deepEqual(
    fills.map(([i]) => i),
    [0, 1, 2, 1],
  );
});

test('a row handed out stays valid after the cache drops it', () => {
  const { cache } = tracked(3, 0);
  const row0 = cache.get(0, 3);
  cache.get(1, 3);
  cache.get(2, 3); // evicts 0
  assert.deepEqual([...row0], [0, 1, 2]);
});

test('swap exchanges two rows and the two entries of every other cached row', () => {
  const { cache, fills } = tracked(4, 1 << 20);
  cache.get(0, 4);
  cache.get(1, 4);
  cache.swap(0, 1);
  // Row at index 0 is the old row 1 with its entries 0 and 1 exchanged.
  assert.deepEqual([...cache.get(0, 4)], [101, 100, 102, 103]);
  assert.deepEqual([...cache.get(1, 4)], [1, 0, 2, 3]);
  assert.equal(fills.length, 2);
});

test('swap drops a cached row that holds one of the two entries but not the other', () => {
  const { cache, fills } = tracked(4, 1 << 20);
  cache.get(0, 2); // holds entries 0 and 1 only
  cache.swap(1, 3);
  assert.equal(cache.size, 0);
  cache.get(0, 2);
  assert.equal(fills.length, 2);
});
