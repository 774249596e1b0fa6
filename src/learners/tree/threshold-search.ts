import type { Criterion } from './criterion.js';

/** Values closer than this count as equal (scikit-learn's FEATURE_THRESHOLD): no split between them. */
export const FEATURE_THRESHOLD = 1e-7;

/** The best split of a node found so far, by proxy improvement; `pos` is where its right rows start. */
export interface Candidate {
  feature: number;
  threshold: number;
  pos: number;
  proxy: number;
}

/**
 * How a splitter tries the thresholds of one feature (all of them, or one drawn at random) and
 * reorders a node's rows once the best split is chosen.
 */
export interface ThresholdSearch {
  /**
   * Tries feature f on the node rows[start … end), whose statistics the criterion holds; records a
   * split beating `best.proxy` in `best`. Returns false when the feature is constant on the node.
   */
  search(f: number, start: number, end: number, best: Candidate): boolean;
  /** Reorders rows[start … end): the best split's left rows first, its right rows from `best.pos`. */
  apply(best: Candidate, start: number, end: number): void;
}

/**
 * Scans every threshold of feature f over node rows sorted by value (`values[offset + k]` is the value
 * of `rows[offset + k]`, k in start … end): midpoints between consecutive distinct values, each
 * side keeping at least `minSamplesLeaf` rows. The first best threshold wins ties.
 *
 * @example
 * scanSorted(criterion, rows, values, 0, start, end, 1, f, best);
 */
export function scanSorted(
  criterion: Criterion,
  rows: Uint32Array,
  values: Float64Array,
  offset: number,
  start: number,
  end: number,
  minSamplesLeaf: number,
  f: number,
  best: Candidate,
): void {
  criterion.clearLeft();
  const first = offset + start;
  const last = offset + end;
  const lastPos = last - minSamplesLeaf;
  let moved = first;
  let p = first;
  while (p < last) {
    while (p + 1 < last && values[p + 1]! <= values[p]! + FEATURE_THRESHOLD) p++;
    p++;
    if (p > lastPos) break;
    if (p - first < minSamplesLeaf) continue;
    criterion.moveLeft(rows, moved, p);
    moved = p;
    const proxy = criterion.proxyImprovement();
    if (proxy > best.proxy) {
      best.proxy = proxy;
      best.feature = f;
      best.pos = p - offset;
      // The sum of halves cannot overflow; a midpoint that rounds up to the right value moves down.
      let threshold = values[p - 1]! / 2 + values[p]! / 2;
      if (threshold === values[p]! || !Number.isFinite(threshold)) threshold = values[p - 1]!;
      best.threshold = threshold;
    }
  }
}

/**
 * Moves the rows of rows[start … end) whose value `columns[base + row]` is ≤ threshold to the front
 * (base: where the feature's column starts); returns where the others start.
 *
 * @example
 * const pos = partitionRows(prepared.columns, f * prepared.rows, rows, start, end, threshold);
 */
export function partitionRows(
  columns: Float64Array,
  base: number,
  rows: Uint32Array,
  start: number,
  end: number,
  threshold: number,
): number {
  let p = start;
  let last = end;
  while (p < last) {
    if (columns[base + rows[p]!]! <= threshold) p++;
    else {
      last--;
      const t = rows[p]!;
      rows[p] = rows[last]!;
      rows[last] = t;
    }
  }
  return p;
}
