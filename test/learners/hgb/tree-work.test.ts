import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogramLength } from '../../../src/learners/hgb/histogram.js';
import { binaryLogLoss } from '../../../src/learners/hgb/losses/binary-log-loss.js';
import { huber } from '../../../src/learners/hgb/losses/huber.js';
import { squaredError } from '../../../src/learners/hgb/losses/squared-error.js';
import { countBits, quantizeTree } from '../../../src/learners/hgb/quantize.js';
import {
  addPartials,
  buildPart,
  clearBlocks,
  HALVED_GRADIENTS,
  HISTOGRAM_CHUNK,
  halvedGradients,
  MAX_ROW_CHUNKS,
  rowChunks,
  sequentialGradients,
  threadTarget,
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
    packedGradients: new Int32Array(2 * nRows),
    packedHessians: null,
    words: 1,
    countBits: countBits(nRows),
    partition: Uint32Array.from({ length: nRows }, (_, i) => i),
    features: Int32Array.of(0),
    scratch: new Uint32Array(nRows),
    histogram: new Int32Array(histogramLength(1, 5, 1)),
    leftTable: new Uint8Array(256),
    raw: new Float64Array(0),
    partials: new Int32Array(0),
    nodeHistograms: new Int32Array(0),
    memory: null,
  };
}

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
  const job = { start: 3, count: n - 3, tree: 0, nFeatures: 1 };
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

test('halved gradients of a row-wise loss equal the whole pass, row for row; the loss is their weighted mean', () => {
  const n = HALVED_GRADIENTS + 7;
  const random = createRandom(4);
  const y = Float64Array.from({ length: n }, () => (random.next() < 0.5 ? 0 : 1));
  const w = Float64Array.from({ length: n }, () => random.next() * 2);
  for (const [loss, sampleWeight] of [
    [binaryLogLoss(), w],
    [squaredError(true), w],
    [squaredError(false), undefined],
  ] as const) {
    const target = { y, sampleWeight };
    const data = {
      ...workData(n),
      raw: Float64Array.from({ length: n }, () => random.normal()),
      hessians: loss.constantHessian ? null : new Float32Array(n),
    };
    const source = { loss, target };
    assert.ok(halvedGradients(data, source));
    const halved = sequentialGradients(data, source);
    const g = new Float32Array(n);
    const h = new Float32Array(n);
    const whole = loss.gradients(target, data.raw, g, h);
    assert.deepEqual(data.gradients, g);
    if (data.hessians) assert.deepEqual(data.hessians, h);
    assert.ok(Math.abs(halved - whole) <= 1e-12 * Math.abs(whole), `${loss.name}: ${halved} vs ${whole}`);
  }
  assert.equal(
    halvedGradients(workData(HALVED_GRADIENTS - 1), {
      loss: squaredError(false),
      target: { y, sampleWeight: undefined },
    }),
    false,
  );
  const huberSource = { loss: huber(0.9, false), target: { y, sampleWeight: undefined } };
  assert.equal(halvedGradients(workData(n), huberSource), false, 'huber needs every residual at once');
});

test('halved gradients with every weight of a half 0 give the loss of the other half (not NaN)', () => {
  const n = HALVED_GRADIENTS + 2;
  const y = Float64Array.from({ length: n }, (_, i) => i % 5);
  const w = Float64Array.from({ length: n }, (_, i) => (i < n >> 1 ? 0 : 1));
  const data = { ...workData(n), raw: new Float64Array(n), hessians: new Float32Array(n) };
  const loss = squaredError(true);
  const halved = sequentialGradients(data, { loss, target: { y, sampleWeight: w } });
  const whole = loss.gradients({ y, sampleWeight: w }, data.raw, new Float32Array(n), new Float32Array(n));
  assert.ok(Number.isFinite(halved));
  assert.ok(Math.abs(halved - whole) <= 1e-12 * whole);
});
