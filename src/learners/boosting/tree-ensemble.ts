import type { Matrix } from '../../data/matrix.js';
import { findLeaf, type TreeArrays } from '../tree/tree-arrays.js';

/**
 * Boosted trees stored together: the node arrays of every tree concatenated (child indices are
 * global, -1 marks a leaf) and tree t's root at `treeStart[t]`. Tree t adds its leaf `value` to raw
 * score t mod nOutputs (stage-major: stage i's trees are i·nOutputs … i·nOutputs + nOutputs − 1).
 * Leaf values already include the learning rate.
 */
export interface TreeEnsemble {
  readonly nOutputs: number;
  readonly treeStart: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

/** Collects trees into a TreeEnsemble. */
export interface EnsembleBuilder {
  /** Appends a tree whose node values are `values` (one per node: only leaves' are read). */
  add(tree: TreeArrays, values: Float64Array): void;
  finish(): TreeEnsemble;
}

/**
 * An empty ensemble of trees feeding `nOutputs` raw scores; arrays grow by doubling.
 *
 * @example
 * const builder = createEnsembleBuilder(1);
 * builder.add(tree, leafValues);
 * const ensemble = builder.finish();
 */
export function createEnsembleBuilder(nOutputs: number): EnsembleBuilder {
  let size = 0;
  let feature = new Int32Array(256);
  let threshold = new Float64Array(256);
  let left = new Int32Array(256);
  let right = new Int32Array(256);
  let value = new Float64Array(256);
  const starts: number[] = [];
  const reserve = (n: number): void => {
    if (size + n <= feature.length) return;
    const capacity = Math.max(2 * feature.length, size + n);
    feature = grown(feature, capacity);
    threshold = grown(threshold, capacity);
    left = grown(left, capacity);
    right = grown(right, capacity);
    value = grown(value, capacity);
  };
  return {
    add(tree, values) {
      const n = tree.feature.length;
      reserve(n);
      starts.push(size);
      for (let i = 0; i < n; i++) {
        const isLeaf = tree.left[i]! < 0;
        feature[size + i] = tree.feature[i]!;
        threshold[size + i] = tree.threshold[i]!;
        left[size + i] = isLeaf ? -1 : size + tree.left[i]!;
        right[size + i] = isLeaf ? -1 : size + tree.right[i]!;
        value[size + i] = isLeaf ? values[i]! : 0;
      }
      size += n;
    },
    finish() {
      return {
        nOutputs,
        treeStart: Int32Array.from([...starts, size]),
        feature: feature.slice(0, size),
        threshold: threshold.slice(0, size),
        left: left.slice(0, size),
        right: right.slice(0, size),
        value: value.slice(0, size),
      };
    },
  };
}

/**
 * Adds every tree's leaf value to the raw scores of each row of X: tree t of row i goes to
 * out[i·stride + offset + t mod nOutputs]. One tight loop over rows, then trees.
 *
 * @example
 * const raw = new Float64Array(X.rows).fill(init); // regression
 * addEnsembleScores(ensemble, X, raw, 1, 0);
 */
export function addEnsembleScores(
  ensemble: TreeEnsemble,
  X: Matrix,
  out: Float64Array,
  stride: number,
  offset: number,
): void {
  const { nOutputs, treeStart, feature, threshold, left, right, value } = ensemble;
  const nTrees = treeStart.length - 1;
  const { data, cols } = X;
  for (let i = 0; i < X.rows; i++) {
    const base = i * cols;
    const o = i * stride + offset;
    let k = 0;
    for (let t = 0; t < nTrees; t++) {
      let node = treeStart[t]!;
      while (left[node]! >= 0) {
        node = data[base + feature[node]!]! <= threshold[node]! ? left[node]! : right[node]!;
      }
      out[o + k]! += value[node]!;
      if (++k === nOutputs) k = 0;
    }
  }
}

function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  return out;
}

/**
 * Adds one tree's leaf values (one per node) to out[i·stride + offset] for each row i of X.
 *
 * @example
 * addTreeScores(tree, leafValues, XValidation, raw, 1, 0);
 */
export function addTreeScores(
  tree: TreeArrays,
  values: Float64Array,
  X: Matrix,
  out: Float64Array,
  stride: number,
  offset: number,
): void {
  for (let i = 0; i < X.rows; i++) out[i * stride + offset]! += values[findLeaf(tree, X.data, i * X.cols)]!;
}
