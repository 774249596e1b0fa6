import { StacklearnError } from '../../errors.js';
import type { WorkData } from './tree-work.js';
import { kernelFor } from './wasm-kernel.js';

/**
 * Gradient quantisation: before a tree grows, its gradients (and non-constant hessians) are scaled
 * by a power of two and rounded to integers, so that histograms are exact integer sums — the same
 * whatever the order of the additions or the number of threads — and a bin's gradient sum and row
 * count fit one 64-bit word: q · 2^countBits + count (histogram.wat). The scale is the largest
 * power of two that keeps the sum of all |q| — so any node's sum — within 2^(62 − countBits) (the
 * word) and 2^52 (exact in a Float64). With n training rows the unit is then ≈ Σ|g| · 2^countBits /
 * 2^62 ≈ mean|g| · n² / 2^62: 5e-8 of the mean |gradient| at 500k rows (Float32's own precision),
 * 2e-7 at 1M, 2e-5 at 10M — coarser than the Float32 gradients beyond ≈ 1M rows (a count word of its
 * own would give the bits back). Sums decode exactly (a power-of-two unit times an integer below
 * 2^53), so split gains, leaf values and node sums are exact sums of the rounded gradients.
 */

/** How a tree's gradients and hessians were quantised: value = integer · unit. */
export interface Quantization {
  /** 2^s: gradients were rounded as ⌊g · gradientScale + 0.5⌋. */
  readonly gradientScale: number;
  /** 1 / gradientScale (exact: a power of two). */
  readonly gradientUnit: number;
  /** Likewise for hessians (1 for constant hessians: the counts stand in for them). */
  readonly hessianScale: number;
  readonly hessianUnit: number;
}

/**
 * The low bits of a packed gradient word that hold the row count: enough for `nRows`.
 *
 * @example
 * countBits(500_000) // 19
 */
export function countBits(nRows: number): number {
  return Math.max(1, Math.ceil(Math.log2(nRows + 1)));
}

/**
 * The power of two 2^s that keeps any sum of the rounded values within `bound`: 2^s · total +
 * nRows / 2 ≤ bound, where total = Σ|values| (a sum over any subset of the rows, each rounded by at
 * most ½, is at most that). Throws if `total` is not finite: the loss diverged.
 *
 * @example
 * quantizationScale(1000, 2 ** 43, 500_000) // 2 ** 33
 */
export function quantizationScale(total: number, bound: number, nRows: number): number {
  if (!Number.isFinite(total)) {
    throw new StacklearnError(
      'histGradientBoosting: the gradients of the loss are not finite (NaN or ±Infinity): the raw ' +
        'predictions diverged — lower learningRate or check the target for extreme values',
    );
  }
  if (total === 0) return 1;
  // The total was summed in Float64: a margin far above its rounding error.
  const limit = (bound - nRows / 2) * (1 - 2 ** -20);
  // ±1074 keeps 2^s a finite, non-zero Float64 (values are Float32, so the scale never nears it).
  let s = Math.min(1023, Math.max(-1074, Math.floor(Math.log2(limit / total))));
  while (s > -1074 && total * 2 ** s > limit) s--;
  while (s < 1023 && total * 2 ** (s + 1) <= limit) s++;
  return 2 ** s;
}

/**
 * Σ|values[i]| over `count` values from `start`, in order, in Float64 (NaN or ∞ if a value is), as
 * the kernel's absSum.
 *
 * @example
 * absSum(gradients, 0, n)
 */
export function absSum(values: Float32Array, start: number, count: number): number {
  let sum = 0;
  for (let i = start; i < start + count; i++) sum += Math.abs(values[i]!);
  return sum;
}

/**
 * The 64-bit words (⌊values[i] · scale + 0.5⌋ · 2^shift + one) of `count` values from `start`, as
 * little-endian Int32 pairs at out[2·(outStart + i)] — the kernel's quantize, bit for bit. The
 * integers must stay below 2^(63 − shift) in magnitude (quantizationScale sees to it).
 *
 * @example
 * quantizeRows(gradients, 0, n, 2 ** 22, 19, 1, packed, 0);
 */
