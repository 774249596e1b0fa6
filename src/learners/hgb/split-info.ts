/** What the split finder needs to know about the features and the growth constraints. */
export interface SplitContext {
  readonly binSlots: number;
  /** Index of the missing-value bin (= maxBins). */
  readonly missingBin: number;
  readonly nBinsNonMissing: Int32Array;
  /** 1 when the feature has missing values in the training rows. */
  readonly hasMissing: Uint8Array;
  readonly isCategorical: Uint8Array;
  readonly l2Regularization: number;
  readonly minSamplesLeaf: number;
  readonly minHessianToSplit: number;
  /** Hessians are all 1: the hessian sums are the counts. */
  readonly constantHessian: boolean;
}

/** The best split of a node (scikit-learn's SplitInfo); gain −1 when no split is allowed. */
export interface SplitInfo {
  gain: number;
  feature: number;
  /** Numeric splits: bins ≤ binIndex go left. */
  binIndex: number;
  missingGoToLeft: boolean;
  sumGradientLeft: number;
  sumHessianLeft: number;
  sumGradientRight: number;
  sumHessianRight: number;
  nLeft: number;
  nRight: number;
  valueLeft: number;
  valueRight: number;
  isCategorical: boolean;
  /** Categorical splits: the bins that go left (8 × 32 bits; the missing bin included when it goes left). */
  leftBitset: Uint32Array | null;
}

/**
 * A node's value, the Newton step −G / (H + λ) (the tiny constant keeps 0/0 at 0, as scikit-learn).
 *
 * @example
 * nodeValue(-6, 3, 0) // 2
 */
export function nodeValue(sumGradient: number, sumHessian: number, l2Regularization: number): number {
  return -sumGradient / (sumHessian + l2Regularization + 1e-15);
}

/**
 * The loss reduction of splitting a node into left and right (XGBoost's equation 7, as scikit-learn
 * computes it): lossCurrent − G_L·v_L − G_R·v_R with v = −G / (H + λ), where lossCurrent is the
 * node's G·v (0 at the root, whose value is 0).
 *
 * @example
 * splitGain(-4, 2, 4, 2, 0, 0) // 16 (= 4²/2 + 4²/2)
 */
export function splitGain(
  sumGradientLeft: number,
  sumHessianLeft: number,
  sumGradientRight: number,
  sumHessianRight: number,
  lossCurrentNode: number,
  l2Regularization: number,
): number {
  const valueLeft = nodeValue(sumGradientLeft, sumHessianLeft, l2Regularization);
  const valueRight = nodeValue(sumGradientRight, sumHessianRight, l2Regularization);
  let gain = lossCurrentNode;
  gain -= sumGradientLeft * valueLeft;
  gain -= sumGradientRight * valueRight;
  return gain;
}

/**
 * A split with no feature: gain −1.
 *
 * @example
 * const best = noSplit(); // improved by recordSplit as better splits are found
 */
export function noSplit(): SplitInfo {
  return {
    gain: -1,
    feature: -1,
    binIndex: 0,
    missingGoToLeft: false,
    sumGradientLeft: 0,
    sumHessianLeft: 0,
    sumGradientRight: 0,
    sumHessianRight: 0,
    nLeft: 0,
    nRight: 0,
    valueLeft: 0,
    valueRight: 0,
    isCategorical: false,
    leftBitset: null,
  };
}

/**
 * Makes `best` the given numeric split (categorical scans add their bitset afterwards).
 *
 * @example
 * if (gain > best.gain && gain > 0) recordSplit(best, gain, f, bin, false, gl, hl, nl);
 */
export function recordSplit(
  best: SplitInfo,
  gain: number,
  feature: number,
  binIndex: number,
  missingGoToLeft: boolean,
  sumGradientLeft: number,
  sumHessianLeft: number,
  nLeft: number,
): void {
  best.gain = gain;
  best.feature = feature;
  best.binIndex = binIndex;
  best.missingGoToLeft = missingGoToLeft;
  best.sumGradientLeft = sumGradientLeft;
  best.sumHessianLeft = sumHessianLeft;
  best.nLeft = nLeft;
  best.isCategorical = false;
  best.leftBitset = null;
}

/**
 * Whether bit `value` is set in a 256-bit bitset.
 *
 * @example
 * inBitset(Uint32Array.of(0b100, 0, 0, 0, 0, 0, 0, 0), 2) // true
 */
export function inBitset(bitset: Uint32Array, value: number): boolean {
  return ((bitset[value >>> 5]! >>> (value & 31)) & 1) === 1;
}

/** Float64 entries of a split written by writeSplit. */
export const SPLIT_FIELDS = 22;

/**
 * Writes `split` as SPLIT_FIELDS numbers at out[at …] (to pass it between threads).
 *
 * @example
 * writeSplit(split, shared, 0); readSplit(shared, 0) // an equal split
 */
export function writeSplit(split: SplitInfo, out: Float64Array, at: number): void {
  out[at] = split.gain;
  out[at + 1] = split.feature;
  out[at + 2] = split.binIndex;
  out[at + 3] = split.missingGoToLeft ? 1 : 0;
  out[at + 4] = split.sumGradientLeft;
  out[at + 5] = split.sumHessianLeft;
  out[at + 6] = split.sumGradientRight;
  out[at + 7] = split.sumHessianRight;
  out[at + 8] = split.nLeft;
  out[at + 9] = split.nRight;
  out[at + 10] = split.valueLeft;
  out[at + 11] = split.valueRight;
  out[at + 12] = split.isCategorical ? 1 : 0;
  out[at + 13] = split.leftBitset === null ? 0 : 1;
  for (let i = 0; i < 8; i++) out[at + 14 + i] = split.leftBitset === null ? 0 : split.leftBitset[i]!;
}

/**
 * The split written at numbers[at …] by writeSplit.
 *
 * @example
 * const split = readSplit(shared, SPLIT_FIELDS);
 */
export function readSplit(numbers: Float64Array, at: number): SplitInfo {
  return {
    gain: numbers[at]!,
    feature: numbers[at + 1]!,
    binIndex: numbers[at + 2]!,
    missingGoToLeft: numbers[at + 3] === 1,
    sumGradientLeft: numbers[at + 4]!,
    sumHessianLeft: numbers[at + 5]!,
    sumGradientRight: numbers[at + 6]!,
    sumHessianRight: numbers[at + 7]!,
    nLeft: numbers[at + 8]!,
    nRight: numbers[at + 9]!,
    valueLeft: numbers[at + 10]!,
    valueRight: numbers[at + 11]!,
    isCategorical: numbers[at + 12] === 1,
    leftBitset: numbers[at + 13] === 1 ? Uint32Array.from(numbers.subarray(at + 14, at + 22)) : null,
  };
}
