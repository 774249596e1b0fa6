import type { Matrix } from '../../data/matrix.js';
import type { Random } from '../../random.js';
import type { Criterion } from './criterion.js';
import { sortPairs } from './sort-pairs.js';

/** Values closer than this count as equal (scikit-learn's FEATURE_THRESHOLD): no split between them. */
const FEATURE_THRESHOLD = 1e-7;

/** The best split of a node, as found by `Splitter.split`. */
export interface Split {
  feature: number;
  threshold: number;
  /** rows[start … pos) go left, rows[pos … end) go right. */
  pos: number;
  /** Weighted impurity decrease, as a fraction of the whole tree's weight (scikit-learn's definition). */
  improvement: number;
  impurityLeft: number;
  impurityRight: number;
  weightedLeft: number;
  weightedRight: number;
}

export interface SplitterOptions {
  readonly minSamplesLeaf: number;
  /** Features drawn (without replacement, at random) per node; ≥ the number of columns means all, in order. */
  readonly maxFeatures: number;
  /** Total weight of the rows the tree is grown on. */
  readonly weightedRoot: number;
}

/** Finds exact best splits of nodes of rows (CART: every threshold between consecutive distinct values). */
export interface Splitter {
  /**
   * Finds the best split of rows[start … end) — whose statistics the criterion holds (startNode) —
   * and partitions those rows into left then right. Returns undefined when no split is allowed.
   */
  split(start: number, end: number, impurity: number): Split | undefined;
}

/**
 * A best splitter over X for the given criterion, working in place on `rows`. As scikit-learn's
 * BestSplitter: features in turn, values sorted within the node, thresholds at midpoints; the first
 * best split found wins ties.
 *
 * @example
 * const splitter = createSplitter(X, criterion, rows, { minSamplesLeaf: 1, maxFeatures: X.cols, weightedRoot }, random);
 */
export function createSplitter(
  X: Matrix,
  criterion: Criterion,
  rows: Uint32Array,
  options: SplitterOptions,
  random: Random,
): Splitter {
  const { data, cols } = X;
  const { minSamplesLeaf, weightedRoot } = options;
  const maxFeatures = Math.min(options.maxFeatures, cols);
  const values = new Float64Array(rows.length);
  const features = Int32Array.from({ length: cols }, (_, j) => j);
  const impurities = new Float64Array(2);
  const best: Split = {
    feature: -1,
    threshold: 0,
    pos: 0,
    improvement: 0,
    impurityLeft: 0,
    impurityRight: 0,
    weightedLeft: 0,
    weightedRight: 0,
  };

  /** The best proxy improvement over the thresholds of feature f, recorded in `best` when it beats `bestProxy`. */
  const scanFeature = (f: number, start: number, end: number, bestProxy: number): number => {
    criterion.clearLeft();
    let moved = start;
    let p = start;
    const lastPos = end - minSamplesLeaf;
    while (p < end) {
      while (p + 1 < end && values[p + 1]! <= values[p]! + FEATURE_THRESHOLD) p++;
      p++;
      if (p > lastPos) break;
      if (p - start < minSamplesLeaf) continue;
      criterion.moveLeft(rows, moved, p);
      moved = p;
      const proxy = criterion.proxyImprovement();
      if (proxy > bestProxy) {
        bestProxy = proxy;
        best.feature = f;
        best.pos = p;
        // The sum of halves cannot overflow; a midpoint that rounds up to the right value moves down.
        let threshold = values[p - 1]! / 2 + values[p]! / 2;
        if (threshold === values[p]! || !Number.isFinite(threshold)) threshold = values[p - 1]!;
        best.threshold = threshold;
      }
    }
    return bestProxy;
  };

  return {
    split(start, end, impurity) {
      let bestProxy = Number.NEGATIVE_INFINITY;
      best.feature = -1;
      let visited = 0;
      let nonConstant = 0;
      for (let i = 0; i < cols && (visited < maxFeatures || nonConstant === 0); i++) {
        if (maxFeatures < cols) {
          // Fisher–Yates, one draw at a time: features[0 … i] are the ones drawn so far.
          const j = i + random.int(cols - i);
          const t = features[i]!;
          features[i] = features[j]!;
          features[j] = t;
        }
        const f = features[i]!;
        visited++;
        for (let k = start; k < end; k++) values[k] = data[rows[k]! * cols + f]!;
        sortPairs(values, rows, start, end);
        if (values[end - 1]! <= values[start]! + FEATURE_THRESHOLD) continue;
        nonConstant++;
        bestProxy = scanFeature(f, start, end, bestProxy);
      }
      if (best.feature < 0) return undefined;
      partition(data, cols, rows, start, end, best.feature, best.threshold);
      criterion.clearLeft();
      criterion.moveLeft(rows, start, best.pos);
      criterion.childImpurities(impurities);
      const wNode = criterion.weightedNode;
      best.impurityLeft = impurities[0]!;
      best.impurityRight = impurities[1]!;
      best.weightedLeft = criterion.weightedLeft;
      best.weightedRight = criterion.weightedRight;
      best.improvement =
        (wNode / weightedRoot) *
        (impurity -
          (best.weightedRight / wNode) * best.impurityRight -
          (best.weightedLeft / wNode) * best.impurityLeft);
      return best;
    },
  };
}

/** Moves the rows with X[feature] <= threshold to the front of rows[start … end). */
function partition(
  data: Float64Array,
  cols: number,
  rows: Uint32Array,
  start: number,
  end: number,
  feature: number,
  threshold: number,
): void {
  let p = start;
  let last = end;
  while (p < last) {
    if (data[rows[p]! * cols + feature]! <= threshold) p++;
    else {
      last--;
      const t = rows[p]!;
      rows[p] = rows[last]!;
      rows[last] = t;
    }
  }
}
