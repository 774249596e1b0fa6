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

/**
 * Splits rows[start … start+count) in place, stably: the rows whose bin in `column` goes left come
 * first, in their original order, then the others, also in order (so histograms sum in row order,
 * as scikit-learn's single-threaded partition does). Returns the number that went left. `scratch`
 * holds at least `count` entries.
 *
 * @example
 * const nLeft = partitionRows(partition, node.start, node.count, column, goesLeft, scratch);
 */
export function partitionRows(
  rows: Uint32Array,
  start: number,
  count: number,
  column: Uint8Array,
  goesLeft: Uint8Array,
  scratch: Uint32Array,
): number {
  let nLeft = 0;
  let nRight = 0;
  const end = start + count;
  // Branch-free: each row is written to both places and only one count moves (the direction of a
  // row is unpredictable, so a branch would be mispredicted half the time).
  for (let k = start; k < end; k++) {
    const r = rows[k]!;
    const left = goesLeft[column[r]!]!;
    rows[start + nLeft] = r;
    scratch[nRight] = r;
    nLeft += left;
    nRight += 1 - left;
  }
  rows.set(scratch.subarray(0, nRight), start + nLeft);
  return nLeft;
}
