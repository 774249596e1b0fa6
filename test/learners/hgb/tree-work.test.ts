import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogramLength } from '../../../src/learners/hgb/histogram.js';
import { quantizeTree } from '../../../src/learners/hgb/quantize.js';
import {
  addPartials,
  buildPart,
  clearBlocks,
  HISTOGRAM_CHUNK,
  MAX_ROW_CHUNKS,
  rowChunks,
  threadTarget,
} from '../../../src/learners/hgb/tree-work.js';
import { createRandom } from '../../../src/random.js';
import { workData } from './work-data.js';

test('rowChunks cuts nodes of 2 · HISTOGRAM_CHUNK rows and more, one chunk per HISTOGRAM_CHUNK rows, at most MAX_ROW_CHUNKS', () => {
  assert.equal(rowChunks(2 * HISTOGRAM_CHUNK - 1), 1);
  assert.equal(rowChunks(2 * HISTOGRAM_CHUNK), 2);
  assert.equal(rowChunks(3 * HISTOGRAM_CHUNK + 5), 3);
  assert.equal(rowChunks(5 * HISTOGRAM_CHUNK), 5);
  assert.equal(rowChunks(100 * HISTOGRAM_CHUNK), MAX_ROW_CHUNKS);
});

test("a node's histogram summed chunk by chunk by two threads into their own targets, then added, equals one pass", () => {
  const n = 5 * HISTOGRAM_CHUNK + 5;
  const data = { ...workData(n), partials: new Int32Array(histogramLength(1, 5, 1)) };
  const random = createRandom(2);
  for (let i = 0; i < n; i++) data.gradients[i] = random.normal();
  quantizeTree(data, 0);
  const job = { start: 3, count: n - 3, depth: 0, tree: 0, nFeatures: 1 };
  const whole = new Int32Array(histogramLength(1, 5, 1));
  buildPart(data, job, 0, 1, 0, 1, whole);
  const chunks = rowChunks(job.count);
  assert.equal(chunks, 5);
  // Stale sums in both targets: thread 0's is cleared before the job, thread 1's at its first chunk.
  data.histogram.fill(7);
  data.partials.fill(-3);
  clearBlocks(data, job, data.histogram);
  for (let c = 0; c < chunks; c++) {
    const thread = c % 3 === 1 ? 1 : 0;
    buildPart(
      data,
      job,
      0,
      1,
      c,
      chunks,
      threadTarget(data, data.histogram, thread),
      thread === 1 && c === 1,
    );
  }
  addPartials(data, job, data.histogram, [1]);
  assert.deepEqual(data.histogram, whole);
  let counted = 0;
  for (let b = 0; b < 5; b++) counted += whole[2 * b]! & (2 ** data.countBits - 1);
  assert.equal(counted, n - 3, 'every row of the job counted once');
});
