import { HIST_STRIDE } from './histogram.js';
import { inBitset, recordSplit, type SplitContext, type SplitInfo, splitGain } from './split-info.js';

/** Categories with less hessian (scaled to counts) than this are left out of categorical scans (LightGBM's cat_smooth). */
const MIN_CAT_SUPPORT = 10;

/**
 * Categorical features: categories (the missing bin being one of them) with enough support are
 * sorted by G / (H + 10) and scanned from both ends up to the middle; the prefix going left becomes
 * the bitset. Low-support categories always go right.
 *
 * @example
 * scanCategories(hist, f, node.count, node.sumGradients, node.sumHessians, lossCurrentNode, context, best);
 */
export function scanCategories(
  hist: Float64Array,
  f: number,
  n: number,
  sumGradients: number,
  sumHessians: number,
  lossCurrentNode: number,
  context: SplitContext,
  best: SplitInfo,
): void {
  const { l2Regularization: l2, minSamplesLeaf, minHessianToSplit, constantHessian } = context;
  const base = f * context.binSlots * HIST_STRIDE;
  const supportFactor = n / sumHessians;
  const used: number[] = [];
  const ratio: number[] = [];
  const consider = (b: number): void => {
    const o = base + b * HIST_STRIDE;
    const h = constantHessian ? hist[o + 2]! : hist[o + 1]!;
    if (h * supportFactor >= MIN_CAT_SUPPORT) {
      used.push(b);
      ratio[b] = hist[o]! / (h + MIN_CAT_SUPPORT);
    }
  };
  for (let b = 0; b < context.nBinsNonMissing[f]!; b++) consider(b);
  if (context.hasMissing[f]) consider(context.missingBin);
  if (used.length <= 1) return;
  used.sort((a, b) => ratio[a]! - ratio[b]!);
  const nUsed = used.length;
  let found = false;
  let bestEnd = 0;
  let bestDirection = 1;
  for (const direction of [1, -1]) {
    const middle = direction === 1 ? (nUsed + 1) >> 1 : ((nUsed + 1) >> 1) - 1;
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let i = 0; i < middle; i++) {
      const o = base + used[direction === 1 ? i : nUsed - 1 - i]! * HIST_STRIDE;
      const count = hist[o + 2]!;
      nl += count;
      hl += constantHessian ? count : hist[o + 1]!;
      gl += hist[o]!;
      const hr = sumHessians - hl;
      if (nl < minSamplesLeaf || hl < minHessianToSplit) continue;
      if (n - nl < minSamplesLeaf || hr < minHessianToSplit) break;
      const gain = splitGain(gl, hl, sumGradients - gl, hr, lossCurrentNode, l2);
      if (gain > best.gain && gain > 0) {
        recordSplit(best, gain, f, 0, false, gl, hl, nl);
        found = true;
        bestEnd = i;
        bestDirection = direction;
      }
    }
  }
  if (!found) return;
  const bitset = new Uint32Array(8);
  for (let i = 0; i <= bestEnd; i++) {
    const b = used[bestDirection === 1 ? i : nUsed - 1 - i]!;
    bitset[b >>> 5]! |= 1 << (b & 31);
  }
  best.isCategorical = true;
  best.leftBitset = bitset;
  best.missingGoToLeft = context.hasMissing[f] ? inBitset(bitset, context.missingBin) : false;
}
