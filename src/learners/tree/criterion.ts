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
  return target.kind === 'regression'
    ? squaredError(target.y, target.sampleWeight)
    : classCounts(name, target);
}

function squaredError(y: Float64Array, sampleWeight: Float64Array | undefined): Criterion {
  let sumTotal = 0;
  let sqSumTotal = 0;
  let sumLeft = 0;
  let sqSumLeft = 0;
  const self = {
    nOutputs: 1,
    weightedNode: 0,
    weightedLeft: 0,
    weightedRight: 0,
    startNode(rows: Uint32Array, start: number, end: number): number {
      let w = 0;
      sumTotal = 0;
      sqSumTotal = 0;
      for (let i = start; i < end; i++) {
        const r = rows[i]!;
        const wi = sampleWeight ? sampleWeight[r]! : 1;
        const yi = y[r]!;
        w += wi;
        sumTotal += wi * yi;
        sqSumTotal += wi * yi * yi;
      }
      self.weightedNode = w;
      self.clearLeft();
      const mean = sumTotal / w;
      return sqSumTotal / w - mean * mean;
    },
    clearLeft(): void {
      sumLeft = 0;
      sqSumLeft = 0;
      self.weightedLeft = 0;
      self.weightedRight = self.weightedNode;
    },
    moveLeft(rows: Uint32Array, from: number, to: number): void {
      let w = self.weightedLeft;
      for (let i = from; i < to; i++) {
        const r = rows[i]!;
        const wi = sampleWeight ? sampleWeight[r]! : 1;
        const yi = y[r]!;
        w += wi;
        sumLeft += wi * yi;
        sqSumLeft += wi * yi * yi;
      }
      self.weightedLeft = w;
      self.weightedRight = self.weightedNode - w;
    },
    proxyImprovement(): number {
      const sumRight = sumTotal - sumLeft;
      return (sumLeft * sumLeft) / self.weightedLeft + (sumRight * sumRight) / self.weightedRight;
    },
    childImpurities(out: Float64Array): void {
      const meanLeft = sumLeft / self.weightedLeft;
      const meanRight = (sumTotal - sumLeft) / self.weightedRight;
      out[0] = sqSumLeft / self.weightedLeft - meanLeft * meanLeft;
      out[1] = (sqSumTotal - sqSumLeft) / self.weightedRight - meanRight * meanRight;
    },
    nodeValue(out: Float64Array, offset: number): void {
      out[offset] = sumTotal / self.weightedNode;
    },
  };
  return self;
}

function classCounts(
  name: CriterionName,
  target: Extract<TreeTarget, { kind: 'classification' }>,
): Criterion {
  const { y, nClasses, sampleWeight } = target;
  const total = new Float64Array(nClasses);
  const left = new Float64Array(nClasses);
  const right = new Float64Array(nClasses);
  const impurity = name === 'entropy' ? entropy : gini;
  const self = {
    nOutputs: nClasses,
    weightedNode: 0,
    weightedLeft: 0,
    weightedRight: 0,
    startNode(rows: Uint32Array, start: number, end: number): number {
      let w = 0;
      total.fill(0);
      for (let i = start; i < end; i++) {
        const r = rows[i]!;
        const wi = sampleWeight ? sampleWeight[r]! : 1;
        total[y[r]!]! += wi;
        w += wi;
      }
      self.weightedNode = w;
      self.clearLeft();
      return impurity(total, w);
    },
    clearLeft(): void {
      left.fill(0);
      self.weightedLeft = 0;
      self.weightedRight = self.weightedNode;
    },
    moveLeft(rows: Uint32Array, from: number, to: number): void {
      let w = self.weightedLeft;
      for (let i = from; i < to; i++) {
        const r = rows[i]!;
        const wi = sampleWeight ? sampleWeight[r]! : 1;
        left[y[r]!]! += wi;
        w += wi;
      }
      self.weightedLeft = w;
      self.weightedRight = self.weightedNode - w;
    },
    proxyImprovement(): number {
      for (let c = 0; c < nClasses; c++) right[c] = total[c]! - left[c]!;
      return (
        -self.weightedRight * impurity(right, self.weightedRight) -
        self.weightedLeft * impurity(left, self.weightedLeft)
      );
    },
    childImpurities(out: Float64Array): void {
      for (let c = 0; c < nClasses; c++) right[c] = total[c]! - left[c]!;
      out[0] = impurity(left, self.weightedLeft);
      out[1] = impurity(right, self.weightedRight);
    },
    nodeValue(out: Float64Array, offset: number): void {
      let sum = 0;
      for (let c = 0; c < nClasses; c++) sum += total[c]!;
      for (let c = 0; c < nClasses; c++) out[offset + c] = sum > 0 ? total[c]! / sum : 1 / nClasses;
    },
  };
  return self;
}

/** Gini impurity 1 - Σ p², from weighted class counts summing to `w`. */
function gini(counts: Float64Array, w: number): number {
  let sq = 0;
  for (let c = 0; c < counts.length; c++) sq += counts[c]! * counts[c]!;
  return 1 - sq / (w * w);
}

/** Entropy in bits, -Σ p log2 p, from weighted class counts summing to `w`. */
function entropy(counts: Float64Array, w: number): number {
  let h = 0;
  for (let c = 0; c < counts.length; c++) {
    if (counts[c]! > 0) {
      const p = counts[c]! / w;
      h -= p * (Math.log(p) / Math.LN2);
    }
  }
  return h;
}