export function quantizeRows(
  values: Float32Array,
  start: number,
  count: number,
  scale: number,
  shift: number,
  one: number,
  out: Int32Array,
  outStart: number,
): void {
  const high = 2 ** (32 - shift);
  const low = 2 ** shift;
  for (let i = 0; i < count; i++) {
    const q = Math.floor(values[start + i]! * scale + 0.5);
    // q · 2^shift + one = hi · 2^32 + lo with 0 ≤ lo < 2^32 (one < 2^shift, or shift 0 and one 0).
    const hi = Math.floor(q / high);
    const lo = (q - hi * high) * low + one;
    out[2 * (outStart + i)] = lo | 0;
    out[2 * (outStart + i) + 1] = hi | 0;
  }
}

/** From this many rows a tree's totals are summed in two halves (threads share them; one thread too). */
export const HALVED_QUANTIZATION = 65_536;

/**
 * Σ|gradient| (index 0) and Σ|hessian| (index 1, 0 for constant hessians) of rows from … to-1 of
 * tree `tree`'s slice, by the kernel when the arrays are in its memory.
 *
 * @example
 * const [totalG, totalH] = treeTotals(data, k, 0, data.nRows);
 */
export function treeTotals(data: WorkData, tree: number, from: number, to: number): [number, number] {
  const start = tree * data.nRows + from;
  const kernel = data.memory === null ? null : kernelFor(data.memory);
  const total = (values: Float32Array): number =>
    kernel === null
      ? absSum(values, start, to - from)
      : kernel.absSum(values.byteOffset + 4 * start, to - from);
  return [total(data.gradients), data.hessians === null ? 0 : total(data.hessians)];
}

/**
 * The quantisation of tree `tree` whose Σ|gradient| and Σ|hessian| are given (treeTotals).
 *
 * @example
 * const quantization = quantizationOf(data, ...treeTotals(data, k, 0, data.nRows));
 */
export function quantizationOf(data: WorkData, totalGradient: number, totalHessian: number): Quantization {
  const { nRows, countBits: shift } = data;
  const gradientScale = quantizationScale(totalGradient, 2 ** Math.min(62 - shift, 52), nRows);
  const hessianScale = data.hessians === null ? 1 : quantizationScale(totalHessian, 2 ** 52, nRows);
  return scaledQuantization(gradientScale, hessianScale);
}

/**
 * The quantisation with these scales (the units are their inverses, exact for powers of two).
 *
 * @example
 * scaledQuantization(2 ** 20, 1).gradientUnit // 2 ** -20
 */
export function scaledQuantization(gradientScale: number, hessianScale: number): Quantization {
  return { gradientScale, gradientUnit: 1 / gradientScale, hessianScale, hessianUnit: 1 / hessianScale };
}

/**
 * Writes the packed words of rows from … to-1 of tree `tree` (data.packedGradients, and
 * data.packedHessians with hessians), by the kernel when the arrays are in its memory.
 *
 * @example
 * quantizeTreeRows(data, k, quantization, 0, data.nRows);
 */
export function quantizeTreeRows(
  data: WorkData,
  tree: number,
  quantization: Quantization,
  from: number,
  to: number,
): void {
  const start = tree * data.nRows + from;
  const kernel = data.memory === null ? null : kernelFor(data.memory);
  const quantize = (
    values: Float32Array,
    scale: number,
    shift: number,
    one: number,
    out: Int32Array,
  ): void => {
    if (kernel === null) quantizeRows(values, start, to - from, scale, shift, one, out, start);
    else
      kernel.quantize(
        values.byteOffset + 4 * start,
        to - from,
        scale,
        shift,
        one,
        out.byteOffset + 8 * start,
      );
  };
  quantize(data.gradients, quantization.gradientScale, data.countBits, 1, data.packedGradients);
  if (data.hessians !== null) quantize(data.hessians, quantization.hessianScale, 0, 0, data.packedHessians!);
}

/**
 * Quantises the gradients (and hessians) of tree `tree` of the iteration into data.packedGradients
 * (and data.packedHessians) on this thread; returns the scales.
 *
 * @example
 * const quantization = quantizeTree(data, k);
 */
export function quantizeTree(data: WorkData, tree: number): Quantization {
  const n = data.nRows;
  let totals: [number, number];
  if (n >= HALVED_QUANTIZATION) {
    // The halves of a team (team-work.ts), summed alike: the same scale on any number of threads.
    const [first, second] = [treeTotals(data, tree, 0, n >> 1), treeTotals(data, tree, n >> 1, n)];
    totals = [first[0] + second[0], first[1] + second[1]];
  } else totals = treeTotals(data, tree, 0, n);
  const quantization = quantizationOf(data, ...totals);
  quantizeTreeRows(data, tree, quantization, 0, data.nRows);
  return quantization;
}
