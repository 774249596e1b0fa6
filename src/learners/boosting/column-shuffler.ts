import { type Random, shuffleInPlace } from '../../random.js';
import type { TreeArrays } from '../tree/tree-arrays.js';
import type { TreeColumns } from '../tree/tree-columns.js';

/** Prepared columns in a random order: column j of `columns` is column order[j] of the original. */
export interface ShuffledColumns {
  readonly columns: TreeColumns;
  readonly order: Int32Array;
}

/**
 * A source of copies of prepared columns (values, and sort orders when present) in a fresh random
 * column order per call, refilling one buffer. The tree builder scans features in index order and
 * keeps the first of equally good splits; scikit-learn visits them in a random order, so ties
 * (common when the gradients take few distinct values, as in classification) go to a random
 * feature, not always to the first column.
 *
 * @example
 * const shuffle = createColumnShuffler(prepareColumns(X, true), random);
 * const { columns, order } = shuffle();
 * const tree = originalFeatures(buildTree(columns, target, rows, options, random).tree, order);
 */
export function createColumnShuffler(prepared: TreeColumns, random: Random): () => ShuffledColumns {
  const { rows, cols } = prepared;
  const order = Int32Array.from({ length: cols }, (_, j) => j);
  const values = new Float64Array(prepared.columns.length);
  const sorted = prepared.order ? new Uint32Array(prepared.order.length) : undefined;
  const columns: TreeColumns = { rows, cols, columns: values, ...(sorted ? { order: sorted } : {}) };
  return () => {
    shuffleInPlace(order, random);
    for (let j = 0; j < cols; j++) {
      const from = order[j]! * rows;
      values.set(prepared.columns.subarray(from, from + rows), j * rows);
      if (sorted) sorted.set(prepared.order!.subarray(from, from + rows), j * rows);
    }
    return { columns, order };
  };
}

/**
 * The tree grown on shuffled columns, with its split features mapped back to the original columns.
 *
 * @example
 * originalFeatures(tree, Int32Array.of(2, 0, 1)) // a split on column 0 becomes one on column 2
 */
export function originalFeatures(tree: TreeArrays, order: Int32Array): TreeArrays {
  const feature = tree.feature.map((f) => (f >= 0 ? order[f]! : f));
  return { ...tree, feature };
}
