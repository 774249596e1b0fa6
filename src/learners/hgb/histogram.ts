import type { Quantization } from './quantize.js';

/**
 * Gradient histograms. A node's histogram holds, for every feature and bin, the sum of its rows'
 * quantised gradients and their count packed in one 64-bit word (q · 2^countBits + count, see
 * quantize.ts and histogram.wat) and, when hessians are not constant, the sum of the quantised
 * hessians in a second word. Words are little-endian Int32 pairs (low half first), feature-major:
 * feature f's block starts at f · binSlots · words · 2, bin b's word(s) at + b · words · 2, where
 * binSlots = maxBins + 1 (the last bin is the missing-value bin). These loops are the reference and
 * the fallback of the WebAssembly kernel, which adds the same integers: the same bits.
 *
 * Split finding reads Float64 triples (gradient sum, hessian sum, count) per bin — HIST_STRIDE
 * entries, same feature-major order — decoded from the words (decodeHistogram).
 */

/** Float64 entries per bin of a decoded histogram: gradient sum, hessian sum, count. */
export const HIST_STRIDE = 3;

/**
 * 64-bit words per bin: 1 (gradient and count) with constant hessians, 2 with hessians.
 *
 * @example
 * binWords(loss.constantHessian) // 1 for squared error
 */
export function binWords(constantHessian: boolean): number {
  return constantHessian ? 1 : 2;
}

/**
 * The Int32 length of a packed histogram over `nFeatures` features of `binSlots` bins each.
 *
 * @example
 * new Int32Array(histogramLength(20, 256, 1))
 */
export function histogramLength(nFeatures: number, binSlots: number, words: number): number {
  return nFeatures * binSlots * words * 2;
}

/**
 * The Float64 length of a decoded histogram (triples) over `nFeatures` features.
 *
 * @example
 * new Float64Array(decodedLength(20, 256))
 */
export function decodedLength(nFeatures: number, binSlots: number): number {
  return nFeatures * binSlots * HIST_STRIDE;
}

/** Rows to build a histogram from: rows[start … start+count), with per-row packed words at offset. */
export interface HistogramRows {
  readonly rows: Uint32Array;
  readonly start: number;
  readonly count: number;
  /** Row r's packed gradient word at gradients[2(offset + r)], [2(offset + r) + 1]. */
  readonly gradients: Int32Array;
  /** Quantised hessians likewise; null when hessians are constant. */
  readonly hessians: Int32Array | null;
  /** The tree's rows start at word `offset` (the tree's slice of an iteration's words). */
  readonly offset: number;
}

/**
 * Adds the rows into the histogram blocks of features f0 … f1-1 (which must be zero), reading
 * row-major bins (bins[r · nCols + f]): a row's bins share a cache line and its words are read once
 * for all the features. 64-bit additions on Int32 pairs, carrying by hand.
 *
 * @example
 * histogramRowMajor(rowBins, 20, { rows, start, count, gradients, hessians: null, offset: 0 }, hist, 256, 0, 20);
 */
export function histogramRowMajor(
  bins: Uint8Array,
  nCols: number,
  source: HistogramRows,
  hist: Int32Array,
  binSlots: number,
  f0: number,
  f1: number,
): void {
  const features = Int32Array.from({ length: f1 - f0 }, (_, i) => f0 + i);
  histogramRowMajorList(bins, nCols, source, hist, binSlots, features, 0, features.length);
}

/**
 * histogramRowMajor for the features features[a0 … a1) of a feature sample (not contiguous).
 *
 * @example
 * histogramRowMajorList(rowBins, 20, source, hist, 256, Int32Array.of(2, 7, 11), 0, 3);
 */
export function histogramRowMajorList(
  bins: Uint8Array,
  nCols: number,
  source: HistogramRows,
  hist: Int32Array,
  binSlots: number,
  features: Int32Array,
  a0: number,
  a1: number,
): void {
  const { rows, start, count, gradients, hessians, offset } = source;
  const words = hessians === null ? 1 : 2;
  const block = binSlots * words * 2;
  const end = start + count;
  for (let k = start; k < end; k++) {
    const r = rows[k]!;
    const w = 2 * (offset + r);
    const gLo = gradients[w]! >>> 0;
    const gHi = gradients[w + 1]!;
    const base = r * nCols;
    for (let a = a0; a < a1; a++) {
      const f = features[a]!;
      const p = f * block + bins[base + f]! * words * 2;
      const lo = (hist[p]! >>> 0) + gLo;
      hist[p] = lo | 0;
      hist[p + 1] = (hist[p + 1]! + gHi + (lo > 0xffffffff ? 1 : 0)) | 0;
      if (hessians !== null) {
        const hLo = (hist[p + 2]! >>> 0) + (hessians[w]! >>> 0);
        hist[p + 2] = hLo | 0;
        hist[p + 3] = (hist[p + 3]! + hessians[w + 1]! + (hLo > 0xffffffff ? 1 : 0)) | 0;
      }
    }
  }
}

