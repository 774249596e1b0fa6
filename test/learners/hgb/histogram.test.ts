import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addHistogram,
  decodedLength,
  decodeHistogram,
  type HistogramScale,
  histogramLength,
  histogramRowMajor,
  histogramRowMajorList,
  histogramSums,
  subtractHistograms,
} from '../../../src/learners/hgb/histogram.js';
import {
  absSum,
  countBits,
  type Quantization,
  quantizationScale,
  quantizeRows,
} from '../../../src/learners/hgb/quantize.js';
import { createRandom } from '../../../src/random.js';

const binSlots = 8;
const n = 200;
const nCols = 7;
const random = createRandom(3);
/** Row-major bins: bins[r * nCols + f]. */
const bins = Uint8Array.from({ length: n * nCols }, () => random.int(binSlots));
const gradients = Float32Array.from({ length: n }, () => random.normal() * 100);
const hessians = Float32Array.from({ length: n }, () => random.next());
const shift = countBits(n);
const gradientScale = quantizationScale(absSum(gradients, 0, n), 2 ** Math.min(62 - shift, 52), n);
const hessianScale = quantizationScale(absSum(hessians, 0, n), 2 ** 52, n);
const packedGradients = new Int32Array(2 * n);
const packedHessians = new Int32Array(2 * n);
quantizeRows(gradients, 0, n, gradientScale, shift, 1, packedGradients, 0);
quantizeRows(hessians, 0, n, hessianScale, 0, 0, packedHessians, 0);
const quantization: Quantization = {
  gradientScale,
  gradientUnit: 1 / gradientScale,
  hessianScale,
  hessianUnit: 1 / hessianScale,
};

/** The 64-bit word at Int32 pair i, as a BigInt (the reference arithmetic). */
function word(array: Int32Array, i: number): bigint {
  return (BigInt(array[i + 1]!) << 32n) + BigInt(array[i]! >>> 0);
}

/** The expected words of feature f's block over `rows`, summed in BigInt from the definition. */
function direct(f: number, rows: readonly number[], withHessians: boolean): bigint[] {
  const words = withHessians ? 2 : 1;
  const out = new Array<bigint>(binSlots * words).fill(0n);
  for (const r of rows) {
    const b = bins[r * nCols + f]!;
    const q = BigInt(Math.floor(gradients[r]! * gradientScale + 0.5));
    out[b * words] = out[b * words]! + (q << BigInt(shift)) + 1n;
    if (withHessians)
      out[b * words + 1] = out[b * words + 1]! + BigInt(Math.floor(hessians[r]! * hessianScale + 0.5));
  }
  return out;
}

function blockWords(hist: Int32Array, f: number, words: number): bigint[] {
  const block = binSlots * words * 2;
  return Array.from({ length: binSlots * words }, (_, i) => word(hist, f * block + 2 * i));
}

const rows = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
const source = {
  rows,
  start: 0,
  count: rows.length,
  gradients: packedGradients,
  hessians: packedHessians,
  offset: 0,
};

/** The histogram of `rows` over features f0 … f1-1, with or without hessian words. */
function built(withHessians: boolean, f0: number, f1: number): Int32Array {
  const hist = new Int32Array(histogramLength(nCols, binSlots, withHessians ? 2 : 1));
  const hessianWords = withHessians ? packedHessians : null;
  histogramRowMajor(bins, nCols, { ...source, hessians: hessianWords }, hist, binSlots, f0, f1);
  return hist;
}

test('quantizeRows packs ⌊g · scale + 0.5⌋ · 2^shift + one into little-endian Int32 pairs', () => {
  const values = Float32Array.of(0, 1.25, -1.25, -0.5, 0.49, -3e6, 2 ** 20);
  const out = new Int32Array(2 * values.length + 2);
  quantizeRows(values, 0, values.length, 4, 19, 1, out, 1);
  assert.deepEqual(out.subarray(0, 2), Int32Array.of(0, 0), 'written from outStart on');
  values.forEach((v, i) => {
    const q = BigInt(Math.floor(v * 4 + 0.5));
    assert.equal(word(out, 2 * (i + 1)), (q << 19n) + 1n, `value ${v}`);
  });
});

