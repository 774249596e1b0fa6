import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HIST_STRIDE } from '../../../src/learners/hgb/histogram.js';
import { findBestSplit } from '../../../src/learners/hgb/split.js';
import { inBitset, nodeValue, type SplitContext, splitGain } from '../../../src/learners/hgb/split-info.js';
import { createRandom } from '../../../src/random.js';
import { splitContext } from './work-data.js';

const binSlots = 5;

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
  const split = findBestSplit(hist, Int32Array.of(0), c, g, h, nodeValue(g, h, 0), splitContext());
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
  const constrained = findBestSplit(hist, Int32Array.of(0), c, g, h, 0, splitContext({ minSamplesLeaf: 6 }));
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
  const ctx = splitContext({ hasMissing: Uint8Array.of(1) });
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
    splitContext({ isCategorical: Uint8Array.of(1) }),
  );
  assert.equal(split.isCategorical, true);
  const left = [0, 1, 2, 3].filter((b) => inBitset(split.leftBitset!, b));
  assert.ok(left.join() === '0,2' || left.join() === '1,3', `left categories ${left}`);
  assert.ok(Math.abs(split.gain - (1600 / 40 + 1600 / 40)) < 1e-9);
});

/** The best numeric split by evaluating splitGain at every allowed bin (no shortcut), scikit-learn's order. */
function bruteForceSplit(
  hist: Float64Array,
  nFeatures: number,
  n: number,
  g: number,
  h: number,
  lossCurrent: number,
  c: SplitContext,
): { gain: number; feature: number; bin: number; missingLeft: boolean } {
  const best = { gain: -1, feature: -1, bin: -1, missingLeft: false };
  // Each side's sums as the scan accumulates them (the other side's by subtraction).
  const consider = (
    sums: readonly number[],
    nl: number,
    f: number,
    bin: number,
    missingLeft: boolean,
  ): void => {
    const [gl, hl, gr, hr] = sums as [number, number, number, number];
    const ok = nl >= c.minSamplesLeaf && n - nl >= c.minSamplesLeaf && hl >= c.minHessianToSplit;
    if (!ok || hr < c.minHessianToSplit) return;
    const gain = splitGain(gl, hl, gr, hr, lossCurrent, c.l2Regularization);
    if (gain > best.gain && gain > 0) Object.assign(best, { gain, feature: f, bin, missingLeft });
  };
  for (let f = 0; f < nFeatures; f++) {
    const at = (b: number, k: number): number => hist[(f * c.binSlots + b) * HIST_STRIDE + k]!;
    const bins = c.nBinsNonMissing[f]!;
    let [gl, hl, nl] = [0, 0, 0];
    for (let b = 0; b < bins - 1 + c.hasMissing[f]!; b++) {
      [gl, hl, nl] = [gl + at(b, 0), hl + at(b, 1), nl + at(b, 2)];
      consider([gl, hl, g - gl, h - hl], nl, f, b, false);
    }
    if (!c.hasMissing[f]) continue;
    let [gr, hr, nr] = [0, 0, 0];
    for (let b = bins - 2; b >= 0; b--) {
      [gr, hr, nr] = [gr + at(b + 1, 0), hr + at(b + 1, 1), nr + at(b + 1, 2)];
      consider([g - gr, h - hr, gr, hr], n - nr, f, b, true);
    }
  }
  return best;
}

test('the division-free pre-test never changes the chosen split: random histograms, exact and near ties', () => {
  const random = createRandom(11);
  const slots = 33;
  for (let trial = 0; trial < 400; trial++) {
    const nFeatures = 1 + random.int(5);
    const c: SplitContext = {
      ...splitContext(),
      binSlots: slots,
      missingBin: slots - 1,
      nBinsNonMissing: Int32Array.from({ length: nFeatures }, () => 1 + random.int(slots - 1)),
      hasMissing: Uint8Array.from({ length: nFeatures }, () => random.int(2)),
      isCategorical: new Uint8Array(nFeatures),
      l2Regularization: random.int(3) === 0 ? 0 : random.next() * 2,
      minSamplesLeaf: 1 + random.int(4),
    };
    const hist = new Float64Array(nFeatures * slots * HIST_STRIDE);
    // Every feature holds the same rows: bins of feature 0, reshuffled (or copied: exact ties).
    const rows = Array.from({ length: 20 + random.int(60) }, () => ({
      g: random.int(4) === 0 ? random.int(3) - 1 : random.normal() * 10 ** (random.int(5) - 2),
      h: random.int(2) === 0 ? 1 : 0.05 + random.next(),
    }));
    const offset = trial % 3 === 0 ? 1e6 : 0; // gains tiny next to the node's loss
    for (let f = 0; f < nFeatures; f++) {
      const copyOfFirst = f > 0 && random.int(3) === 0;
      rows.forEach((row, i) => {
        const bins = c.nBinsNonMissing[f]!;
        const bin = copyOfFirst
          ? Math.min(i % c.nBinsNonMissing[0]!, bins - 1)
          : c.hasMissing[f] && random.int(6) === 0
            ? slots - 1
            : random.int(bins);
        const o = (f * slots + bin) * HIST_STRIDE;
        hist[o] = hist[o]! + row.g + offset / rows.length;
        hist[o + 1] = hist[o + 1]! + row.h;
        hist[o + 2] = hist[o + 2]! + 1;
      });
    }
    let [g, h, n] = [0, 0, 0];
    for (let b = 0; b < slots; b++) {
      g += hist[b * HIST_STRIDE]!;
      h += hist[b * HIST_STRIDE + 1]!;
      n += hist[b * HIST_STRIDE + 2]!;
    }
    const value = trial % 5 === 0 ? 0 : nodeValue(g, h, c.l2Regularization);
    const features = Int32Array.from({ length: nFeatures }, (_, f) => f);
    const split = findBestSplit(hist, features, n, g, h, value, c);
    const expected = bruteForceSplit(hist, nFeatures, n, g, h, g * value, c);
    assert.deepEqual(
      { gain: split.gain, feature: split.feature, bin: split.binIndex, missingLeft: split.missingGoToLeft },
      expected.gain > 0
        ? expected
        : { gain: -1, feature: -1, bin: split.binIndex, missingLeft: split.missingGoToLeft },
      `trial ${trial}`,
    );
  }
});
