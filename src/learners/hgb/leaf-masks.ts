import { paddedPairCount } from './add-tree-to-block.js';
import { type CutGrid, cutGrid } from './cut-grid.js';
import type { TreeArrays } from './tree-arrays.js';

/** Rows per block of the batch scorer: a block's positions, masks and sums stay in cache. */
export const MASK_BLOCK = 256;

/** Work entries (tables, grids, scratch) above which no masks are built and prediction walks the trees (64 MB). */
const MAX_ENTRIES = 1 << 24;

/**
 * A model's trees as leaf masks (after QuickScorer, Lucchese et al., SIGIR 2015), for trees of at
 * most 32 leaves. Leaves are numbered left to right within each tree;
 * an inner node's mask clears the leaves of its left subtree. A row's exit leaf in a tree is the
 * lowest bit left after ANDing the masks of the tree's nodes that send the row right. Here the
 * masks are ANDed ahead of time: per tree and feature it reads, a table indexed by the row's
 * position among the feature's cuts (cuts below the value; cuts + 1 for NaN, which goes where each
 * node's missingLeft says) holds the AND of that feature's right-going nodes; for a categorical
 * feature the position is the category code (256 for NaN, unseen or invalid codes, which go where
 * missingLeft says) and the table holds, per code, the AND of the nodes whose bitset sends it right.
 * A row then costs one
 * lookup per (tree, feature) pair; the exit leaf is the same as the plain traversal's, so
 * predictions are equal to the bit.
 *
 * Everything the scorer reads in its loops sits in two typed arrays (work: Int32, values: Float64),
 * plus scratch for one block: V8 re-checks each typed array once per loop iteration, so fewer
 * arrays means fewer instructions (about 20% faster than separate arrays, measured).
 */
export interface LeafMasks {
  readonly nTrees: number;
  readonly nTreesPerIteration: number;
  /** Features some split reads, ascending. */
  readonly usedFeatures: Int32Array;
  /** Per feature: 1 when its splits are categorical (positions are category codes, no grid). */
  readonly categorical: Uint8Array;
  /** The trees' knownCategories: 8 words per feature, the codes seen in training. */
  readonly knownCategories: Uint32Array;
  /** Per feature: its grid; its position for NaN (cuts + 1); where its grid starts in work; where its cuts start in values. */
  readonly grids: readonly (CutGrid | undefined)[];
  readonly nanPosition: Int32Array;
  readonly gridAt: Int32Array;
  readonly cutsAt: Int32Array;
  /** values[work index of a grid's bucket + gridCutShift] is that bucket's one cut. */
  readonly gridCutShift: number;
  /**
   * Tree t reads pairs pairStart[t] … pairStart[t + 1] − 1 (padded: paddedPairCount), pair i being
   * work[pairsAt + 2i] (where its feature's positions start in work) and work[pairsAt + 2i + 1]
   * (where its table starts in work).
   */
  readonly pairStart: Int32Array;
  readonly pairsAt: number;
  /** Tree t's leaf values, left to right, from values[leafAt[t]]. */
  readonly leafAt: Int32Array;
  /** Scratch in work: a used feature f's positions of a block's rows from columnAt[f]; running masks from accAt. */
  readonly columnAt: Int32Array;
  readonly accAt: number;
  /** Scratch in values: raw score k of a block's rows from sumsAt + k · MASK_BLOCK. */
  readonly sumsAt: number;
  readonly work: Int32Array;
  readonly values: Float64Array;
}

const cache = new WeakMap<TreeArrays, LeafMasks | null>();

/**
 * The leaf masks of a model's trees, built on first use and cached; undefined when a tree has more
 * than 32 leaves, a feature has both numeric and categorical splits, or the tables would be too
 * large (the caller walks the trees).
 *
 * @example
 * const masks = leafMasksOf(state.trees, state.nTreesPerIteration);
 */
export function leafMasksOf(trees: TreeArrays, nTreesPerIteration: number): LeafMasks | undefined {
  let masks = cache.get(trees);
  // A model's trees come with one class count; rebuilt should the same arrays come with another.
  if (masks === undefined || (masks !== null && masks.nTreesPerIteration !== nTreesPerIteration)) {
    masks = buildLeafMasks(trees, nTreesPerIteration) ?? null;
    cache.set(trees, masks);
  }
  return masks ?? undefined;
}

/** One tree's leaves numbered left to right and, per inner node, the mask clearing its left subtree. */
interface NumberedTree {
  readonly leaves: number[];
  readonly nodes: number[];
  readonly masks: number[];
}

function numberLeaves(trees: TreeArrays, root: number): NumberedTree | undefined {
  const tree: NumberedTree = { leaves: [], nodes: [], masks: [] };
  // Returns the number of leaves under node, or -1 past 32.
  const walk = (node: number): number => {
    if (node < 0) {
      tree.leaves.push(~node);
      return tree.leaves.length > 32 ? -1 : 1;
    }
    const first = tree.leaves.length;
    const at = tree.nodes.push(node) - 1;
    tree.masks.push(0);
    const nLeft = walk(trees.left[node]!);
    if (nLeft < 0 || walk(trees.right[node]!) < 0) return -1;
    tree.masks[at] = ~(((1 << nLeft) - 1) << first);
    return tree.leaves.length - first;
  };
  return walk(root) < 0 ? undefined : tree;
}

