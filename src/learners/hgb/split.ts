import { scanCategories } from './categorical-split.js';
import { decodeHistogram, HIST_STRIDE, type HistogramScale } from './histogram.js';
import {
  nodeValue,
  noSplit,
  recordSplit,
  type SplitContext,
  type SplitInfo,
  splitGain,
} from './split-info.js';

/**
 * The best split of a node over `features` (in that order; the first best wins ties), as
 * scikit-learn's Splitter.find_node_split: numeric features scan their bins left to right (missing
 * values go right) and, with missing values, right to left (missing values go left); categorical
 * features scan their categories sorted by gradient / hessian from both ends.
 *
 * @example
 * const split = findBestSplit(hist, activeFeatures, node.count, node.sumG, node.sumH, node.value, context);
 */
export function findBestSplit(
  hist: Float64Array,
  features: Int32Array,
  nSamples: number,
  sumGradients: number,
  sumHessians: number,
  value: number,
  context: SplitContext,
): SplitInfo {
  const best = noSplit();
  const lossCurrentNode = sumGradients * value;
  for (let a = 0; a < features.length; a++) {
    const f = features[a]!;
    if (context.isCategorical[f]) {
      scanCategories(hist, f, nSamples, sumGradients, sumHessians, lossCurrentNode, context, best);
      continue;
    }
    scanLeftToRight(hist, f, nSamples, sumGradients, sumHessians, lossCurrentNode, context, best);
    if (context.hasMissing[f]) {
      scanRightToLeft(hist, f, nSamples, sumGradients, sumHessians, lossCurrentNode, context, best);
    }
  }
  if (best.gain > -1) {
    best.sumGradientRight = sumGradients - best.sumGradientLeft;
    best.sumHessianRight = sumHessians - best.sumHessianLeft;
    best.nRight = nSamples - best.nLeft;
    best.valueLeft = nodeValue(best.sumGradientLeft, best.sumHessianLeft, context.l2Regularization);
    best.valueRight = nodeValue(best.sumGradientRight, best.sumHessianRight, context.l2Regularization);
  }
  return best;
}

/** A node whose best split is wanted: its packed histogram and sums, and the features to search. */
export interface SplitRequest {
  readonly histogram: Int32Array;
  /** The features searched, ascending. */
  readonly features: Int32Array;
  readonly count: number;
  readonly sumGradients: number;
  readonly sumHessians: number;
  readonly value: number;
  /** How the node's tree was quantised. */
  readonly scale: HistogramScale;
}

/**
 * findBestSplit on a node's packed histogram, decoded into `decoded` (decodedLength Float64
 * entries of scratch) first.
 *
 * @example
 * const split = findNodeSplit(request, 256, decoded, context);
 */
export function findNodeSplit(
  request: SplitRequest,
  binSlots: number,
  decoded: Float64Array,
  context: SplitContext,
): SplitInfo {
  const { features } = request;
  decodeHistogram(request.histogram, features, binSlots, request.scale, decoded);
  return findBestSplit(
    decoded,
    features,
    request.count,
    request.sumGradients,
    request.sumHessians,
    request.value,
    context,
  );
}

function scanLeftToRight(
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
  // The last non-missing bin goes left only when missing values exist to go right.
  const end = context.nBinsNonMissing[f]! - 1 + context.hasMissing[f]!;
  let gl = 0;
  let hl = 0;
  let nl = 0;
  let bar = gainBar(best.gain, lossCurrentNode);
  for (let b = 0; b < end; b++) {
    const o = base + b * HIST_STRIDE;
    const count = hist[o + 2]!;
    nl += count;
    hl += constantHessian ? count : hist[o + 1]!;
    gl += hist[o]!;
    if (nl < minSamplesLeaf) continue;
    if (n - nl < minSamplesLeaf) break;
    const hr = sumHessians - hl;
    if (hl < minHessianToSplit) continue;
    if (hr < minHessianToSplit) break;
    const gr = sumGradients - gl;
    if (cannotBeat(gl, hl, gr, hr, l2, bar)) continue;
    const gain = splitGain(gl, hl, gr, hr, lossCurrentNode, l2);
    if (gain > best.gain && gain > 0) {
      recordSplit(best, gain, f, b, false, gl, hl, nl);
      bar = gainBar(best.gain, lossCurrentNode);
    }
  }
}

function scanRightToLeft(
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
  let gr = 0;
  let hr = 0;
  let nr = 0;
  let bar = gainBar(best.gain, lossCurrentNode);
  for (let b = context.nBinsNonMissing[f]! - 2; b >= 0; b--) {
    const o = base + (b + 1) * HIST_STRIDE;
    const count = hist[o + 2]!;
    nr += count;
    hr += constantHessian ? count : hist[o + 1]!;
    gr += hist[o]!;
    if (nr < minSamplesLeaf) continue;
    if (n - nr < minSamplesLeaf) break;
    const hl = sumHessians - hr;
    if (hr < minHessianToSplit) continue;
    if (hl < minHessianToSplit) break;
    const gl = sumGradients - gr;
    if (cannotBeat(gl, hl, gr, hr, l2, bar)) continue;
    const gain = splitGain(gl, hl, gr, hr, lossCurrentNode, l2);
    if (gain > best.gain && gain > 0) {
      recordSplit(best, gain, f, b, true, gl, hl, n - nr);
      bar = gainBar(best.gain, lossCurrentNode);
    }
  }
}

/**
 * The bar for cannotBeat: a split is recorded when its gain exceeds max(best gain, 0), i.e. when
 * G_L²/D_L + G_R²/D_R exceeds that minus the node's loss (D = H + λ + 1e-15, as nodeValue). Lowered
 * by 1e-12 of itself: the division-free test below then never drops a split the exact gain keeps
 * (its few roundings, on sums of non-negative terms, are ~1e-16 relative; the exact gain's own
 * cancellation error is ~1e-16 of the node's loss, inside the margin).
 */
function gainBar(bestGain: number, lossCurrentNode: number): number {
  const bar = Math.max(bestGain, 0) - lossCurrentNode;
  return bar - Math.abs(bar) * 1e-12;
}

/**
 * True when a split surely cannot beat the bar: G_L²·D_R + G_R²·D_L ≤ bar·D_L·D_R — no division
 * (two per bin in splitGain, most of a scan's cost). Splits that pass are decided by the exact
 * gain, so the chosen split is the one the exact gain alone chooses.
 */
function cannotBeat(gl: number, hl: number, gr: number, hr: number, l2: number, bar: number): boolean {
  const dl = hl + l2 + 1e-15;
  const dr = hr + l2 + 1e-15;
  return gl * gl * dr + gr * gr * dl <= bar * dl * dr;
}
