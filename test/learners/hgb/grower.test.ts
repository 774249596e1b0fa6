import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBinnedTree, binnedTree } from '../../../src/learners/hgb/binned-tree.js';
import { type GrowthOptions, growTree, histogramPool } from '../../../src/learners/hgb/grower.js';
import { histogramLength } from '../../../src/learners/hgb/histogram.js';
import { squaredError } from '../../../src/learners/hgb/losses/squared-error.js';
import { countBits, quantizeTree } from '../../../src/learners/hgb/quantize.js';
import type { SplitContext } from '../../../src/learners/hgb/split-info.js';
import { sequentialWork, type WorkData } from '../../../src/learners/hgb/tree-work.js';
import { createRandom } from '../../../src/random.js';

/**
 * 80 rows, two features of 4 bins: y is 10 where feature 1 is in bins 2–3 and 0 elsewhere;
 * feature 0 is noise. Gradients of squared error at 0: −y.
 */
function data(): WorkData {
  const n = 80;
  const random = createRandom(5);
  const rowBins = new Uint8Array(2 * n);
  const columns = new Uint8Array(2 * n);
  const gradients = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const noise = random.int(4);
    const signal = i % 4;
    rowBins.set([noise, signal], 2 * i);
    columns[i] = noise;
    columns[n + i] = signal;
    gradients[i] = signal >= 2 ? -10 : 0;
  }
  return {
    nRows: n,
    nCols: 2,
    binSlots: 5,
    rowBins,
    columns,
    gradients,
    hessians: null,
    packedGradients: new Int32Array(2 * n),
    packedHessians: null,
    words: 1,
    countBits: countBits(n),
    partition: Uint32Array.from({ length: n }, (_, i) => i),
    features: Int32Array.of(0, 1),
    oddPartition: new Uint32Array(n),
    histogram: new Int32Array(histogramLength(2, 5, 1)),
    leftTable: new Uint8Array(256),
    raw: new Float64Array(0),
    partials: new Int32Array(0),
    nodeHistograms: new Int32Array(0),
    memory: null,
  };
}

const context: SplitContext = {
  binSlots: 5,
  missingBin: 4,
  nBinsNonMissing: Int32Array.of(4, 4),
  hasMissing: Uint8Array.of(0, 0),
  isCategorical: Uint8Array.of(0, 0),
  l2Regularization: 0,
  minSamplesLeaf: 5,
  minHessianToSplit: 1e-3,
  constantHessian: true,
};

const options: GrowthOptions = {
  maxLeafNodes: 31,
  maxDepth: null,
  minSamplesLeaf: 5,
  shrinkage: 0.5,
  featureFractionPerSplit: 1,
};

function grow(d: WorkData, growth: GrowthOptions = options) {
  return growTree(
    {
      data: d,
      work: sequentialWork(d, context, {
        loss: squaredError(false),
        target: { y: new Float64Array(0), sampleWeight: undefined },
      }),
      splitContext: context,
      pool: histogramPool(histogramLength(2, 5, 1)),
      quantization: quantizeTree(d, 0),
      tree: 0,
      rootCount: d.nRows,
      nFeatures: 2,
      random: createRandom(0),
    },
    growth,
  );
}

test('the root splits on the informative feature where y changes, leaves take the shrunk Newton step', () => {
  const nodes = grow(data());
  const root = nodes[0]!;
  assert.equal(root.split?.feature, 1);
  assert.equal(root.split?.binIndex, 1);
  // Left: y = 0 (step 0); right: y = 10 (step 10, shrunk by 0.5). Pure children are not split.
  assert.equal(nodes.length, 3);
  assert.equal(nodes[1]!.isLeaf && nodes[2]!.isLeaf, true);
  assert.ok(nodes[1]!.value === 0);
  assert.ok(Math.abs(nodes[2]!.value - 5) < 1e-12);
  assert.equal(nodes[1]!.count + nodes[2]!.count, 80);
});

test('a root with fewer than 2 · minSamplesLeaf rows stays a leaf of value 0, as in scikit-learn', () => {
  const nodes = grow(data(), { ...options, minSamplesLeaf: 41 });
  assert.equal(nodes.length, 1);
  assert.equal(nodes[0]!.isLeaf, true);
  assert.equal(nodes[0]!.value, 0);
});

test('the binned tree predicts each row its leaf value', () => {
  const d = data();
  const nodes = grow(d);
  const raw = new Float64Array(d.nRows);
  addBinnedTree(binnedTree(nodes, 4), d.columns, d.nRows, null, raw, 0);
  for (let i = 0; i < d.nRows; i++) assert.ok(raw[i] === (i % 4 >= 2 ? nodes[2]!.value : nodes[1]!.value));
});

test('histogramPool hands out the slices of its region first, then new arrays, and takes them back', () => {
  const region = new Int32Array(3 * 4);
  const pool = histogramPool(4, region);
  const taken = [pool.take(), pool.take(), pool.take()];
  assert.ok(taken.every((h) => h.buffer === region.buffer && h.length === 4));
  assert.deepEqual(taken.map((h) => h.byteOffset / 4).sort(), [0, 4, 8]);
  const extra = pool.take();
  assert.notEqual(extra.buffer, region.buffer);
  pool.give(taken[1]!);
  assert.equal(pool.take(), taken[1]);
});
