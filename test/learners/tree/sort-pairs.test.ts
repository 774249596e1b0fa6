import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortPairs } from '../../../src/learners/tree/sort-pairs.js';
import { createRandom } from '../../../src/random.js';

for (const [label, draw] of [
  ['distinct values', (r: () => number) => r()],
  ['many repeated values', (r: () => number) => Math.floor(r() * 5)],
  ['already sorted', (_r: () => number, i: number) => i],
  ['reversed', (_r: () => number, i: number) => -i],
] as const) {
  test(`sortPairs sorts values and moves rows with them (${label})`, () => {
    const random = createRandom(7);
    const n = 1000;
    const original = Float64Array.from({ length: n }, (_, i) => draw(() => random.next(), i));
    const values = original.slice();
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    sortPairs(values, rows, 10, n - 10);
    const expected = Array.from(original.subarray(10, n - 10)).sort((a, b) => a - b);
    assert.deepEqual([...values.subarray(10, n - 10)], expected);
    for (let i = 0; i < n; i++) assert.equal(values[i], original[rows[i]!]);
    assert.deepEqual([...rows.subarray(0, 10)], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
}
