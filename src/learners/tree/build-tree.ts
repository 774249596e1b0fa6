import type { Matrix } from '../../data/matrix.js';
import type { Random } from '../../random.js';
import { type Criterion, type CriterionName, createCriterion, type TreeTarget } from './criterion.js';
import { type Split, Splitter, type SplitterName } from './splitter.js';
import { createNodeStore, type NodeStore, type TreeArrays } from './tree-arrays.js';
import { prepareColumns, type TreeColumns } from './tree-columns.js';

/** Impurities this small count as zero (pure node); improvements within it of the minimum still pass. */
const EPSILON = 2 ** -52;

/** How a tree grows, with every limit resolved to a count (see `treeOptions` for the user-facing form). */
export interface TreeOptions {
  readonly criterion: CriterionName;
  /** Infinity for no limit. */
  readonly maxDepth: number;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  /** Features drawn per node, 1 … X.cols (X.cols: all, in order; no randomness used). */
  readonly maxFeatures: number;
  readonly minImpurityDecrease: number;
  /** Infinity: grow depth first; otherwise best first, up to this many leaves. */
  readonly maxLeafNodes: number;
  /** 'best' (exact CART, the default) or 'random' (one uniform threshold per feature tried: extra trees). */
  readonly splitter?: SplitterName;
}

/** A grown tree and its impurity-based feature importances (summing to 1, or all 0 for a single leaf). */
export interface GrownTree {
  readonly tree: TreeArrays;
  readonly featureImportances: Float64Array;
}

/** What growing needs besides the options: the shared pieces of one tree being built. */
interface Grower {
  /** The row indices, reordered in place so each node's rows are contiguous. */
  readonly rows: Uint32Array;
  readonly criterion: Criterion;
  readonly splitter: Splitter;
  readonly store: NodeStore;
  readonly options: TreeOptions;
  readonly minSplit: number;
  readonly importances: Float64Array;
}

/**
 * Grows a CART tree on the rows `rows` of X (indices, duplicates allowed; not modified) as
 * scikit-learn's DecisionTree does: exact best splits (or random thresholds with the 'random'
 * splitter), depth first, or best first when `maxLeafNodes` is finite. Random forests, extra trees
 * and boosting reuse it; an ensemble prepares X once (`prepareColumns`, sorted for the 'best'
 * splitter) and passes that to all its trees instead of X.
 *
 * @example
 * const { tree } = buildTree(X, { kind: 'regression', y }, range(X.rows), options, createRandom(0));
 * const yHat = predictTree(tree, X);
 */
export function buildTree(
  X: Matrix | TreeColumns,
  target: TreeTarget,
  rows: Uint32Array,
  options: TreeOptions,
  random: Random,
): GrownTree {
  const work = rows.slice();
  const n = work.length;
  const criterion = createCriterion(options.criterion, target);
  const rootImpurity = criterion.startNode(work, 0, n);
  const weightedRoot = criterion.weightedNode;
  const { minSamplesLeaf, maxFeatures, splitter: name = 'best' } = options;
  const columns = 'columns' in X ? X : prepareColumns(X, name === 'best');
  const splitter = new Splitter(
    columns,
    criterion,
    work,
    { minSamplesLeaf, maxFeatures, weightedRoot, splitter: name },
    random,
  );
  const maxNodes = Math.min(2 * n - 1, 2 ** (options.maxDepth + 1) - 1, 2 * options.maxLeafNodes - 1);
  const grower: Grower = {
    rows: work,
    criterion,
    splitter,
    store: createNodeStore(maxNodes, criterion.nOutputs),
    options,
    minSplit: Math.max(options.minSamplesSplit, 2 * minSamplesLeaf),
    importances: new Float64Array(X.cols),
  };
  if (Number.isFinite(options.maxLeafNodes)) growBestFirst(grower, n, rootImpurity);
  else growDepthFirst(grower, n, rootImpurity);
  const { importances } = grower;
  let sum = 0;
  for (let j = 0; j < importances.length; j++) sum += importances[j]! / weightedRoot;
  for (let j = 0; j < importances.length; j++) {
    importances[j] = sum > 0 ? importances[j]! / weightedRoot / sum : 0;
  }
  return { tree: grower.store.finish(), featureImportances: importances };
}

