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
    const gain = splitGain(gl, hl, sumGradients - gl, hr, lossCurrentNode, l2);
    if (gain > best.gain && gain > 0) recordSplit(best, gain, f, b, false, gl, hl, nl);
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
    const gain = splitGain(gl, hl, gr, hr, lossCurrentNode, l2);
    if (gain > best.gain && gain > 0) recordSplit(best, gain, f, b, true, gl, hl, n - nr);
  }
}
