import type { Matrix } from '../../data/matrix.js';
import { addTreeToBlock } from './add-tree-to-block.js';
import { type LeafMasks, MASK_BLOCK } from './leaf-masks.js';

/**
 * Adds every tree's leaf value to the raw scores of X's rows (raw: rows × nTreesPerIteration,
 * row-major, holding the baseline), tree after tree, so each sum is the plain traversal's to the bit.
 * Rows go in blocks: their cut positions are found once, then every tree scores the whole block.
 *
 * @example
 * const masks = leafMasksOf(state.trees, K);
 * if (masks) addTreesByMasks(masks, X, raw);
 */
export function addTreesByMasks(masks: LeafMasks, X: Matrix, raw: Float64Array): void {
  const K = masks.nTreesPerIteration;
  const { values, sumsAt } = masks;
  for (let first = 0; first < X.rows; first += MASK_BLOCK) {
    const count = Math.min(MASK_BLOCK, X.rows - first);
    writePositions(masks, X.data, first * X.cols, X.cols, count);
    for (let j = 0; j < count; j++) {
      for (let k = 0; k < K; k++) values[sumsAt + k * MASK_BLOCK + j] = raw[(first + j) * K + k]!;
    }
    for (let t = 0; t < masks.nTrees; t++) addTreeToBlock(masks, t, count, sumsAt + (t % K) * MASK_BLOCK);
    for (let j = 0; j < count; j++) {
      for (let k = 0; k < K; k++) raw[(first + j) * K + k] = values[sumsAt + k * MASK_BLOCK + j]!;
    }
  }
}

/**
 * Adds every tree's leaf value to the raw scores out[0 … K) of one row (holding the baseline),
 * allocating nothing.
 *
 * @example
 * addTreesToRow(masks, row, out);
 */
export function addTreesToRow(masks: LeafMasks, row: Float64Array, out: Float64Array): void {
  writePositions(masks, row, 0, 0, 1);
  const { work, values, pairStart, leafAt } = masks;
  const K = masks.nTreesPerIteration;
  let q = masks.pairsAt;
  for (let t = 0; t < masks.nTrees; t++) {
    let v = -1;
    for (const end = masks.pairsAt + 2 * pairStart[t + 1]!; q < end; q += 2)
      v &= work[work[q + 1]! + work[work[q]!]!]!;
    // The exit leaf is the lowest bit left: 31 − clz32 of that bit alone.
    out[t % K]! += values[leafAt[t]! + 31 - Math.clz32(v & -v)]!;
  }
}

/**
 * Each used feature's cut position (cuts below the value; cuts + 1 for NaN) for `count` rows of
 * data, the first at data[base …], `stride` apart, into the block's position columns. This is
 * cutPosition (cut-grid.ts) on the packed arrays, inlined by hand: a call would box x.
 */
function writePositions(
  masks: LeafMasks,
  data: Float64Array,
  base: number,
  stride: number,
  count: number,
): void {
  const { work, values, usedFeatures, gridCutShift } = masks;
  for (let i = 0; i < usedFeatures.length; i++) {
    const f = usedFeatures[i]!;
    if (masks.categorical[f]) {
      writeCategoryPositions(masks, f, data, base, stride, count);
      continue;
    }
    const { min, scale, last } = masks.grids[f]!;
    const nan = masks.nanPosition[f]!;
    const grid = masks.gridAt[f]!;
    const cuts = masks.cutsAt[f]!;
    const at = masks.columnAt[f]!;
    for (let j = 0, index = base + f; j < count; j++, index += stride) {
      const x = data[index]!;
      let pos = nan;
      if (!Number.isNaN(x)) {
        // The bucket, as gridBucket computes it.
        const b = grid + (Math.min(Math.max((x - min) * scale, 0), last) | 0);
        pos = work[b]!;
        // A bucket with one cut needs one comparison (computed, not branched on); a crowded one, a scan.
        if (pos >= 0) pos += +(values[b + gridCutShift]! < x);
        else {
          const next = work[b + 1]!;
          const end = next < 0 ? ~next : next;
          for (pos = ~pos; pos < end && values[cuts + pos]! < x; ) pos++;
        }
      }
      work[at + j] = pos;
    }
  }
}

/**
 * writePositions for a categorical feature: the category code when it is an integer 0 … 255 seen
 * in training, else 256 (missing: NaN, unseen or invalid codes go where missingLeft says).
 */
function writeCategoryPositions(
  masks: LeafMasks,
  f: number,
  data: Float64Array,
  base: number,
  stride: number,
  count: number,
): void {
  const { work, knownCategories } = masks;
  const at = masks.columnAt[f]!;
  const known = 8 * f;
  for (let j = 0, index = base + f; j < count; j++, index += stride) {
    const x = data[index]!;
    let pos = 256;
    if (
      x >= 0 &&
      x <= 255 &&
      x === Math.floor(x) &&
      ((knownCategories[known + (x >>> 5)]! >>> (x & 31)) & 1) === 1
    )
      pos = x;
    work[at + j] = pos;
  }
}
