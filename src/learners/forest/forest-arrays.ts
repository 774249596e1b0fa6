import type { Matrix } from '../../data/matrix.js';
import type { TreeArrays } from '../tree/tree-arrays.js';

/**
 * Many trees in one set of typed arrays. The split nodes of all trees come one tree after the other
 * (`feature`, `threshold`, `left`, `right`); a child ≥ 0 is a split node, a child < 0 is the leaf
 * `~child`, whose `nOutputs` values are at `value[~child · nOutputs …]`. Tree t's split nodes are
 * `nodeStart[t] … nodeStart[t+1]` (its root first) and its leaves `leafStart[t] … leafStart[t+1]`.
 */
export interface ForestArrays {
  readonly nOutputs: number;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
  readonly nodeStart: Int32Array;
  readonly leafStart: Int32Array;
}

/**
 * Packs trees (as `buildTree` grows them) into one ForestArrays, leaves keeping only their values.
 *
 * @example
 * const forest = packTrees([a.tree, b.tree], 1);
 */
export function packTrees(trees: readonly TreeArrays[], nOutputs: number): ForestArrays {
  let nSplits = 0;
  let nLeaves = 0;
  for (const tree of trees) {
    for (let i = 0; i < tree.left.length; i++) tree.left[i]! >= 0 ? nSplits++ : nLeaves++;
  }
  const out = allocate(nOutputs, nSplits, nLeaves, trees.length);
  let split = 0;
  let leaf = 0;
  trees.forEach((tree, t) => {
    out.nodeStart[t] = split;
    out.leafStart[t] = leaf;
    // Node i of the tree becomes split node `index[i]` or leaf `~index[i]` of the forest.
    const index = new Int32Array(tree.left.length);
    for (let i = 0; i < tree.left.length; i++) index[i] = tree.left[i]! >= 0 ? split++ : ~leaf++;
    for (let i = 0; i < tree.left.length; i++) {
      const id = index[i]!;
      if (id < 0) {
        out.value.set(tree.value.subarray(i * nOutputs, (i + 1) * nOutputs), ~id * nOutputs);
        continue;
      }
      out.feature[id] = tree.feature[i]!;
      out.threshold[id] = tree.threshold[i]!;
      out.left[id] = index[tree.left[i]!]!;
      out.right[id] = index[tree.right[i]!]!;
    }
  });
  out.nodeStart[trees.length] = split;
  out.leafStart[trees.length] = leaf;
  return out;
}

/**
 * The forests one after the other, as one (trees in order; child indices shifted).
 *
 * @example
 * const forest = concatForests([firstChunk, secondChunk]);
 */
export function concatForests(parts: readonly ForestArrays[]): ForestArrays {
  const nOutputs = parts[0]?.nOutputs ?? 1;
  let nSplits = 0;
  let nLeaves = 0;
  let nTrees = 0;
  for (const part of parts) {
    nSplits += part.feature.length;
    nLeaves += part.value.length / nOutputs;
    nTrees += part.nodeStart.length - 1;
  }
  const out = allocate(nOutputs, nSplits, nLeaves, nTrees);
  let splits = 0;
  let leaves = 0;
  let trees = 0;
  for (const part of parts) {
    out.feature.set(part.feature, splits);
    out.threshold.set(part.threshold, splits);
    out.value.set(part.value, leaves * nOutputs);
    for (let i = 0; i < part.left.length; i++) {
      out.left[splits + i] = shift(part.left[i]!, splits, leaves);
      out.right[splits + i] = shift(part.right[i]!, splits, leaves);
    }
    const partTrees = part.nodeStart.length - 1;
    for (let t = 0; t < partTrees; t++) {
      out.nodeStart[trees + t] = part.nodeStart[t]! + splits;
      out.leafStart[trees + t] = part.leafStart[t]! + leaves;
    }
    splits += part.feature.length;
    leaves += part.value.length / nOutputs;
    trees += partTrees;
  }
  out.nodeStart[nTrees] = splits;
  out.leafStart[nTrees] = leaves;
  return out;
}