/** A node waiting to be grown: rows[start … end). */
interface Pending {
  readonly start: number;
  readonly end: number;
  readonly depth: number;
  readonly parent: number;
  readonly isLeft: boolean;
  readonly impurity: number;
}

/** Adds the node and finds its split; undefined when it stays a leaf. Node impurities come from the parent's split. */
function addNode(grower: Grower, node: Pending): { id: number; split: Split | undefined } {
  const { criterion, splitter, store, options } = grower;
  const { start, end, impurity } = node;
  criterion.startNode(grower.rows, start, end);
  const id = store.addLeaf(node.parent, node.isLeft, criterion);
  let split: Split | undefined;
  if (node.depth < options.maxDepth && end - start >= grower.minSplit && impurity > EPSILON) {
    split = splitter.split(start, end, impurity);
    if (split && split.improvement + EPSILON < options.minImpurityDecrease) split = undefined;
  }
  return { id, split: split && { ...split } };
}

function growDepthFirst(grower: Grower, n: number, rootImpurity: number): void {
  const stack: Pending[] = [
    { start: 0, end: n, depth: 0, parent: -1, isLeft: false, impurity: rootImpurity },
  ];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { id, split } = addNode(grower, node);
    if (!split) continue;
    applySplit(grower, id, node, split);
    const depth = node.depth + 1;
    // Right pushed first: the left subtree is grown (and numbered) first, as in scikit-learn.
    stack.push({
      start: split.pos,
      end: node.end,
      depth,
      parent: id,
      isLeft: false,
      impurity: split.impurityRight,
    });
    stack.push({
      start: node.start,
      end: split.pos,
      depth,
      parent: id,
      isLeft: true,
      impurity: split.impurityLeft,
    });
  }
}

/** A node with a split not yet applied. */
interface Candidate {
  readonly node: Pending;
  readonly id: number;
  readonly split: Split;
}

function growBestFirst(grower: Grower, n: number, rootImpurity: number): void {
  const frontier: Candidate[] = [];
  const consider = (node: Pending): void => {
    const { id, split } = addNode(grower, node);
    if (split) heapPush(frontier, { node, id, split });
  };
  consider({ start: 0, end: n, depth: 0, parent: -1, isLeft: false, impurity: rootImpurity });
  // The node whose split decreases impurity most is split next, while leaves remain to spend.
  for (
    let splitsLeft = grower.options.maxLeafNodes - 1;
    splitsLeft > 0 && frontier.length > 0;
    splitsLeft--
  ) {
    const { node, id, split } = heapPop(frontier);
    applySplit(grower, id, node, split);
    const depth = node.depth + 1;
    consider({
      start: node.start,
      end: split.pos,
      depth,
      parent: id,
      isLeft: true,
      impurity: split.impurityLeft,
    });
    consider({
      start: split.pos,
      end: node.end,
      depth,
      parent: id,
      isLeft: false,
      impurity: split.impurityRight,
    });
  }
}

function applySplit(grower: Grower, id: number, node: Pending, split: Split): void {
  grower.store.setSplit(id, split.feature, split.threshold);
  const wNode = split.weightedLeft + split.weightedRight;
  grower.importances[split.feature]! +=
    wNode * node.impurity -
    split.weightedLeft * split.impurityLeft -
    split.weightedRight * split.impurityRight;
}

/** Max-heap on the split's improvement (the earlier node first on ties). */
function before(a: Candidate, b: Candidate): boolean {
  return (
    a.split.improvement > b.split.improvement || (a.split.improvement === b.split.improvement && a.id < b.id)
  );
}

function heapPush(heap: Candidate[], item: Candidate): void {
  let i = heap.length;
  heap.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(item, heap[parent]!)) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = item;
}

function heapPop(heap: Candidate[]): Candidate {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length > 0) {
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && before(heap[child + 1]!, heap[child]!)) child++;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
  return top;
}
