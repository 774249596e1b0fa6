import type { BoostingLoss, LossTarget } from './boosting-loss.js';

/**
 * Replaces each leaf's value by the loss's line search over the leaf's rows (scikit-learn's
 * `update_terminal_regions`): `leafOf[r]` is the leaf of row r, `rows` (ascending) the rows the
 * tree was fitted on, `values` the tree's node values, updated in place.
 *
 * @example
 * lineSearchLeaves(loss, target, raw, 0, residual, rows, leafOf, values);
 */
export function lineSearchLeaves(
  loss: BoostingLoss,
  target: LossTarget,
  raw: Float64Array,
  k: number,
  residual: Float64Array,
  rows: Uint32Array,
  leafOf: Int32Array,
  values: Float64Array,
): void {
  const leafValue = loss.leafValue;
  if (!leafValue) return;
  const nNodes = values.length;
  // Counting sort by leaf: each leaf's rows stay in ascending order, the order scikit-learn sums them in.
  const start = new Int32Array(nNodes + 1);
  for (let i = 0; i < rows.length; i++) start[leafOf[rows[i]!]! + 1]!++;
  for (let node = 0; node < nNodes; node++) start[node + 1]! += start[node]!;
  const next = start.slice(0, nNodes);
  const grouped = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    grouped[next[leafOf[r]!]!++] = r;
  }
  for (let node = 0; node < nNodes; node++) {
    const from = start[node]!;
    const to = start[node + 1]!;
    if (to > from) values[node] = leafValue(target, raw, k, residual, grouped, from, to);
  }
}
