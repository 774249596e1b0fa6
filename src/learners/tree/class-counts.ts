import type { Criterion } from './criterion.js';

/**
 * Gini or entropy (bits) from weighted class counts of the node and of its left part (scikit-learn's
 * formulas, so splits and importances agree).
 *
 * @example
 * const criterion = new ClassCounts(false, y, 3, undefined); // Gini, 3 classes
 */
export class ClassCounts implements Criterion {
  weightedNode = 0;
  weightedLeft = 0;
  weightedRight = 0;
  private readonly total: Float64Array;
  private readonly left: Float64Array;
  private readonly right: Float64Array;

  constructor(
    private readonly useEntropy: boolean,
    private readonly y: Int32Array,
    readonly nOutputs: number,
    private readonly sampleWeight: Float64Array | undefined,
  ) {
    this.total = new Float64Array(nOutputs);
    this.left = new Float64Array(nOutputs);
    this.right = new Float64Array(nOutputs);
  }

  startNode(rows: Uint32Array, start: number, end: number): number {
    // The node's counts are those of a left part holding all its rows.
    this.weightedNode = 0;
    this.clearLeft();
    this.moveLeft(rows, start, end);
    const w = this.weightedLeft;
    this.total.set(this.left);
    this.weightedNode = w;
    this.clearLeft();
    return this.impurity(this.total, w);
  }

  clearLeft(): void {
    this.left.fill(0);
    this.weightedLeft = 0;
    this.weightedRight = this.weightedNode;
  }

  moveLeft(rows: Uint32Array, from: number, to: number): void {
    const { y, sampleWeight, left } = this;
    let w = this.weightedLeft;
    for (let i = from; i < to; i++) {
      const r = rows[i]!;
      const wi = sampleWeight ? sampleWeight[r]! : 1;
      left[y[r]!]! += wi;
      w += wi;
    }
    this.weightedLeft = w;
    this.weightedRight = this.weightedNode - w;
  }

  proxyImprovement(): number {
    this.fillRight();
    return (
      -this.weightedRight * this.impurity(this.right, this.weightedRight) -
      this.weightedLeft * this.impurity(this.left, this.weightedLeft)
    );
  }

  childImpurities(out: Float64Array): void {
    this.fillRight();
    out[0] = this.impurity(this.left, this.weightedLeft);
    out[1] = this.impurity(this.right, this.weightedRight);
  }

  nodeValue(out: Float64Array, offset: number): void {
    const { total, nOutputs: k } = this;
    let sum = 0;
    for (let c = 0; c < k; c++) sum += total[c]!;
    for (let c = 0; c < k; c++) out[offset + c] = sum > 0 ? total[c]! / sum : 1 / k;
  }

  private fillRight(): void {
    const { total, left, right } = this;
    for (let c = 0; c < right.length; c++) right[c] = total[c]! - left[c]!;
  }

  private impurity(counts: Float64Array, w: number): number {
    return this.useEntropy ? entropy(counts, w) : gini(counts, w);
  }
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
