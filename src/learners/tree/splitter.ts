import type { Random } from '../../random.js';
import type { Criterion } from './criterion.js';
import { PRESORT_LIMIT, PresortedSearch } from './presorted-search.js';
import { RandomSearch } from './random-search.js';
import { RankSearch } from './rank-search.js';
import type { Candidate, ThresholdSearch } from './threshold-search.js';
import { type TreeColumns, withRanks } from './tree-columns.js';

/** How thresholds are chosen: the best of every one ('best', CART), or one drawn per feature ('random', extra trees). */
export type SplitterName = 'best' | 'random';

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
  /** 'best' unless given. */
  readonly splitter?: SplitterName;
}

/**
 * Whether the splitter wants its columns sorted (`prepareColumns(X, usesPresort(...))`): the
 * 'best' one does, whatever the data's size.
 *
 * @example
 * prepareColumns(X, usesPresort('best', X.rows, X.cols)) // sorted
 */
export function usesPresort(splitter: SplitterName, _nRows?: number, _nCols?: number): boolean {
  return splitter === 'best';
}

/**
 * How the 'best' splitter sorts a node's values: 'presorted' (keeps every column sorted: measured
 * cheapest when more than half the features are tried per node, if the lists fit in memory) or
 * 'rank' (radix-sorts each feature tried, in each node).
 *
 * @example
 * bestSearchKind(20000, 20, 4) // 'rank'
 */
export function bestSearchKind(nRows: number, nCols: number, maxFeatures: number): 'presorted' | 'rank' {
  return 2 * maxFeatures > nCols && nRows * nCols <= PRESORT_LIMIT ? 'presorted' : 'rank';
}

/**
 * Finds the splits of nodes of rows, working in place on `rows`, as scikit-learn's BestSplitter /
 * RandomSplitter: features drawn in turn (all, in order, when maxFeatures covers them), thresholds
 * at midpoints (best) or drawn uniformly (random); the first best split found wins ties. Features
 * constant on the node do not count towards maxFeatures while no other feature has been found.
 * The 'best' splitter wants `prepared` sorted (`prepareColumns(X, true)`; ranks are made otherwise).
 *
 * @example
 * const splitter = new Splitter(prepareColumns(X, true), criterion, rows, { minSamplesLeaf: 1, maxFeatures: X.cols, weightedRoot }, random);
 */
export class Splitter {
  private readonly search: ThresholdSearch;
  private readonly cols: number;
  private readonly maxFeatures: number;
  private readonly weightedRoot: number;
  private readonly features: Int32Array;
  private readonly impurities = new Float64Array(2);
  private readonly best: Candidate = { feature: -1, threshold: 0, pos: 0, proxy: 0 };
  private readonly found: Split = {
    feature: -1,
    threshold: 0,
    pos: 0,
    improvement: 0,
    impurityLeft: 0,
    impurityRight: 0,
    weightedLeft: 0,
    weightedRight: 0,
  };

  constructor(
    prepared: TreeColumns,
    private readonly criterion: Criterion,
    private readonly rows: Uint32Array,
    options: SplitterOptions,
    private readonly random: Random,
  ) {
    const { cols } = prepared;
    const { minSamplesLeaf } = options;
    this.cols = cols;
    this.maxFeatures = Math.min(options.maxFeatures, cols);
    this.weightedRoot = options.weightedRoot;
    this.features = Int32Array.from({ length: cols }, (_, j) => j);
    this.search =
      options.splitter === 'random'
        ? new RandomSearch(prepared, criterion, rows, minSamplesLeaf, random)
        : bestSearchKind(rows.length, cols, this.maxFeatures) === 'presorted' && prepared.order
          ? new PresortedSearch(prepared, criterion, rows, minSamplesLeaf)
          : new RankSearch(withRanks(prepared), criterion, rows, minSamplesLeaf);
  }

  /**
   * Finds the best split of rows[start … end) — whose statistics the criterion holds (startNode) —
   * and partitions those rows into left then right. Returns undefined when no split is allowed;
   * the split returned is overwritten by the next call.
   */
  split(start: number, end: number, impurity: number): Split | undefined {
    const { best, features, cols, maxFeatures, criterion, found } = this;
    best.feature = -1;
    best.proxy = Number.NEGATIVE_INFINITY;
    let visited = 0;
    let nonConstant = 0;
    for (let i = 0; i < cols && (visited < maxFeatures || nonConstant === 0); i++) {
      if (maxFeatures < cols) {
        // Fisher–Yates, one draw at a time: features[0 … i] are the ones drawn so far.
        const j = i + this.random.int(cols - i);
        const t = features[i]!;
        features[i] = features[j]!;
        features[j] = t;
      }
      visited++;
      if (this.search.search(features[i]!, start, end, best)) nonConstant++;
    }
    if (best.feature < 0) return undefined;
    this.search.apply(best, start, end);
    criterion.clearLeft();
    criterion.moveLeft(this.rows, start, best.pos);
    criterion.childImpurities(this.impurities);
    const wNode = criterion.weightedNode;
    found.feature = best.feature;
    found.threshold = best.threshold;
    found.pos = best.pos;
    found.impurityLeft = this.impurities[0]!;
    found.impurityRight = this.impurities[1]!;
    found.weightedLeft = criterion.weightedLeft;
    found.weightedRight = criterion.weightedRight;
    found.improvement =
      (wNode / this.weightedRoot) *
      (impurity -
        (found.weightedRight / wNode) * found.impurityRight -
        (found.weightedLeft / wNode) * found.impurityLeft);
    return found;
  }
}