/**
 * Where each tree starts: its root split node, or `~leaf` for a tree that is a single leaf.
 *
 * @example
 * const roots = forestRoots(forest); // then: let node = roots[t]; while (node >= 0) ...
 */
export function forestRoots(forest: ForestArrays): Int32Array {
  const nTrees = forest.nodeStart.length - 1;
  const roots = new Int32Array(nTrees);
  for (let t = 0; t < nTrees; t++) {
    roots[t] = forest.nodeStart[t + 1]! > forest.nodeStart[t]! ? forest.nodeStart[t]! : ~forest.leafStart[t]!;
  }
  return roots;
}

/**
 * The leaf row `data[offset …]` falls into, in the tree whose root is `root`.
 *
 * @example
 * const leaf = forestLeaf(forest, roots[t], X.data, i * X.cols);
 */
export function forestLeaf(forest: ForestArrays, root: number, data: Float64Array, offset: number): number {
  const { feature, threshold, left, right } = forest;
  let node = root;
  while (node >= 0) node = data[offset + feature[node]!]! <= threshold[node]! ? left[node]! : right[node]!;
  return ~node;
}

/**
 * The mean over the trees of their values for every row of X: rows × nOutputs, row-major (the
 * regression prediction, or the class probabilities).
 *
 * @example
 * const yHat = predictForest(forest, forestRoots(forest), X);
 */
export function predictForest(forest: ForestArrays, roots: Int32Array, X: Matrix): Float64Array {
  const { value, nOutputs: k } = forest;
  const { rows, cols, data } = X;
  const nTrees = roots.length;
  const out = new Float64Array(rows * k);
  // Tree by tree over blocks of rows: a tree stays in cache while it sees the block (row by row
  // over every tree, a large forest is read from memory again for each row).
  for (let from = 0; from < rows; from += PREDICT_BLOCK) {
    const to = Math.min(rows, from + PREDICT_BLOCK);
    for (let t = 0; t < nTrees; t++) {
      const root = roots[t]!;
      for (let i = from; i < to; i++) {
        const leaf = forestLeaf(forest, root, data, i * cols) * k;
        for (let c = 0; c < k; c++) out[i * k + c]! += value[leaf + c]!;
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i]! /= nTrees;
  return out;
}

/**
 * The forest's values for one row (`row[j]` is feature j) into out[0 … nOutputs): what
 * `predictForest` gives for that row, without allocating.
 *
 * @example
 * predictForestRow(forest, roots, Float64Array.of(0.2, 0.7), out);
 */
export function predictForestRow(
  forest: ForestArrays,
  roots: Int32Array,
  row: Float64Array,
  out: Float64Array,
): void {
  const { value, nOutputs: k } = forest;
  out.fill(0, 0, k);
  for (let t = 0; t < roots.length; t++) {
    const leaf = forestLeaf(forest, roots[t]!, row, 0) * k;
    for (let c = 0; c < k; c++) out[c]! += value[leaf + c]!;
  }
  for (let c = 0; c < k; c++) out[c]! /= roots.length;
}

/** Rows predicted together, tree by tree. */
const PREDICT_BLOCK = 1024;

function shift(child: number, splits: number, leaves: number): number {
  return child >= 0 ? child + splits : ~(~child + leaves);
}

function allocate(nOutputs: number, nSplits: number, nLeaves: number, nTrees: number): ForestArrays {
  return {
    nOutputs,
    feature: new Int32Array(nSplits),
    threshold: new Float64Array(nSplits),
    left: new Int32Array(nSplits),
    right: new Int32Array(nSplits),
    value: new Float64Array(nLeaves * nOutputs),
    nodeStart: new Int32Array(nTrees + 1),
    leafStart: new Int32Array(nTrees + 1),
  };
}