/** A categorical feature's positions: codes 0 … 255, then 256 for missing (its "cuts" count 255). */
const CATEGORY_CUTS = new Float64Array(255);

/**
 * Per feature, its distinct thresholds ascending (CATEGORY_CUTS for a categorical one); undefined
 * if a threshold is NaN.
 */
function featureCuts(
  trees: TreeArrays,
  nFeatures: number,
  categorical: Uint8Array,
): Float64Array[] | undefined {
  const lists: number[][] = Array.from({ length: nFeatures }, () => []);
  for (let n = 0; n < trees.feature.length; n++) {
    if (categorical[trees.feature[n]!]) continue;
    if (Number.isNaN(trees.threshold[n]!)) return undefined;
    lists[trees.feature[n]!]!.push(trees.threshold[n]!);
  }
  return lists.map((list, f) => {
    if (categorical[f]) return CATEGORY_CUTS;
    const sorted = Float64Array.from(list).sort();
    let m = 0;
    for (let i = 0; i < sorted.length; i++)
      if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
    return sorted.slice(0, m);
  });
}

/** The index of value in ascending distinct cuts (present). */
function rankOf(cuts: Float64Array, value: number): number {
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cuts[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The features tree reads, ascending, each with the indices (into tree.nodes) of its nodes. */
function nodesByFeature(trees: TreeArrays, tree: NumberedTree): [number, number[]][] {
  const byFeature = new Map<number, number[]>();
  tree.nodes.forEach((node, i) => {
    const f = trees.feature[node]!;
    const members = byFeature.get(f);
    if (members) members.push(i);
    else byFeature.set(f, [i]);
  });
  return [...byFeature].sort((a, b) => a[0] - b[0]);
}

/**
 * Writes the table of one (tree, feature) pair at tables[at …]: entry p (cuts below the row's
 * value; cuts + 1 for NaN) is the AND of the masks of the pair's nodes that send such a row right.
 */
function writeTable(
  trees: TreeArrays,
  tree: NumberedTree,
  members: readonly number[],
  cuts: Float64Array,
  tables: Int32Array,
  at: number,
): void {
  const m = cuts.length;
  tables.fill(-1, at, at + m + 2);
  for (const i of members) {
    const node = tree.nodes[i]!;
    // Position p sends the row right at this node when p > rank (x above the threshold).
    tables[at + rankOf(cuts, trees.threshold[node]!) + 1]! &= tree.masks[i]!;
    if (trees.missingLeft[node] === 0) tables[at + m + 1]! &= tree.masks[i]!;
  }
  for (let p = 1; p <= m; p++) tables[at + p]! &= tables[at + p - 1]!;
}

/** Per feature: 1 categorical splits, 0 numeric or none; undefined when a feature has both. */
/**
 * Writes the table of one (tree, categorical feature) pair at tables[at …]: entry c (a category
 * code seen in training) is the AND of the masks of the pair's nodes whose bitset leaves c out
 * (sending it right); entry 256 (missing, unseen or invalid) those whose missing values go right.
 */
function writeCategoryTable(
  trees: TreeArrays,
  tree: NumberedTree,
  members: readonly number[],
  tables: Int32Array,
  at: number,
): void {
  tables.fill(-1, at, at + 257);
  for (const i of members) {
    const node = tree.nodes[i]!;
    const bitset = 8 * trees.bitsetIndex[node]!;
    for (let c = 0; c < 256; c++) {
      if (((trees.catBitsets[bitset + (c >>> 5)]! >>> (c & 31)) & 1) === 0) tables[at + c]! &= tree.masks[i]!;
    }
    if (trees.missingLeft[node] === 0) tables[at + 256]! &= tree.masks[i]!;
  }
}

function categoricalFeatures(trees: TreeArrays, nFeatures: number): Uint8Array | undefined {
  const kinds = new Uint8Array(nFeatures); // 0 none, 1 numeric, 2 categorical
  for (let n = 0; n < trees.feature.length; n++) {
    const kind = trees.bitsetIndex[n]! >= 0 ? 2 : 1;
    const f = trees.feature[n]!;
    if (kinds[f] !== 0 && kinds[f] !== kind) return undefined;
    kinds[f] = kind;
  }
  return kinds.map((kind) => (kind === 2 ? 1 : 0));
}

function buildLeafMasks(trees: TreeArrays, nTreesPerIteration: number): LeafMasks | undefined {
  const nTrees = trees.roots.length;
  const nFeatures = trees.feature.reduce((max, f) => Math.max(max, f + 1), 0);
  const categorical = categoricalFeatures(trees, nFeatures);
  if (!categorical) return undefined;
  const cuts = featureCuts(trees, nFeatures, categorical);
  if (!cuts) return undefined;
  const numbered: NumberedTree[] = [];
  const readers: [number, number[]][][] = [];
  const pairStart = new Int32Array(nTrees + 1);
  let nEntries = 0;
  for (let t = 0; t < nTrees; t++) {
    const tree = numberLeaves(trees, trees.roots[t]!);
    if (!tree) return undefined;
    numbered.push(tree);
    readers.push(nodesByFeature(trees, tree));
    for (const [f] of readers[t]!) nEntries += cuts[f]!.length + 2;
    pairStart[t + 1] = pairStart[t]! + paddedPairCount(readers[t]!.length);
  }
  const grids = cuts.map((c, f) => (!categorical[f] && c.length > 0 ? cutGrid(c) : undefined));
  const gridEntries = grids.reduce((sum, grid) => sum + (grid ? grid.start.length + MASK_BLOCK : 0), 0);
  if (nEntries + gridEntries + 2 * pairStart[nTrees]! > MAX_ENTRIES) return undefined;
  const masks = layOut(trees, nTreesPerIteration, cuts, grids, categorical, numbered, nEntries, pairStart);
  const { work, pairsAt, columnAt } = masks;
  // Padding pairs read the all-ones entry at a positions column nothing writes (always 0).
  const zeros = masks.accAt - MASK_BLOCK;
  const dummy = nEntries;
  work[dummy] = -1;
  let at = 0;
  for (let t = 0; t < nTrees; t++) {
    let q = pairsAt + 2 * pairStart[t]!;
    for (const [f, members] of readers[t]!) {
      if (categorical[f]) writeCategoryTable(trees, numbered[t]!, members, work, at);
      else writeTable(trees, numbered[t]!, members, cuts[f]!, work, at);
      work[q++] = columnAt[f]!;
      work[q++] = at;
      at += cuts[f]!.length + 2;
    }
    for (const end = pairsAt + 2 * pairStart[t + 1]!; q < end; ) {
      work[q++] = zeros;
      work[q++] = dummy;
    }
  }
  return masks;
}

/** The masks' arrays with leaves and grids in place; the tables (work[0 … nEntries]) and pairs are left to write. */
function layOut(
  trees: TreeArrays,
  nTreesPerIteration: number,
  cuts: readonly Float64Array[],
  grids: readonly (CutGrid | undefined)[],
  categorical: Uint8Array,
  numbered: readonly NumberedTree[],
  nEntries: number,
  pairStart: Int32Array,
): LeafMasks {
  const nTrees = numbered.length;
  const nFeatures = cuts.length;
  const usedFeatures = Int32Array.from(grids.flatMap((grid, f) => (grid || categorical[f] ? [f] : [])));
  const gridFeatures = usedFeatures.filter((f) => grids[f] !== undefined);
  const pairsAt = nEntries + 1;
  const workGridsAt = pairsAt + 2 * pairStart[nTrees]!;
  const gridAt = new Int32Array(nFeatures);
  let gridEnd = workGridsAt;
  for (const f of gridFeatures) {
    gridAt[f] = gridEnd;
    gridEnd += grids[f]!.start.length;
  }
  const columnAt = new Int32Array(nFeatures);
  usedFeatures.forEach((f, i) => {
    columnAt[f] = gridEnd + i * MASK_BLOCK;
  });
  const accAt = gridEnd + (usedFeatures.length + 1) * MASK_BLOCK;
  const leafAt = new Int32Array(nTrees);
  let nLeaves = 0;
  numbered.forEach((tree, t) => {
    leafAt[t] = nLeaves;
    nLeaves += tree.leaves.length;
  });
  const sumsAt = nLeaves;
  const gridCutShift = sumsAt + nTreesPerIteration * MASK_BLOCK - workGridsAt;
  const cutsAt = new Int32Array(nFeatures);
  let valuesEnd = gridEnd + gridCutShift;
  for (const f of gridFeatures) {
    cutsAt[f] = valuesEnd;
    valuesEnd += cuts[f]!.length;
  }
  const work = new Int32Array(accAt + MASK_BLOCK);
  const values = new Float64Array(valuesEnd);
  numbered.forEach((tree, t) => {
    tree.leaves.forEach((leaf, i) => {
      values[leafAt[t]! + i] = trees.leafValue[leaf]!;
    });
  });
  for (const f of gridFeatures) {
    const grid = grids[f]!;
    work.set(grid.start, gridAt[f]!);
    values.set(grid.cut, gridAt[f]! + gridCutShift);
    values.set(cuts[f]!, cutsAt[f]!);
  }
  return {
    nTrees,
    nTreesPerIteration,
    usedFeatures,
    categorical,
    knownCategories: trees.knownCategories,
    grids,
    nanPosition: Int32Array.from(cuts, (c) => c.length + 1),
    gridAt,
    cutsAt,
    gridCutShift,
    pairStart,
    pairsAt,
    leafAt,
    columnAt,
    accAt,
    sumsAt,
    work,
    values,
  };
}
