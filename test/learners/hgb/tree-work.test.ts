import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogramLength } from '../../../src/learners/hgb/histogram.js';
import {
  HISTOGRAM_CHUNK,
  MAX_ROW_CHUNKS,
  PARTITION_CHUNK,
  rowChunks,
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
    partials: new Float64Array(0),
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

test('rowChunks cuts only large nodes, by row count alone', () => {
  assert.equal(rowChunks(2 * HISTOGRAM_CHUNK - 1), 1);
  assert.equal(rowChunks(2 * HISTOGRAM_CHUNK), 2);
  assert.equal(rowChunks(100 * HISTOGRAM_CHUNK), MAX_ROW_CHUNKS);
});

test("a large node's histogram, summed chunk by chunk, equals the direct sums", () => {
  const n = 3 * HISTOGRAM_CHUNK + 5;
  const data = { ...workData(n), partials: new Float64Array((MAX_ROW_CHUNKS - 1) * histogramLength(1, 5)) };
  const random = createRandom(2);
  for (let i = 0; i < n; i++) data.gradients[i] = random.normal();
  const hist = new Float64Array(histogramLength(1, 5));
  sequentialWork(data).histogram({ start: 0, count: n, tree: 0, nFeatures: 1 }, hist);
  const expected = new Float64Array(hist.length);
  for (let i = 0; i < n; i++) {
    const b = data.rowBins[i]!;
    expected[b * 3] = expected[b * 3]! + data.gradients[i]!;
    expected[b * 3 + 2] = expected[b * 3 + 2]! + 1;
  }
  for (let i = 0; i < hist.length; i++) assert.ok(Math.abs(hist[i]! - expected[i]!) < 1e-9, `entry ${i}`);
});
