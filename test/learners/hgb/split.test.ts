import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HIST_STRIDE } from '../../../src/learners/hgb/histogram.js';
import { findBestSplit } from '../../../src/learners/hgb/split.js';
import { inBitset, nodeValue, type SplitContext } from '../../../src/learners/hgb/split-info.js';

const binSlots = 5;
const missingBin = 4;

function context(overrides: Partial<SplitContext> = {}): SplitContext {
  return {
    binSlots,
    missingBin,
    nBinsNonMissing: Int32Array.of(4),
    hasMissing: Uint8Array.of(0),
    isCategorical: Uint8Array.of(0),
    l2Regularization: 0,
    minSamplesLeaf: 1,
    minHessianToSplit: 1e-3,
    constantHessian: false,
    ...overrides,
  };
}

/** A one-feature histogram from (gradient sum, hessian sum, count) per bin. */
function histogram(bins: readonly (readonly [number, number, number])[]): Float64Array {
  const out = new Float64Array(binSlots * HIST_STRIDE);
  bins.forEach(([g, h, c], b) => {
    out.set([g, h, c], b * HIST_STRIDE);
  });
  return out;
}

function totals(hist: Float64Array): [number, number, number] {
  let g = 0;
  let h = 0;
  let c = 0;
  for (let b = 0; b < binSlots; b++) {
    g += hist[b * 3]!;
    h += hist[b * 3 + 1]!;
    c += hist[b * 3 + 2]!;
  }
  return [g, h, c];
}

test('findBestSplit picks the bin with the largest gain', () => {
  // Gradients −1 in bins 0–1 and +1 in bins 2–3: the cut after bin 1 separates them.
  const hist = histogram([
    [-2, 2, 2],
    [-3, 3, 3],
    [2, 2, 2],
    [3, 3, 3],
  ]);
  const [g, h, c] = totals(hist);
  const split = findBestSplit(hist, Int32Array.of(0), c, g, h, nodeValue(g, h, 0), context());
  assert.equal(split.feature, 0);
  assert.equal(split.binIndex, 1);
  assert.equal(split.nLeft, 5);
  assert.equal(split.nRight, 5);
  assert.ok(Math.abs(split.gain - (25 / 5 + 25 / 5)) < 1e-12);
  assert.ok(Math.abs(split.valueLeft - 1) < 1e-12);
  assert.ok(Math.abs(split.valueRight + 1) < 1e-12);
});

test('findBestSplit respects minSamplesLeaf and reports no split (gain −1) when none is allowed', () => {
  const hist = histogram([
    [-2, 2, 2],
    [-3, 3, 3],
    [2, 2, 2],
    [3, 3, 3],
  ]);
  const [g, h, c] = totals(hist);
  const constrained = findBestSplit(hist, Int32Array.of(0), c, g, h, 0, context({ minSamplesLeaf: 6 }));
  assert.equal(constrained.gain, -1);
});

test('missing values go to the side that gains most', () => {
  // The missing bin's rows have large positive gradients, like bin 3's: they belong on the right.
  const right = histogram([
    [-2, 2, 2],
    [-2, 2, 2],
    [-2, 2, 2],
    [4, 2, 2],
    [6, 3, 3],
  ]);
  const [g, h, c] = totals(right);
  const ctx = context({ hasMissing: Uint8Array.of(1) });
  const toRight = findBestSplit(right, Int32Array.of(0), c, g, h, nodeValue(g, h, 0), ctx);
  assert.equal(toRight.binIndex, 2);
  assert.equal(toRight.missingGoToLeft, false);
  // Now the missing rows look like bins 0–2: they go left with them.
  const left = histogram([
    [-2, 2, 2],
    [-2, 2, 2],
    [-2, 2, 2],
    [4, 2, 2],
    [-3, 3, 3],
  ]);
  const [g2, h2, c2] = totals(left);
  const toLeft = findBestSplit(left, Int32Array.of(0), c2, g2, h2, nodeValue(g2, h2, 0), ctx);
  assert.equal(toLeft.binIndex, 2);
  assert.equal(toLeft.missingGoToLeft, true);
});

test('categorical splits group categories by gradient ratio, whatever their bin order', () => {
  // Categories 0 and 2 have negative gradients, 1 and 3 positive: no cut on the bin order separates
  // them, a categorical split does.
  const hist = histogram([
    [-20, 20, 20],
    [20, 20, 20],
    [-20, 20, 20],
    [20, 20, 20],
  ]);
  const [g, h, c] = totals(hist);
  const split = findBestSplit(
    hist,
    Int32Array.of(0),
    c,
    g,
    h,
    0,
    context({ isCategorical: Uint8Array.of(1) }),
  );
  assert.equal(split.isCategorical, true);
  const left = [0, 1, 2, 3].filter((b) => inBitset(split.leftBitset!, b));
  assert.ok(left.join() === '0,2' || left.join() === '1,3', `left categories ${left}`);
  assert.ok(Math.abs(split.gain - (1600 / 40 + 1600 / 40)) < 1e-9);
});
