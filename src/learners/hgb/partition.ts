import type { SplitInfo } from './split-info.js';

/**
 * The bins that go left under a split, as a 0/1 table over all bin slots (the missing bin
 * included): numeric splits send bins ≤ binIndex left, and the missing bin where the split says;
 * categorical splits send the bins of their bitset.
 *
 * @example
 * const goesLeft = leftBins(split, 255); // goesLeft[bin] === 1 → left
 */
export function leftBins(split: SplitInfo, missingBin: number, out = new Uint8Array(256)): Uint8Array {
  out.fill(0);
  if (split.leftBitset) {
    for (let b = 0; b <= missingBin; b++) out[b] = (split.leftBitset[b >>> 5]! >>> (b & 31)) & 1;
    return out;
  }
  for (let b = 0; b <= split.binIndex; b++) out[b] = 1;
  if (split.missingGoToLeft) out[missingBin] = 1;
  return out;
}

/** The rows of a node being split: source[start … start+count), of which nLeft go left. */
export interface NodeRows {
  readonly start: number;
  readonly count: number;
  /** How many rows go left (the split's count, from the node's histogram). */
  readonly nLeft: number;
}

/**
 * Half `half` (0 or 1) of the partition of a node's rows from `source` into `target` at the same
 * positions: the rows whose bin in `column` goes left to target[start … start+nLeft), the others
 * after, each side in its original order (so histograms sum in row order, as scikit-learn's
 * single-threaded partition). Half 0 takes the first ⌊count/2⌋ rows forward, from the front of each
 * side; half 1 the others backward, from the back of each side — the two write disjoint places, so
 * two threads can do them at once, and together they give the one stable partition. Returns how
 * many rows of the half went left (the halves' sum must be nLeft).
 *
 * @example
 * const left = partitionHalf(rows, next, node, 0, column, goesLeft) + partitionHalf(rows, next, node, 1, column, goesLeft);
 */
export function partitionHalf(
  source: Uint32Array,
  target: Uint32Array,
  node: NodeRows,
  half: number,
  column: Uint8Array,
  goesLeft: Uint8Array,
): number {
  const middle = node.start + (node.count >> 1);
  const end = node.start + node.count;
  // Branch-free: the direction of a row is unpredictable, so a branch would be mispredicted half
  // the time; each row is stored once, at the cursor of its side.
  if (half === 0) {
    let left = node.start;
    let right = node.start + node.nLeft;
    for (let k = node.start; k < middle; k++) {
      const r = source[k]!;
      const l = goesLeft[column[r]!]!;
      target[l === 1 ? left : right] = r;
      left += l;
      right += 1 - l;
    }
    return left - node.start;
  }
  let left = node.start + node.nLeft;
  let right = end;
  for (let k = end - 1; k >= middle; k--) {
    const r = source[k]!;
    const l = goesLeft[column[r]!]!;
    left -= l;
    right -= 1 - l;
    target[l === 1 ? left : right] = r;
  }
  return node.start + node.nLeft - left;
}

/**
 * Checks that a partition's halves sent the split's count of rows left.
 *
 * @example
 * checkPartition(node, left0 + left1, 4);
 */
export function checkPartition(node: NodeRows, left: number, feature: number): void {
  if (left !== node.nLeft)
    throw new Error(
      `hgb: the partition on feature ${feature} sent ${left} rows left where the split counted ${node.nLeft} (an internal error)`,
    );
}
