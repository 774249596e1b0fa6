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

/** Writes a node's values (a criterion does: the mean, or the class probabilities). */
export interface NodeValues {
  nodeValue(out: Float64Array, offset: number): void;
}

/** The arrays of a tree being grown: nodes are appended, then `finish` trims them. */
export interface NodeStore {
  readonly size: number;
  /** Appends a leaf below `parent` (-1 for the root) and returns its id; `values` writes its values. */
  addLeaf(parent: number, isLeft: boolean, values: NodeValues): number;
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
  return new GrowingStore(maxNodes, nOutputs);
}

class GrowingStore implements NodeStore {
  size = 0;
  private capacity: number;
  private feature: Int32Array;
  private threshold: Float64Array;
  private left: Int32Array;
  private right: Int32Array;
  private value: Float64Array;

  constructor(
    private readonly maxNodes: number,
    private readonly nOutputs: number,
  ) {
    const capacity = Math.max(1, Math.min(maxNodes, 255));
    this.capacity = capacity;
    this.feature = new Int32Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.value = new Float64Array(capacity * nOutputs);
  }

  addLeaf(parent: number, isLeft: boolean, values: NodeValues): number {
    if (this.size === this.capacity) this.grow();
    const id = this.size++;
    this.feature[id] = -1;
    this.threshold[id] = 0;
    this.left[id] = -1;
    this.right[id] = -1;
    values.nodeValue(this.value, id * this.nOutputs);
    if (parent >= 0) (isLeft ? this.left : this.right)[parent] = id;
    return id;
  }

  setSplit(id: number, feature: number, threshold: number): void {
    this.feature[id] = feature;
    this.threshold[id] = threshold;
  }

  finish(): TreeArrays {
    const { size, nOutputs } = this;
    return {
      nOutputs,
      feature: this.feature.slice(0, size),
      threshold: this.threshold.slice(0, size),
      left: this.left.slice(0, size),
      right: this.right.slice(0, size),
      value: this.value.slice(0, size * nOutputs),
    };
  }

  private grow(): void {
    const capacity = Math.min(this.maxNodes, this.capacity * 2);
    this.capacity = capacity;
    this.feature = resized(this.feature, capacity);
    this.threshold = resized(this.threshold, capacity);
    this.left = resized(this.left, capacity);
    this.right = resized(this.right, capacity);
    this.value = resized(this.value, capacity * this.nOutputs);
  }
}

function resized<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  return out;
}
