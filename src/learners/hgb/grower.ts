import type { Random } from '../../random.js';
import { drawToFront, sampleSize } from './feature-sampler.js';
import { heapPop, heapPush } from './gain-heap.js';
import { type HistogramScale, histogramSums } from './histogram.js';
import { leftBins } from './partition.js';
import type { Quantization } from './quantize.js';
import type { SplitRequest } from './split.js';
import type { SplitContext, SplitInfo } from './split-info.js';
import { subtractNode, type TreeWork, type WorkData } from './tree-work.js';

/** How a tree grows (scikit-learn's TreeGrower parameters). */
export interface GrowthOptions {
  readonly maxLeafNodes: number | null;
  readonly maxDepth: number | null;
  readonly minSamplesLeaf: number;
  /** Multiplies the leaf values (the learning rate). */
  readonly shrinkage: number;
  /** Fraction of the tree's features searched at each split (1: all); drawn with `random`. */
  readonly featureFractionPerSplit: number;
}

/** A node of a grown tree. Children come in pairs: the right child's id is the left child's + 1. */
export interface TreeNode {
  readonly id: number;
  readonly depth: number;
  /** Its rows are rowsAt(data, depth)[start … start+count). */
  readonly start: number;
  readonly count: number;
  readonly sumGradients: number;
  readonly sumHessians: number;
  /** Leaves: the (shrunk) output; inner nodes: the value they would have as a leaf. */
  value: number;
  split: SplitInfo | null;
  left: TreeNode | null;
  right: TreeNode | null;
  isLeaf: boolean;
  histogram: Int32Array | null;
}

/** A histogram allocator that recycles freed histograms. */
export interface HistogramPool {
  take(): Int32Array;
  give(histogram: Int32Array): void;
}

/**
 * A pool of packed histograms of `length` Int32 entries: first the slices of `region` (in the
 * kernel's memory, where subtractions run compiled), then new arrays.
 *
 * @example
 * const pool = histogramPool(histogramLength(20, 256, 1));
 */
export function histogramPool(length: number, region: Int32Array = new Int32Array(0)): HistogramPool {
  const free: Int32Array[] = [];
  for (let at = region.length - length; at >= 0; at -= length) free.push(region.subarray(at, at + length));
  return {
    take: () => free.pop() ?? new Int32Array(length),
    give: (histogram) => void free.push(histogram),
  };
}

/** Everything a tree grows from; the rows of the tree are data.partition[0 … rootCount) (depth 0). */
export interface GrowInput {
  readonly data: WorkData;
  readonly work: TreeWork;
  readonly splitContext: SplitContext;
  readonly pool: HistogramPool;
  /** How the tree's gradients were quantised (quantizeTree). */
  readonly quantization: Quantization;
  /** Which tree of the iteration (its gradients). */
  readonly tree: number;
  readonly rootCount: number;
  /** How many of data.features the tree uses. */
  readonly nFeatures: number;
  readonly random: Random;
}

/**
 * Grows one tree best-first, as scikit-learn's TreeGrower: the splittable leaf of largest gain is
 * split next, until maxLeafNodes leaves, maxDepth, minSamplesLeaf or no positive gain stop it. The
 * smaller child's histogram is built from its rows, the larger one's is its parent's minus the
 * smaller's. Returns the nodes by id (the root first); leaves hold their shrunk values.
 *
 * @example
 * const nodes = growTree(input, { maxLeafNodes: 31, maxDepth: null, minSamplesLeaf: 20, shrinkage: 0.1, featureFractionPerSplit: 1 });
 */
