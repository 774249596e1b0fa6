import type { LeafMasks } from './leaf-masks.js';

/**
 * The number of (tree, feature) pairs a tree reading n features is given, padded with lookups of
 * an all-ones entry: at least 2; above 6, a multiple of 3 (the passes addTreeToBlock runs).
 *
 * @example
 * paddedPairCount(7); // 9
 */
export function paddedPairCount(n: number): number {
  return n <= 6 ? Math.max(n, 2) : 3 * Math.ceil(n / 3);
}

/**
 * Adds tree t's leaf values to the rows' sums at masks.values[sums …] for the `count` rows of the
 * block whose cut positions are in place. A tree of n ≤ 6 pairs takes one pass over the rows (most
 * trees of 31 leaves do); a longer one passes three lookups at a time, writing then ANDing running
 * masks, and its last pass ANDs them too. The last pass turns masks into leaf values. Each
 * typed-array access costs V8 a bounds check, and a detached-buffer check once any buffer in the
 * process was transferred, so fewer accesses is what pays: one pass, no running masks where they
 * are not needed (measured: 5 to 10% each).
 * An odd count runs one row more: the block's scratch has room, that row's positions are an
 * earlier row's, and its sum is never read.
 *
 * @example
 * for (let t = 0; t < masks.nTrees; t++) addTreeToBlock(masks, t, count, masks.sumsAt);
 */
export function addTreeToBlock(masks: LeafMasks, t: number, count: number, sums: number): void {
  const { work, values, accAt } = masks;
  const end = accAt + count + (count & 1);
  const n = masks.pairStart[t + 1]! - masks.pairStart[t]!;
  let q = masks.pairsAt + 2 * masks.pairStart[t]!;
  const leaf = masks.leafAt[t]! + 31;
  const toSum = sums - accAt;
  if (n === 2) finishTwo(work, values, q, accAt, end, leaf, toSum);
  else if (n === 3) finishThree(work, values, q, accAt, end, leaf, toSum);
  else if (n === 4) finishFour(work, values, q, accAt, end, leaf, toSum);
  else if (n === 5) finishFive(work, values, q, accAt, end, leaf, toSum);
  else if (n === 6) finishSix(work, values, q, accAt, end, leaf, toSum);
  else {
    writeThree(work, q, accAt, end);
    for (q += 6; q < masks.pairsAt + 2 * masks.pairStart[t + 1]! - 6; q += 6) andThree(work, q, accAt, end);
    finishRunningThree(work, values, q, accAt, end, leaf, toSum);
  }
}

// The passes below are the hot loops of batch prediction, unrolled by hand (a fixed number of
// lookups, two rows per iteration: 8% faster than one, measured). In each, pair i's positions start
// at work[q + 2i] and its table at work[q + 2i + 1]; work[a] (a from accAt) is row a − accAt's
// running mask; finishing adds the exit leaf's value, values[leaf − clz32(lowest bit)], to the
// row's sum, values[toSum + a].

function writeThree(work: Int32Array, q: number, accAt: number, end: number): void {
  const p1 = work[q]! - accAt;
  const e1 = work[q + 1]!;
  const p2 = work[q + 2]! - accAt;
  const e2 = work[q + 3]!;
  const p3 = work[q + 4]! - accAt;
  const e3 = work[q + 5]!;
  for (let a = accAt; a < end; a += 2) {
    const b = (a + 1) | 0;
    work[a] =
      work[(e1 + work[(p1 + a) | 0]!) | 0]! &
      work[(e2 + work[(p2 + a) | 0]!) | 0]! &
      work[(e3 + work[(p3 + a) | 0]!) | 0]!;
    work[b] =
      work[(e1 + work[(p1 + b) | 0]!) | 0]! &
      work[(e2 + work[(p2 + b) | 0]!) | 0]! &
      work[(e3 + work[(p3 + b) | 0]!) | 0]!;
  }
}

function andThree(work: Int32Array, q: number, accAt: number, end: number): void {
  const p1 = work[q]! - accAt;
  const e1 = work[q + 1]!;
  const p2 = work[q + 2]! - accAt;
  const e2 = work[q + 3]!;
  const p3 = work[q + 4]! - accAt;
  const e3 = work[q + 5]!;
  for (let a = accAt; a < end; a += 2) {
    const b = (a + 1) | 0;
    work[a] =
      work[a]! &
      work[(e1 + work[(p1 + a) | 0]!) | 0]! &
      work[(e2 + work[(p2 + a) | 0]!) | 0]! &
      work[(e3 + work[(p3 + a) | 0]!) | 0]!;
    work[b] =
      work[b]! &
      work[(e1 + work[(p1 + b) | 0]!) | 0]! &
      work[(e2 + work[(p2 + b) | 0]!) | 0]! &
      work[(e3 + work[(p3 + b) | 0]!) | 0]!;
  }
}

