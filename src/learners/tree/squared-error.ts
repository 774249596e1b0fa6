import type { Criterion } from './criterion.js';

/**
 * The squared-error criterion (variance; scikit-learn's MSE): weighted sums of y and y² of the
 * node and of its left part.
 *
 * @example
 * const criterion = new SquaredError(y, undefined);
 * const impurity = criterion.startNode(rows, 0, rows.length);
 */
export class SquaredError implements Criterion {
  readonly nOutputs = 1;
  weightedNode = 0;
  weightedLeft = 0;
  weightedRight = 0;
  private sumTotal = 0;
  private sqSumTotal = 0;
  private sumLeft = 0;
  private sqSumLeft = 0;

  constructor(
    private readonly y: Float64Array,
    private readonly sampleWeight: Float64Array | undefined,
  ) {}

  startNode(rows: Uint32Array, start: number, end: number): number {
    // The node's sums are those of a left part holding all its rows.
    this.weightedNode = 0;
    this.clearLeft();
    this.moveLeft(rows, start, end);
    const w = this.weightedLeft;
    this.sumTotal = this.sumLeft;
    this.sqSumTotal = this.sqSumLeft;
    this.weightedNode = w;
    this.clearLeft();
    const mean = this.sumTotal / w;
    return this.sqSumTotal / w - mean * mean;
  }

  clearLeft(): void {
    this.sumLeft = 0;
    this.sqSumLeft = 0;
    this.weightedLeft = 0;
    this.weightedRight = this.weightedNode;
  }

  moveLeft(rows: Uint32Array, from: number, to: number): void {
    const { y, sampleWeight } = this;
    let w = this.weightedLeft;
    let sum = this.sumLeft;
    let sqSum = this.sqSumLeft;
    for (let i = from; i < to; i++) {
      const r = rows[i]!;
      const wi = sampleWeight ? sampleWeight[r]! : 1;
      const yi = y[r]!;
      w += wi;
      sum += wi * yi;
      sqSum += wi * yi * yi;
    }
    this.sumLeft = sum;
    this.sqSumLeft = sqSum;
    this.weightedLeft = w;
    this.weightedRight = this.weightedNode - w;
  }

  proxyImprovement(): number {
    const sumRight = this.sumTotal - this.sumLeft;
    return (this.sumLeft * this.sumLeft) / this.weightedLeft + (sumRight * sumRight) / this.weightedRight;
  }

  childImpurities(out: Float64Array): void {
    const meanLeft = this.sumLeft / this.weightedLeft;
    const meanRight = (this.sumTotal - this.sumLeft) / this.weightedRight;
    out[0] = this.sqSumLeft / this.weightedLeft - meanLeft * meanLeft;
    out[1] = (this.sqSumTotal - this.sqSumLeft) / this.weightedRight - meanRight * meanRight;
  }

  nodeValue(out: Float64Array, offset: number): void {
    out[offset] = this.sumTotal / this.weightedNode;
  }
}
