import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogramLength } from '../../../src/learners/hgb/histogram.js';
import {
  HISTOGRAM_CHUNK,
  MAX_ROW_CHUNKS,
  rowChunks,
  sequentialWork,
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
    scratch: new Uint32Array(nRows),
    histogram: new Float64Array(histogramLength(1, 5)),
    leftTable: new Uint8Array(256),
    raw: new Float64Array(0),
    partials: new Float64Array(0),
    memory: null,
  };
}

test('rowChunks cuts only large nodes, in an even number of chunks, by row count alone', () => {
  assert.equal(rowChunks(2 * HISTOGRAM_CHUNK - 1), 1);
  assert.equal(rowChunks(2 * HISTOGRAM_CHUNK), 2);
  assert.equal(rowChunks(3 * HISTOGRAM_CHUNK), 2);
  assert.equal(rowChunks(5 * HISTOGRAM_CHUNK), 4);
  assert.equal(rowChunks(100 * HISTOGRAM_CHUNK), MAX_ROW_CHUNKS);
});

test("a large node's histogram, summed chunk by chunk, equals the direct sums", () => {
  const n = 4 * HISTOGRAM_CHUNK + 5;
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
