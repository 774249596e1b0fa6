import type { HgbLoss, LossTarget } from './losses/loss.js';
import type { WorkData } from './tree-work.js';

/** What the gradients are computed from: the loss and the training target. */
export interface GradientSource {
  readonly loss: HgbLoss;
  readonly target: LossTarget;
}

/** From this many rows a row-wise loss's gradients are computed in two halves (threads share them). */
export const HALVED_GRADIENTS = 65_536;

/**
 * Whether the gradients are computed in two halves of rows: a row-wise loss (HgbLoss.rowwise) on
 * HALVED_GRADIENTS rows or more — on one thread too, so that the loss sums are the same.
 *
 * @example
 * if (halvedGradients(data, source)) { … }
 */
export function halvedGradients(data: WorkData, source: GradientSource): boolean {
  return source.loss.rowwise && data.nRows >= HALVED_GRADIENTS;
}

/**
 * The gradients of rows from … to-1 (a row-wise loss): returns [mean loss, total weight] of the rows.
 *
 * @example
 * const [mean, weight] = rowGradients(data, source, 0, data.nRows >> 1);
 */
export function rowGradients(
  data: WorkData,
  source: GradientSource,
  from: number,
  to: number,
): [number, number] {
  const { y, sampleWeight: w } = source.target;
  const target = { y: y.subarray(from, to), sampleWeight: w?.subarray(from, to) };
  const h = data.hessians === null ? new Float32Array(0) : data.hessians.subarray(from, to);
  const mean = source.loss.gradients(
    target,
    data.raw.subarray(from, to),
    data.gradients.subarray(from, to),
    h,
  );
  let weight = to - from;
  if (w) {
    weight = 0;
    for (let i = from; i < to; i++) weight += w[i]!;
  }
  return [mean, weight];
}

/**
 * The mean loss over all rows from the halves' [mean, weight] pairs.
 *
 * @example
 * combineHalves(rowGradients(data, source, 0, m), rowGradients(data, source, m, n))
 */
export function combineHalves(first: readonly [number, number], second: readonly [number, number]): number {
  // A half whose weights are all 0 has the mean 0 / 0: it adds nothing.
  const sum = (half: readonly [number, number]): number => (half[1] === 0 ? 0 : half[0] * half[1]);
  return (sum(first) + sum(second)) / (first[1] + second[1]);
}

/**
 * TreeWork.gradients on the calling thread.
 *
 * @example
 * const trainLoss = sequentialGradients(data, source);
 */
export function sequentialGradients(data: WorkData, source: GradientSource): number {
  if (halvedGradients(data, source)) {
    const middle = data.nRows >> 1;
    return combineHalves(
      rowGradients(data, source, 0, middle),
      rowGradients(data, source, middle, data.nRows),
    );
  }
  const h = data.hessians ?? new Float32Array(0);
  return source.loss.gradients(source.target, data.raw, data.gradients, h);
}
