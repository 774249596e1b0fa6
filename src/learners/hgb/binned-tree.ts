import type { TreeNode } from './grower.js';
import { leftBins } from './partition.js';

/**
 * A grown tree in bin space, for the rows a fit predicts while it boosts (validation rows, rows
 * left out by subsampling): per node its feature, its first child (−1 for a leaf; the second child
 * follows it), a 256-entry table of the bins that go left, and its value.
 */
export interface BinnedTree {
  readonly feature: Int32Array;
  readonly firstChild: Int32Array;
  readonly goesLeft: Uint8Array;
  readonly value: Float64Array;
}

/**
 * The bin-space form of a grown tree.
 *
 * @example
 * const tree = binnedTree(nodes, 255);
 */
export function binnedTree(nodes: readonly TreeNode[], missingBin: number): BinnedTree {
  const n = nodes.length;
  const feature = new Int32Array(n).fill(-1);
  const firstChild = new Int32Array(n).fill(-1);
  const goesLeft = new Uint8Array(n * 256);
  const value = new Float64Array(n);
  for (const node of nodes) {
    value[node.id] = node.value;
    if (node.isLeaf || !node.split || !node.left) continue;
    feature[node.id] = node.split.feature;
    firstChild[node.id] = node.left.id;
    leftBins(node.split, missingBin, goesLeft.subarray(node.id * 256, (node.id + 1) * 256));
  }
  return { feature, firstChild, goesLeft, value };
}

/**
 * Adds the tree's output to raw[rawOffset + i] for the binned rows i (column-major bins of nRows
 * rows); with `rows`, only for those rows.
 *
 * @example
 * addBinnedTree(tree, validationBins, nValidation, null, rawValidation, k * nValidation);
 */
export function addBinnedTree(
  tree: BinnedTree,
  bins: Uint8Array,
  nRows: number,
  rows: Uint32Array | null,
  raw: Float64Array,
  rawOffset: number,
): void {
  const { feature, firstChild, goesLeft, value } = tree;
  const count = rows ? rows.length : nRows;
  for (let k = 0; k < count; k++) {
    const i = rows ? rows[k]! : k;
    let node = 0;
    while (firstChild[node]! >= 0) {
      const bin = bins[feature[node]! * nRows + i]!;
      node = firstChild[node]! + (goesLeft[node * 256 + bin] === 1 ? 0 : 1);
    }
    raw[rawOffset + i]! += value[node]!;
  }
}
