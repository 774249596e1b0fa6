import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPartition, leftBins, partitionHalf } from '../../../src/learners/hgb/partition.js';
import { noSplit } from '../../../src/learners/hgb/split-info.js';
import { createRandom, shuffleInPlace } from '../../../src/random.js';

test('the two halves of a partition put left rows first and right rows after, both in their original order', () => {
  const column = Uint8Array.of(0, 5, 1, 7, 0, 9, 2, 255, 3);
  const rows = Uint32Array.of(99, 0, 1, 2, 3, 4, 5, 6, 7, 8, 98);
  const goesLeft = new Uint8Array(256);
  goesLeft[0] = 1;
  goesLeft[1] = 1;
  goesLeft[2] = 1;
  // Rows 0 … 8 at positions 1 … 9; rows 0, 2, 4, 6 go left.
  const node = { start: 1, count: 9, nLeft: 4 };
  const target = Uint32Array.of(11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21);
  // Half 0 is rows 0 … 3 (two go left), half 1 rows 4 … 8 (two go left), whichever runs first.
  assert.equal(partitionHalf(rows, target, node, 1, column, goesLeft), 2);
  assert.equal(partitionHalf(rows, target, node, 0, column, goesLeft), 2);
  assert.deepEqual([...target], [11, 0, 2, 4, 6, 1, 3, 5, 7, 8, 21]);
  assert.deepEqual([...rows], [99, 0, 1, 2, 3, 4, 5, 6, 7, 8, 98], 'the source is left alone');
});

test('a random partition by halves equals a stable sort by side, and every row lands once', () => {
  const random = createRandom(3);
  for (let trial = 0; trial < 50; trial++) {
    const n = 1 + random.int(300);
    const column = Uint8Array.from({ length: n }, () => random.int(256));
    const goesLeft = Uint8Array.from({ length: 256 }, () => (random.next() < 0.3 ? 1 : 0));
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    shuffleInPlace(rows, random);
    const start = random.int(n);
    const count = random.int(n - start + 1);
    const node = rows.subarray(start, start + count);
    const left = node.filter((r) => goesLeft[column[r]!] === 1);
    const expected = Uint32Array.from([...left, ...node.filter((r) => goesLeft[column[r]!] === 0)]);
    const job = { start, count, nLeft: left.length };
    const target = new Uint32Array(n).fill(0xffffffff);
    const sent =
      partitionHalf(rows, target, job, 0, column, goesLeft) +
      partitionHalf(rows, target, job, 1, column, goesLeft);
    assert.equal(sent, left.length);
    checkPartition(job, sent, 0);
    assert.deepEqual(target.subarray(start, start + count), expected);
    assert.ok(
      target.subarray(0, start).every((v) => v === 0xffffffff),
      'nothing written before the node',
    );
    assert.ok(
      target.subarray(start + count).every((v) => v === 0xffffffff),
      'nothing written after it',
    );
  }
});

test('checkPartition refuses a partition whose left rows are not the split count', () => {
  assert.throws(
    () => checkPartition({ start: 0, count: 10, nLeft: 4 }, 5, 3),
    /feature 3 sent 5 rows left where the split counted 4/,
  );
});

test('leftBins sends bins up to the threshold left, and the missing bin where the split says', () => {
  const split = { ...noSplit(), feature: 0, binIndex: 2, missingGoToLeft: true };
  const table = leftBins(split, 255);
  assert.deepEqual([...table.subarray(0, 4)], [1, 1, 1, 0]);
  assert.equal(table[255], 1);
  assert.equal(leftBins({ ...split, missingGoToLeft: false }, 255)[255], 0);
});

test('leftBins follows a categorical bitset', () => {
  const bitset = new Uint32Array(8);
  bitset[0] = 0b1010;
  const table = leftBins({ ...noSplit(), feature: 0, isCategorical: true, leftBitset: bitset }, 255);
  assert.deepEqual([...table.subarray(0, 5)], [0, 1, 0, 1, 0]);
});
