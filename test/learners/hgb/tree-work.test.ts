import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  PARTITION_CHUNK,
  sequentialWork,
  splitChunk,
  type WorkData,
} from '../../../src/learners/hgb/tree-work.js';
import { createRandom } from '../../../src/random.js';

function workData(nRows: number): WorkData {
  const random = createRandom(1);
  const columns = Uint8Array.from({ length: nRows }, () => random.int(4));
  return {
    nRows,
    nCols: 1,
    binSlots: 5,
    rowBins: columns,
    columns,
    gradients: new Float32Array(nRows),
    hessians: null,
    partition: Uint32Array.from({ length: nRows }, (_, i) => i),
    features: Int32Array.of(0),
    scratchLeft: new Uint32Array(nRows),
    scratchRight: new Uint32Array(nRows),
  };
}

test('chunked partitions, put together chunk by chunk, equal the sequential stable partition', () => {
  const n = 2 * PARTITION_CHUNK + 123;
  const goesLeft = Uint8Array.of(1, 0, 1, 0);
  const sequential = workData(n);
  const nLeft = sequentialWork(sequential).partition(0, n, 0, goesLeft);
  const chunked = workData(n);
  const chunks = Math.ceil(n / PARTITION_CHUNK);
  const lefts = Array.from({ length: chunks }, (_, c) => splitChunk(chunked, 0, n, 0, goesLeft, c));
  const together: number[] = [];
  for (let c = 0; c < chunks; c++) {
    const from = c * PARTITION_CHUNK;
    together.push(...chunked.scratchLeft.subarray(from, from + lefts[c]!));
  }
  for (let c = 0; c < chunks; c++) {
    const from = c * PARTITION_CHUNK;
    const size = Math.min(PARTITION_CHUNK, n - from);
    together.push(...chunked.scratchRight.subarray(from, from + size - lefts[c]!));
  }
  assert.equal(
    lefts.reduce((a, b) => a + b, 0),
    nLeft,
  );
  assert.deepEqual(together, [...sequential.partition]);
  // Every row on the left has an even bin, and the rows stay in order on each side.
  for (let k = 1; k < n; k++) {
    if (k !== nLeft) assert.ok(sequential.partition[k - 1]! < sequential.partition[k]!);
  }
});
