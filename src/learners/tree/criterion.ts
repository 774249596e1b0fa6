import { ClassCounts } from './class-counts.js';
import { SquaredError } from './squared-error.js';

/** The impurity a tree minimises: variance for regression, Gini or entropy (bits) for classification. */
export type CriterionName = 'squared_error' | 'gini' | 'entropy';

/** What a tree is grown to predict: one value per row, or class codes 0 … nClasses-1. */
export type TreeTarget =
  | { readonly kind: 'regression'; readonly y: Float64Array; readonly sampleWeight?: Float64Array }
  | {
      readonly kind: 'classification';
      readonly y: Int32Array;
      readonly nClasses: number;
      readonly sampleWeight?: Float64Array;
    };

/**
 * Weighted statistics of one node (`startNode`) and of its left part as rows move into it
 * (`moveLeft`); the right part is the node minus the left. The splitter asks it which split is best.
 */
export interface Criterion {
  /** Values per node: 1 for regression, the number of classes for classification. */
  readonly nOutputs: number;
  /** Weighted row counts of the node and of its current left / right parts. */
  readonly weightedNode: number;
  readonly weightedLeft: number;
  readonly weightedRight: number;
  /** Makes rows[start … end) the node, with an empty left part; returns the node's impurity. */
  startNode(rows: Uint32Array, start: number, end: number): number;
  /** Empties the left part. */
  clearLeft(): void;
  /** Moves rows[from … to) from the right part to the left. */
  moveLeft(rows: Uint32Array, from: number, to: number): void;
  /** Larger for a better split of the node (orders splits as the impurity decrease does, cheaper). */
  proxyImprovement(): number;
  /** The impurities of the left and right parts into out[0] and out[1]. */
  childImpurities(out: Float64Array): void;
  /** The node's prediction (mean, or class probabilities) into out[offset …]. */
  nodeValue(out: Float64Array, offset: number): void;
}

/**
 * The criterion `name` over `target` (scikit-learn's formulas, so splits and importances agree).
 *
 * @example
 * const criterion = createCriterion('gini', { kind: 'classification', y, nClasses: 3 });
 * const impurity = criterion.startNode(rows, 0, rows.length);
 */
export function createCriterion(name: CriterionName, target: TreeTarget): Criterion {
  // Classes, not closures: every tree gets an instance of the same methods, which V8 inlines into
  // the splitter's loops (closures made per tree looked like new functions at each call site: 1.4×
  // slower forests).
  return target.kind === 'regression'
    ? new SquaredError(target.y, target.sampleWeight)
    : new ClassCounts(name === 'entropy', target.y, target.nClasses, target.sampleWeight);
}