function finishTwo(
  work: Int32Array,
  values: Float64Array,
  q: number,
  accAt: number,
  end: number,
  leaf: number,
  toSum: number,
): void {
  const p1 = work[q]! - accAt;
  const e1 = work[q + 1]!;
  const p2 = work[q + 2]! - accAt;
  const e2 = work[q + 3]!;
  for (let a = accAt; a < end; a += 2) {
    const b = (a + 1) | 0;
    const u = work[(e1 + work[(p1 + a) | 0]!) | 0]! & work[(e2 + work[(p2 + a) | 0]!) | 0]!;
    const v = work[(e1 + work[(p1 + b) | 0]!) | 0]! & work[(e2 + work[(p2 + b) | 0]!) | 0]!;
    values[(toSum + a) | 0]! += values[(leaf - Math.clz32(u & -u)) | 0]!;
    values[(toSum + b) | 0]! += values[(leaf - Math.clz32(v & -v)) | 0]!;
  }
}

function finishThree(
  work: Int32Array,
  values: Float64Array,
  q: number,
  accAt: number,
  end: number,
  leaf: number,
  toSum: number,
): void {
  const p1 = work[q]! - accAt;
  const e1 = work[q + 1]!;
  const p2 = work[q + 2]! - accAt;
  const e2 = work[q + 3]!;
  const p3 = work[q + 4]! - accAt;
  const e3 = work[q + 5]!;
  for (let a = accAt; a < end; a += 2) {
    const b = (a + 1) | 0;
    const u =
      work[(e1 + work[(p1 + a) | 0]!) | 0]! &
      work[(e2 + work[(p2 + a) | 0]!) | 0]! &
      work[(e3 + work[(p3 + a) | 0]!) | 0]!;
    const v =
      work[(e1 + work[(p1 + b) | 0]!) | 0]! &
      work[(e2 + work[(p2 + b) | 0]!) | 0]! &
      work[(e3 + work[(p3 + b) | 0]!) | 0]!;
    values[(toSum + a) | 0]! += values[(leaf - Math.clz32(u & -u)) | 0]!;
    values[(toSum + b) | 0]! += values[(leaf - Math.clz32(v & -v)) | 0]!;
  }
}

function finishFour(
  work: Int32Array,
  values: Float64Array,
  q: number,
  accAt: number,
  end: number,
  leaf: number,
  toSum: number,
): void {
  const p1 = work[q]! - accAt;
  const e1 = work[q + 1]!;
  const p2 = work[q + 2]! - accAt;
  const e2 = work[q + 3]!;
  const p3 = work[q + 4]! - accAt;
  const e3 = work[q + 5]!;
  const p4 = work[q + 6]! - accAt;
  const e4 = work[q + 7]!;
  for (let a = accAt; a < end; a += 2) {
    const b = (a + 1) | 0;
    const u =
      work[(e1 + work[(p1 + a) | 0]!) | 0]! &
      work[(e2 + work[(p2 + a) | 0]!) | 0]! &
      work[(e3 + work[(p3 + a) | 0]!) | 0]! &
      work[(e4 + work[(p4 + a) | 0]!) | 0]!;
    const v =
      work[(e1 + work[(p1 + b) | 0]!) | 0]! &
      work[(e2 + work[(p2 + b) | 0]!) | 0]! &
      work[(e3 + work[(p3 + b) | 0]!) | 0]! &
      work[(e4 + work[(p4 + b) | 0]!) | 0]!;
    values[(toSum + a) | 0]! += values[(leaf - Math.clz32(u & -u)) | 0]!;
    values[(toSum + b) | 0]! += values[(leaf - Math.clz32(v & -v)) | 0]!;
  }
}

