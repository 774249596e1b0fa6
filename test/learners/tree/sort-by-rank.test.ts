import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortByRank } from '../../../src/learners/tree/sort-by-rank.js';
import { createRandom } from '../../../src/random.js';

function check(n: number, maxKey: number, start: number, end: number): void {
  const random = createRandom(n + maxKey);
  const keys = Uint32Array.from({ length: n }, () => random.int(maxKey + 1));
  const rows = Uint32Array.from({ length: n }, (_, i) => i);
  const before = { keys: keys.slice(), rows: rows.slice() };
  const bits = Math.max(1, Math.ceil(Math.log2(maxKey + 1)));
  sortByRank(keys, rows, start, end, bits, new Uint32Array(n), new Uint32Array(n));
  // Expected: a stable sort of the pairs in [start, end), the rest untouched.
  const expected = [...before.rows.subarray(start, end)].sort(
    (a, b) => before.keys[a]! - before.keys[b]! || a - b,
  );
  assert.deepEqual([...rows.subarray(start, end)], expected);
  assert.deepEqual(
    [...keys.subarray(start, end)],
    expected.map((r) => before.keys[r]!),
  );
  assert.deepEqual(keys.subarray(0, start), before.keys.subarray(0, start));
  assert.deepEqual(rows.subarray(end), before.rows.subarray(end));
}

test('sortByRank sorts keys with their rows, stably, by insertion below 48 and by radix above', () => {
  check(10, 5, 0, 10);
  check(40, 1000, 3, 37);
  check(500, 3, 0, 500);
  check(5000, 70000, 100, 4900); // three 8-bit digits: the result ends in the spare buffers first
  check(3000, 255, 10, 3000);
});
