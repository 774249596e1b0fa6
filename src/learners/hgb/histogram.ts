/**
 * Gradient histograms. A node's histogram holds, for every feature and bin, the sum of the
 * gradients, the sum of the hessians and the row count of its rows in that bin: Float64 triples,
 * feature-major — entry (f, b) starts at (f · binSlots + b) · 3, where binSlots = maxBins + 1
 * (the last bin is the missing-value bin). With constant hessians the hessian sums stay 0 (the
 * count stands in for them).
 */

/** Float64 entries per bin: gradient sum, hessian sum, count. */
export const HIST_STRIDE = 3;

/**
 * The Float64 length of a histogram over `nFeatures` features of `binSlots` bins each.
 *
 * @example
 * new Float64Array(histogramLength(20, 256))
 */
export function histogramLength(nFeatures: number, binSlots: number): number {
  return nFeatures * binSlots * HIST_STRIDE;
}

/** Rows to build a histogram from: rows[start … start+count), with per-row gradients at offset. */
export interface HistogramRows {
  readonly rows: Uint32Array;
  readonly start: number;
  readonly count: number;
  readonly gradients: Float32Array;
  /** Null when hessians are constant: their sums stay 0 and the counts stand in for them. */
  readonly hessians: Float32Array | null;
  /** Row r's gradient is gradients[offset + r] (the tree's slice of an iteration's gradients). */
  readonly offset: number;
}

/**
 * Adds the rows into the histogram blocks of features f0 … f1-1 (which must be zero), reading
 * row-major bins (bins[r · nCols + f]): a row's bins share a cache line and its gradient is read
 * once for all the features, four features per step (measured ~1.3× faster than a pass per
 * column). The loops are written out twice, with and without hessians: this is the hot loop.
 *
 * @example
 * histogramRowMajor(rowBins, 20, { rows, start, count, gradients, hessians: null, offset: 0 }, hist, 256, 0, 20);
 */
export function histogramRowMajor(
  bins: Uint8Array,
  nCols: number,
  source: HistogramRows,
  hist: Float64Array,
  binSlots: number,
  f0: number,
  f1: number,
): void {
  const { rows, start, count, gradients, hessians, offset } = source;
  const block = binSlots * HIST_STRIDE;
  const end = start + count;
  const first = f0 * block;
  const last = (f0 + ((f1 - f0) & ~3)) * block;
  const stop = f1 * block;
  if (hessians === null) {
    for (let k = start; k < end; k++) {
      const r = rows[k]!;
      const g = gradients[offset + r]!;
      let b = r * nCols + f0;
      for (let o = first; o < last; o += 4 * block, b += 4) {
        let p = o + bins[b]! * 3;
        hist[p]! += g;
        hist[p + 2]! += 1;
        p = o + block + bins[b + 1]! * 3;
        hist[p]! += g;
        hist[p + 2]! += 1;
        p = o + 2 * block + bins[b + 2]! * 3;
        hist[p]! += g;
        hist[p + 2]! += 1;
        p = o + 3 * block + bins[b + 3]! * 3;
        hist[p]! += g;
        hist[p + 2]! += 1;
      }
      for (let o = last; o < stop; o += block, b++) {
        const p = o + bins[b]! * 3;
        hist[p]! += g;
        hist[p + 2]! += 1;
      }
    }
    return;
  }
  for (let k = start; k < end; k++) {
    const r = rows[k]!;
    const g = gradients[offset + r]!;
    const h = hessians[offset + r]!;
    let b = r * nCols + f0;
    for (let o = first; o < last; o += 4 * block, b += 4) {
      let p = o + bins[b]! * 3;
      hist[p]! += g;
      hist[p + 1]! += h;
      hist[p + 2]! += 1;
      p = o + block + bins[b + 1]! * 3;
      hist[p]! += g;
      hist[p + 1]! += h;
      hist[p + 2]! += 1;
      p = o + 2 * block + bins[b + 2]! * 3;
      hist[p]! += g;
      hist[p + 1]! += h;
      hist[p + 2]! += 1;
      p = o + 3 * block + bins[b + 3]! * 3;
      hist[p]! += g;
      hist[p + 1]! += h;
      hist[p + 2]! += 1;
    }
    for (let o = last; o < stop; o += block, b++) {
      const p = o + bins[b]! * 3;
      hist[p]! += g;
      hist[p + 1]! += h;
      hist[p + 2]! += 1;
    }
  }
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
  hist: Float64Array,
  binSlots: number,
  features: Int32Array,
  a0: number,
  a1: number,
): void {
  const { rows, start, count, gradients, hessians, offset } = source;
  const block = binSlots * HIST_STRIDE;
  const end = start + count;
  for (let k = start; k < end; k++) {
    const r = rows[k]!;
    const g = gradients[offset + r]!;
    const h = hessians === null ? 0 : hessians[offset + r]!;
    const base = r * nCols;
    for (let a = a0; a < a1; a++) {
      const f = features[a]!;
      const p = f * block + bins[base + f]! * 3;
      hist[p]! += g;
      hist[p + 1]! += h;
      hist[p + 2]! += 1;
    }
  }
}

/**
 * out = parent − child over the blocks of `features`: the histogram of a node's larger child from
 * its parent's and its smaller child's, without touching the larger child's rows.
 *
 * @example
 * subtractHistograms(parent, smaller, larger, activeFeatures, 256);
 */
export function subtractHistograms(
  parent: Float64Array,
  child: Float64Array,
  out: Float64Array,
  features: Int32Array,
  binSlots: number,
): void {
  const block = binSlots * HIST_STRIDE;
  for (let a = 0; a < features.length; a++) {
    const start = features[a]! * block;
    const end = start + block;
    for (let i = start; i < end; i++) out[i] = parent[i]! - child[i]!;
  }
}
