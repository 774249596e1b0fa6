import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leftBins, partitionRows } from '../../../src/learners/hgb/partition.js';
import { noSplit } from '../../../src/learners/hgb/split-info.js';

test('partitionRows puts left rows first and right rows after, both in their original order', () => {
  const column = Uint8Array.of(0, 5, 1, 7, 0, 9, 2, 255);
  const rows = Uint32Array.of(99, 0, 1, 2, 3, 4, 5, 6, 7, 98);
  const goesLeft = new Uint8Array(256);
  goesLeft[0] = 1;
  goesLeft[1] = 1;
  goesLeft[2] = 1;
  const nLeft = partitionRows(rows, 1, 8, column, goesLeft, new Uint32Array(8));
  assert.equal(nLeft, 4);
  assert.deepEqual([...rows], [99, 0, 2, 4, 6, 1, 3, 5, 7, 98]);
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