function finishFive(
  work: Int32Array,
  values: Float64Array,
  q: number,
  accAt: number,
  end: number,
  leaf: number,
  toSum: number,
): void {
  const p1 = work[q]! - accAt;
  const e1 = work[q + 1]!;
  const p2 = work[q + 2]! - accAt;
  const e2 = work[q + 3]!;
  const p3 = work[q + 4]! - accAt;
  const e3 = work[q + 5]!;
  const p4 = work[q + 6]! - accAt;
  const e4 = work[q + 7]!;
  const p5 = work[q + 8]! - accAt;
  const e5 = work[q + 9]!;
  for (let a = accAt; a < end; a += 2) {
    const b = (a + 1) | 0;
    const u =
      work[(e1 + work[(p1 + a) | 0]!) | 0]! &
      work[(e2 + work[(p2 + a) | 0]!) | 0]! &
      work[(e3 + work[(p3 + a) | 0]!) | 0]! &
      work[(e4 + work[(p4 + a) | 0]!) | 0]! &
      work[(e5 + work[(p5 + a) | 0]!) | 0]!;
    const v =
      work[(e1 + work[(p1 + b) | 0]!) | 0]! &
      work[(e2 + work[(p2 + b) | 0]!) | 0]! &
      work[(e3 + work[(p3 + b) | 0]!) | 0]! &
      work[(e4 + work[(p4 + b) | 0]!) | 0]! &
      work[(e5 + work[(p5 + b) | 0]!) | 0]!;
    values[(toSum + a) | 0]! += values[(leaf - Math.clz32(u & -u)) | 0]!;
    values[(toSum + b) | 0]! += values[(leaf - Math.clz32(v & -v)) | 0]!;
  }
}

function finishSix(
  work: Int32Array,
  values: Float64Array,
  q: number,
  accAt: number,
  end: number,
  leaf: number,
  toSum: number,
): void {
  const p1 = work[q]! - accAt;
  const e1 = work[q + 1]!;
  const p2 = work[q + 2]! - accAt;
  const e2 = work[q + 3]!;
  const p3 = work[q + 4]! - accAt;
  const e3 = work[q + 5]!;
  const p4 = work[q + 6]! - accAt;
  const e4 = work[q + 7]!;
  const p5 = work[q + 8]! - accAt;
  const e5 = work[q + 9]!;
  const p6 = work[q + 10]! - accAt;
  const e6 = work[q + 11]!;
  for (let a = accAt; a < end; a += 2) {
    const b = (a + 1) | 0;
    const u =
      work[(e1 + work[(p1 + a) | 0]!) | 0]! &
      work[(e2 + work[(p2 + a) | 0]!) | 0]! &
      work[(e3 + work[(p3 + a) | 0]!) | 0]! &
      work[(e4 + work[(p4 + a) | 0]!) | 0]! &
      work[(e5 + work[(p5 + a) | 0]!) | 0]! &
      work[(e6 + work[(p6 + a) | 0]!) | 0]!;
    const v =
      work[(e1 + work[(p1 + b) | 0]!) | 0]! &
      work[(e2 + work[(p2 + b) | 0]!) | 0]! &
      work[(e3 + work[(p3 + b) | 0]!) | 0]! &
      work[(e4 + work[(p4 + b) | 0]!) | 0]! &
      work[(e5 + work[(p5 + b) | 0]!) | 0]! &
      work[(e6 + work[(p6 + b) | 0]!) | 0]!;
    values[(toSum + a) | 0]! += values[(leaf - Math.clz32(u & -u)) | 0]!;
    values[(toSum + b) | 0]! += values[(leaf - Math.clz32(v & -v)) | 0]!;
  }
}

function finishRunningThree(
  work: Int32Array,
  values: Float64Array,
  q: number,
  accAt: number,
  end: number,
  leaf: number,
  toSum: number,
): void {
  const p1 = work[q]! - accAt;
  const e1 = work[q + 1]!;
  const p2 = work[q + 2]! - accAt;
  const e2 = work[q + 3]!;
  const p3 = work[q + 4]! - accAt;
  const e3 = work[q + 5]!;
  for (let a = accAt; a < end; a += 2) {
    const b = (a + 1) | 0;
    const u =
      work[a]! &
      work[(e1 + work[(p1 + a) | 0]!) | 0]! &
      work[(e2 + work[(p2 + a) | 0]!) | 0]! &
      work[(e3 + work[(p3 + a) | 0]!) | 0]!;
    const v =
      work[b]! &
      work[(e1 + work[(p1 + b) | 0]!) | 0]! &
      work[(e2 + work[(p2 + b) | 0]!) | 0]! &
      work[(e3 + work[(p3 + b) | 0]!) | 0]!;
    values[(toSum + a) | 0]! += values[(leaf - Math.clz32(u & -u)) | 0]!;
    values[(toSum + b) | 0]! += values[(leaf - Math.clz32(v & -v)) | 0]!;
  }
}
