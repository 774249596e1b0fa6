import type { Random } from '../../random.js';
import type { Criterion } from './criterion.js';
import {
  type Candidate,
  FEATURE_THRESHOLD,
  partitionRows,
  type ThresholdSearch,
} from './threshold-search.js';
import type { TreeColumns } from './tree-columns.js';

/**
 * One threshold per feature, drawn uniformly between the feature's smallest and largest value in
 * the node (scikit-learn's RandomSplitter, the extra-trees splitter): no sorting, O(rows) per feature.
 * A draw that leaves fewer than `minSamplesLeaf` rows on a side is not used.
 *
 * @example
 * const search = new RandomSearch(prepareColumns(X, false), criterion, rows, minSamplesLeaf, random);
 */
export class RandomSearch implements ThresholdSearch {
  private readonly columns: Float64Array;
  private readonly nRows: number;
  /** The node's values of the feature being tried, aligned with rows (scikit-learn's Xf). */
  private readonly values: Float64Array;

  constructor(
    prepared: TreeColumns,
    private readonly criterion: Criterion,
    private readonly rows: Uint32Array,
    private readonly minSamplesLeaf: number,
    private readonly random: Random,
  ) {
    this.columns = prepared.columns;
    this.nRows = prepared.rows;
    this.values = new Float64Array(rows.length);
  }

  search(f: number, start: number, end: number, best: Candidate): boolean {
    const { columns, rows, values, criterion, minSamplesLeaf } = this;
    const base = f * this.nRows;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = start; k < end; k++) {
      const v = columns[base + rows[k]!]!;
      values[k] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (max <= min + FEATURE_THRESHOLD) return false;
    let threshold = min + this.random.next() * (max - min);
    if (threshold >= max) threshold = min;
    // The left part's statistics without moving rows: only the best split is partitioned (apply).
    criterion.clearLeft();
    let nLeft = 0;
    for (let k = start; k < end; k++) {
      if (values[k]! <= threshold) {
        criterion.moveLeft(rows, k, k + 1);
        nLeft++;
      }
    }
    if (nLeft < minSamplesLeaf || end - start - nLeft < minSamplesLeaf) return true;
    const proxy = criterion.proxyImprovement();
    if (proxy > best.proxy) {
      best.proxy = proxy;
      best.feature = f;
      best.threshold = threshold;
      best.pos = start + nLeft;
    }
    return true;
  }

  apply(best: Candidate, start: number, end: number): void {
    partitionRows(this.columns, best.feature * this.nRows, this.rows, start, end, best.threshold);
  }
}
