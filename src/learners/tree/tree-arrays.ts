import type { Matrix } from '../../data/matrix.js';

/**
 * A fitted tree as parallel arrays, one entry per node (node 0 is the root). A split node sends a row
 * left when `X[feature] <= threshold`; a leaf has `left = right = -1`. `value` holds `nOutputs`
 * numbers per node: the mean target (regression) or the class probabilities (classification).
 */
export interface TreeArrays {
  readonly nOutputs: number;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

/**
 * The leaf a row falls into; the row is `data[offset …]` (a row-major matrix's row, or any vector).
 *
 * @example
 * const leaf = findLeaf(tree, X.data, i * X.cols);
 */
export function findLeaf(tree: TreeArrays, data: Float64Array, offset: number): number {
  const { feature, threshold, left, right } = tree;
  let node = 0;
  while (left[node]! >= 0) {
    node = data[offset + feature[node]!]! <= threshold[node]! ? left[node]! : right[node]!;
  }
  return node;
}

/**
 * The tree's values for every row of X: rows × nOutputs, row-major.
 *
 * @example
 * const yHat = predictTree(tree, X); // regression: one value per row
 */
export function predictTree(tree: TreeArrays, X: Matrix): Float64Array {
  const k = tree.nOutputs;
  const out = new Float64Array(X.rows * k);
  for (let i = 0; i < X.rows; i++) {
    const leaf = findLeaf(tree, X.data, i * X.cols);
    if (k === 1) out[i] = tree.value[leaf]!;
    else out.set(tree.value.subarray(leaf * k, leaf * k + k), i * k);
  }
  return out;
}

/** The arrays of a tree being grown: nodes are appended, then `finish` trims them. */
export interface NodeStore {
  readonly size: number;
  /** Appends a leaf below `parent` (-1 for the root) and returns its id; its value is written by `writeValue`. */
  addLeaf(parent: number, isLeft: boolean, writeValue: (out: Float64Array, offset: number) => void): number;
  /** Turns node `id` into a split on `feature` at `threshold` (its children are the next nodes added below it). */
  setSplit(id: number, feature: number, threshold: number): void;
  finish(): TreeArrays;
}

/**
 * An empty node store for at most `maxNodes` nodes of `nOutputs` values each; grows by doubling.
 *
 * @example
 * const store = createNodeStore(2 * nRows - 1, 1);
 */
export function createNodeStore(maxNodes: number, nOutputs: number): NodeStore {
  let capacity = Math.max(1, Math.min(maxNodes, 255));
  let feature = new Int32Array(capacity);
  let threshold = new Float64Array(capacity);
  let left = new Int32Array(capacity);
  let right = new Int32Array(capacity);
  let value = new Float64Array(capacity * nOutputs);
  let size = 0;
  const grow = (): void => {
    capacity = Math.min(maxNodes, capacity * 2);
    feature = resized(feature, capacity);
    threshold = resized(threshold, capacity);
    left = resized(left, capacity);
    right = resized(right, capacity);
    value = resized(value, capacity * nOutputs);
  };
  return {
    get size() {
      return size;
    },
    addLeaf(parent, isLeft, writeValue) {
      if (size === capacity) grow();
      const id = size++;
      feature[id] = -1;
      threshold[id] = 0;
      left[id] = -1;
      right[id] = -1;
      writeValue(value, id * nOutputs);
      if (parent >= 0) (isLeft ? left : right)[parent] = id;
      return id;
    },
    setSplit(id, f, t) {
      feature[id] = f;
      threshold[id] = t;
    },
    finish() {
      return {
        nOutputs,
        feature: feature.slice(0, size),
        threshold: threshold.slice(0, size),
        left: left.slice(0, size),
        right: right.slice(0, size),
        value: value.slice(0, size * nOutputs),
      };
    },
  };
}

function resized<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  return out;
}