test('quantizationScale is the largest power of two keeping Σ|q| (each rounded by ≤ ½) within the bound', () => {
  for (const [total, bound, rowsCount] of [
    [3.5e5, 2 ** 43, 500_000],
    [1e-30, 2 ** 52, 10],
    [7e20, 2 ** 40, 3],
    [1, 2 ** 52, 1],
  ] as const) {
    const scale = quantizationScale(total, bound, rowsCount);
    assert.ok(Number.isInteger(Math.log2(scale)), 'a power of two');
    assert.ok(total * scale + rowsCount / 2 <= bound, 'within the bound');
    assert.ok(total * 2 * scale + rowsCount / 2 > bound * (1 - 2 ** -19), 'the largest such');
  }
  assert.equal(quantizationScale(0, 2 ** 52, 5), 1);
  assert.throws(() => quantizationScale(Number.NaN, 2 ** 52, 5), /gradients of the loss are not finite/);
  assert.throws(() => quantizationScale(Number.POSITIVE_INFINITY, 2 ** 52, 5), /not finite/);
});

test('absSum is Σ|values| of the range, NaN or ∞ when a value is', () => {
  assert.equal(absSum(Float32Array.of(1, -7.5, 3), 0, 3), 11.5);
  assert.equal(absSum(Float32Array.of(1, -7.5, 3), 2, 1), 3);
  assert.ok(Number.isNaN(absSum(Float32Array.of(1, Number.NaN, 3), 0, 3)));
  assert.equal(absSum(Float32Array.of(1, Number.NEGATIVE_INFINITY), 0, 2), Number.POSITIVE_INFINITY);
});

test('a heavy-tailed gradient leaves the many small ones their precision (the scale follows Σ|g|, not max|g|)', () => {
  // One residual of 1e4 among 4M rows of 0.7: scaled by max|g| the 0.7s would round by ≈ 2%.
  const many = 4_000_000;
  const values = new Float32Array(many).fill(0.7);
  values[17] = 1e4;
  const bits = countBits(many);
  const scale = quantizationScale(absSum(values, 0, many), 2 ** Math.min(62 - bits, 52), many);
  const rounded = Math.floor(Math.fround(0.7) * scale + 0.5) / scale;
  assert.ok(Math.abs(rounded - Math.fround(0.7)) / 0.7 < 1e-5, `0.7 rounds to ${rounded}`);
});

test('histogramRowMajor sums the packed words (and hessian words) per bin, for every feature of the range', () => {
  for (const withHessians of [false, true]) {
    const words = withHessians ? 2 : 1;
    const hist = built(withHessians, 1, 7);
    for (let f = 1; f < 7; f++)
      assert.deepEqual(blockWords(hist, f, words), direct(f, [...rows], withHessians));
    assert.ok(
      hist.subarray(0, binSlots * words * 2).every((v) => v === 0),
      'feature 0 is outside the range',
    );
  }
});

test('histogramRowMajor reads the words of its tree at the offset, the rows of its range', () => {
  const doubled = new Int32Array(4 * n);
  doubled.set(packedGradients, 2 * n);
  const hist = new Int32Array(histogramLength(nCols, binSlots, 1));
  histogramRowMajor(
    bins,
    nCols,
    { ...source, start: 10, count: 50, gradients: doubled, hessians: null, offset: n },
    hist,
    binSlots,
    2,
    3,
  );
  assert.deepEqual(blockWords(hist, 2, 1), direct(2, [...rows.subarray(10, 60)], false));
});

test('histogramRowMajorList builds the listed features only', () => {
  const hist = new Int32Array(histogramLength(nCols, binSlots, 2));
  histogramRowMajorList(bins, nCols, source, hist, binSlots, Int32Array.of(0, 3, 5, 6), 1, 3);
  assert.deepEqual(blockWords(hist, 3, 2), direct(3, [...rows], true));
  assert.deepEqual(blockWords(hist, 5, 2), direct(5, [...rows], true));
  assert.ok(hist.subarray(0, binSlots * 4).every((v) => v === 0));
  assert.ok(hist.subarray(6 * binSlots * 4).every((v) => v === 0));
});

test("a parent's histogram minus one child's equals the other child's, word for word", () => {
  const all = Array.from({ length: n }, (_, i) => i);
  const left = all.filter((i) => bins[i * nCols + 1]! < 3);
  const right = all.filter((i) => bins[i * nCols + 1]! >= 3);
  const build = (subset: number[]): Int32Array => {
    const hist = new Int32Array(histogramLength(nCols, binSlots, 2));
    const r = Uint32Array.from(subset);
    histogramRowMajor(bins, nCols, { ...source, rows: r, count: r.length }, hist, binSlots, 0, nCols);
    return hist;
  };
  const out = new Int32Array(histogramLength(nCols, binSlots, 2));
  subtractHistograms(build(all), build(left), out, Int32Array.of(2, 4), binSlots, 2);
  assert.deepEqual(blockWords(out, 2, 2), direct(2, right, true));
  assert.deepEqual(blockWords(out, 4, 2), direct(4, right, true));
  assert.ok(
    out.subarray(0, 2 * binSlots * 4).every((v) => v === 0),
    'features not listed are left alone',
  );
});