export function growTree(input: GrowInput, options: GrowthOptions): TreeNode[] {
  const { data, tree, rootCount, nFeatures } = input;
  const { minSamplesLeaf } = options;
  const nodes: TreeNode[] = [];
  const splittable: SplitCandidate[] = [];
  const leaves: TreeNode[] = [];
  const node = (
    depth: number,
    start: number,
    count: number,
    g: number,
    h: number,
    value: number,
  ): TreeNode => {
    const created: TreeNode = {
      id: nodes.length,
      depth,
      start,
      count,
      sumGradients: g,
      sumHessians: h,
      value,
      split: null,
      left: null,
      right: null,
      isLeaf: false,
      histogram: null,
    };
    nodes.push(created);
    return created;
  };
  const finalize = (leaf: TreeNode): void => {
    leaf.isLeaf = true;
    leaves.push(leaf);
    if (leaf.histogram) input.pool.give(leaf.histogram);
    leaf.histogram = null;
  };
  const features = data.features.subarray(0, nFeatures);
  const scale: HistogramScale = {
    words: data.words,
    countBits: data.countBits,
    quantization: input.quantization,
  };
  /** Finds the best splits of `targets` (on helper threads too) and queues them, or makes them leaves. */
  const findSplitsAndPush = (targets: readonly TreeNode[]): void => {
    // Feature samples are drawn here, in order, whoever searches them.
    const requests = targets.map(
      (target): SplitRequest => ({
        histogram: target.histogram!,
        features:
          options.featureFractionPerSplit < 1
            ? sampleFeatures(features, options.featureFractionPerSplit, input.random)
            : features,
        count: target.count,
        sumGradients: target.sumGradients,
        sumHessians: target.sumHessians,
        value: target.value,
        scale,
      }),
    );
    const splits = input.work.splits(requests);
    targets.forEach((target, i) => {
      const split = splits[i]!;
      target.split = split;
      if (split.gain <= 0) finalize(target);
      else heapPush(splittable, { gain: split.gain, node: target });
    });
  };

  // The root's sums are its histogram's (exact integers, as every node's below it).
  const histogram = input.pool.take();
  input.work.histogram({ start: 0, count: rootCount, depth: 0, tree, nFeatures }, histogram);
  const [sumG, sumH] = histogramSums(histogram, features[0]!, data.binSlots, scale);
  const root = node(0, 0, rootCount, sumG, sumH, 0);
  root.histogram = histogram;
  if (rootCount < 2 * minSamplesLeaf || sumH < input.splitContext.minHessianToSplit) finalize(root);
  else findSplitsAndPush([root]);

  const goesLeft = new Uint8Array(256);
  for (let next = heapPop(splittable); next; next = heapPop(splittable)) {
    const parent = next.node;
    const split = parent.split!;
    leftBins(split, input.splitContext.missingBin, goesLeft);
    // The split counted its left rows in the parent's histogram: the partition writes each side
    // straight to its place in the other row buffer.
    const nLeft = split.nLeft;
    const { start, count } = parent;
    input.work.partition({ start, count, depth: parent.depth, nLeft, feature: split.feature }, goesLeft);
    const depth = parent.depth + 1;
    const nLeaves = leaves.length + splittable.length + 2;
    const left = node(
      depth,
      parent.start,
      nLeft,
      split.sumGradientLeft,
      split.sumHessianLeft,
      split.valueLeft,
    );
    const right = node(
      depth,
      parent.start + nLeft,
      parent.count - nLeft,
      split.sumGradientRight,
      split.sumHessianRight,
      split.valueRight,
    );
    parent.left = left;
    parent.right = right;
    // Without missing values in training, missing values at predict time follow the majority.
    if (!input.splitContext.hasMissing[split.feature]) split.missingGoToLeft = left.count > right.count;
    if (options.maxLeafNodes !== null && nLeaves === options.maxLeafNodes) {
      finalize(left);
      finalize(right);
      for (let rest = splittable.pop(); rest; rest = splittable.pop()) finalize(rest.node);
    } else if (options.maxDepth !== null && depth === options.maxDepth) {
      finalize(left);
      finalize(right);
    } else {
      if (left.count < 2 * minSamplesLeaf) finalize(left);
      if (right.count < 2 * minSamplesLeaf) finalize(right);
      if (!left.isLeaf || !right.isLeaf) {
        const [smaller, larger] = left.count < right.count ? [left, right] : [right, left];
        smaller.histogram = input.pool.take();
        input.work.histogram(
          { start: smaller.start, count: smaller.count, depth, tree, nFeatures },
          smaller.histogram,
        );
        larger.histogram = input.pool.take();
        // The larger child's histogram is its parent's minus its sibling's: no pass over its rows.
        subtractNode(data, parent.histogram!, smaller.histogram, larger.histogram, features);
        findSplitsAndPush([left, right].filter((child) => !child.isLeaf));
        for (const child of [left, right]) {
          if (child.isLeaf && child.histogram) {
            input.pool.give(child.histogram);
            child.histogram = null;
          }
        }
      }
    }
    input.pool.give(parent.histogram!);
    parent.histogram = null;
  }
  for (const leaf of leaves) leaf.value *= options.shrinkage;
  return nodes;
}

interface SplitCandidate {
  readonly gain: number;
  readonly node: TreeNode;
}

/** ⌈fraction · n⌉ (at least 1) of `features`, drawn at random, in ascending order. */
function sampleFeatures(features: Int32Array, fraction: number, random: Random): Int32Array {
  const pool = features.slice();
  const k = sampleSize(fraction, features.length);
  drawToFront(pool, k, random);
  return pool.subarray(0, k);
}