/**
 * target += partial over the Int32 pairs [from, to) (64-bit words): a chunk's histogram added to
 * the node's, as the kernel's addWords.
 *
 * @example
 * addHistogram(target, partial, f * block, (f + 1) * block);
 */
export function addHistogram(target: Int32Array, partial: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i += 2) {
    const lo = (target[i]! >>> 0) + (partial[i]! >>> 0);
    target[i] = lo | 0;
    target[i + 1] = (target[i + 1]! + partial[i + 1]! + (lo > 0xffffffff ? 1 : 0)) | 0;
  }
}

/**
 * out = parent − child over the blocks of `features`: the histogram of a node's larger child from
 * its parent's and its smaller child's, without touching the larger child's rows. Exact (integers).
 *
 * @example
 * subtractHistograms(parent, smaller, larger, activeFeatures, 256, 1);
 */
export function subtractHistograms(
  parent: Int32Array,
  child: Int32Array,
  out: Int32Array,
  features: Int32Array,
  binSlots: number,
  words: number,
): void {
  const block = binSlots * words * 2;
  for (let a = 0; a < features.length; a++) {
    const start = features[a]! * block;
    const end = start + block;
    for (let i = start; i < end; i += 2) {
      const lo = (parent[i]! >>> 0) - (child[i]! >>> 0);
      out[i] = lo | 0;
      out[i + 1] = (parent[i + 1]! - child[i + 1]! - (lo < 0 ? 1 : 0)) | 0;
    }
  }
}

/** The scales a histogram decodes with: the tree's quantisation and the fit's count bits. */
export interface HistogramScale {
  readonly words: number;
  readonly countBits: number;
  readonly quantization: Quantization;
}

/**
 * Decodes the blocks of `features` into Float64 triples (gradient sum, hessian sum — the count
 * for constant hessians — and count) in `out`, as split finding reads them. Exact: every sum is an
 * integer below 2^53 times a power of two.
 *
 * @example
 * decodeHistogram(node.histogram, searched, 256, scale, decoded);
 */
export function decodeHistogram(
  hist: Int32Array,
  features: Int32Array,
  binSlots: number,
  scale: HistogramScale,
  out: Float64Array,
): void {
  const { words, countBits } = scale;
  const mask = 2 ** countBits - 1;
  // The gradient sum is (word − count) / 2^countBits gradient units.
  const gradientUnit = scale.quantization.gradientUnit / 2 ** countBits;
  const hessianUnit = scale.quantization.hessianUnit;
  const block = binSlots * words * 2;
  for (let a = 0; a < features.length; a++) {
    const f = features[a]!;
    let p = f * block;
    let o = f * binSlots * HIST_STRIDE;
    for (let b = 0; b < binSlots; b++, p += words * 2, o += HIST_STRIDE) {
      const lo = hist[p]!;
      const count = lo & mask;
      out[o] = (hist[p + 1]! * 4294967296 + ((lo >>> 0) - count)) * gradientUnit;
      out[o + 1] = words === 1 ? count : (hist[p + 3]! * 4294967296 + (hist[p + 2]! >>> 0)) * hessianUnit;
      out[o + 2] = count;
    }
  }
}

/**
 * A node's sums — [gradients, hessians (the count for constant hessians), count] — from the bins
 * of one feature of its packed histogram (every feature's bins hold all the node's rows).
 *
 * @example
 * const [sumG, sumH, n] = histogramSums(hist, features[0], 256, scale);
 */
export function histogramSums(
  hist: Int32Array,
  feature: number,
  binSlots: number,
  scale: HistogramScale,
): [number, number, number] {
  const { words, countBits } = scale;
  const mask = 2 ** countBits - 1;
  let q = 0;
  let qh = 0;
  let count = 0;
  for (let b = 0, p = feature * binSlots * words * 2; b < binSlots; b++, p += words * 2) {
    const lo = hist[p]!;
    const c = lo & mask;
    count += c;
    q += (hist[p + 1]! * 4294967296 + ((lo >>> 0) - c)) / 2 ** countBits;
    if (words === 2) qh += hist[p + 3]! * 4294967296 + (hist[p + 2]! >>> 0);
  }
  const { gradientUnit, hessianUnit } = scale.quantization;
  return [q * gradientUnit, words === 1 ? count : qh * hessianUnit, count];
}