test('addHistogram adds 64-bit words, carrying between the halves', () => {
  const target = Int32Array.of(-1, 0, -5, -1, 7, 3);
  const partial = Int32Array.of(1, 0, 10, 0, -8, -4);
  addHistogram(target, partial, 0, 6);
  assert.deepEqual(
    [0, 2, 4].map((i) => word(target, i)),
    [2n ** 32n, 5n, -1n],
  );
});

test('decodeHistogram gives the exact sums of the rounded gradients and hessians, and the counts', () => {
  for (const withHessians of [false, true]) {
    const words = withHessians ? 2 : 1;
    const hist = built(withHessians, 0, nCols);
    const scale: HistogramScale = { words, countBits: shift, quantization };
    const decoded = new Float64Array(decodedLength(nCols, binSlots));
    decodeHistogram(hist, Int32Array.of(0, 4), binSlots, scale, decoded);
    for (const f of [0, 4]) {
      for (let b = 0; b < binSlots; b++) {
        const inBin = [...rows].filter((r) => bins[r * nCols + f] === b);
        const g =
          inBin.reduce((sum, r) => sum + Math.floor(gradients[r]! * gradientScale + 0.5), 0) / gradientScale;
        const h =
          inBin.reduce((sum, r) => sum + Math.floor(hessians[r]! * hessianScale + 0.5), 0) / hessianScale;
        const o = (f * binSlots + b) * 3;
        assert.equal(decoded[o], g, `gradient sum, feature ${f} bin ${b}`);
        assert.equal(decoded[o + 1], withHessians ? h : inBin.length, 'hessian sum (the count if constant)');
        assert.equal(decoded[o + 2], inBin.length);
        // Rounding moves each gradient by at most half a unit.
        const exact = inBin.reduce((sum, r) => sum + gradients[r]!, 0);
        assert.ok(Math.abs(decoded[o]! - exact) <= (inBin.length * 0.5) / gradientScale + 1e-9);
      }
    }
    assert.ok(
      decoded.subarray(binSlots * 3, 2 * binSlots * 3).every((v) => v === 0),
      'feature 1 not decoded',
    );
    const [sumG, sumH, count] = histogramSums(hist, 3, binSlots, scale);
    const qSum = [...rows].reduce((sum, r) => sum + Math.floor(gradients[r]! * gradientScale + 0.5), 0);
    const hSum = [...rows].reduce((sum, r) => sum + Math.floor(hessians[r]! * hessianScale + 0.5), 0);
    assert.equal(sumG, qSum / gradientScale);
    assert.equal(sumH, withHessians ? hSum / hessianScale : rows.length);
    assert.equal(count, rows.length);
  }
});

test('sums near the bound decode exactly (large positive and negative gradients of many rows)', () => {
  const many = 5000;
  const values = Float32Array.from({ length: many }, (_, i) => (i % 2 === 0 ? 1 : -0.75) * (1 + i / many));
  const bits = countBits(many);
  const scale = quantizationScale(absSum(values, 0, many), 2 ** Math.min(62 - bits, 52), many);
  const packed = new Int32Array(2 * many);
  quantizeRows(values, 0, many, scale, bits, 1, packed, 0);
  const oneBin = new Uint8Array(many);
  const hist = new Int32Array(histogramLength(1, 1, 1));
  const all = Uint32Array.from({ length: many }, (_, i) => i);
  const evens = all.filter((i) => i % 2 === 0);
  histogramRowMajor(
    oneBin,
    1,
    { rows: evens, start: 0, count: evens.length, gradients: packed, hessians: null, offset: 0 },
    hist,
    1,
    0,
    1,
  );
  const q = { gradientScale: scale, gradientUnit: 1 / scale, hessianScale: 1, hessianUnit: 1 };
  const [sumG, , count] = histogramSums(hist, 0, 1, { words: 1, countBits: bits, quantization: q });
  let expected = 0n;
  for (const r of evens) expected += BigInt(Math.floor(values[r]! * scale + 0.5));
  assert.ok(Number(expected) > 2 ** 40, 'the sum fills the high word');
  assert.equal(sumG, Number(expected) / scale);
  assert.equal(count, evens.length);
});
