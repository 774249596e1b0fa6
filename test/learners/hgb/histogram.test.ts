import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  HIST_STRIDE,
  histogramLength,
  histogramRowMajor,
  histogramRowMajorList,
  subtractHistograms,
} from '../../../src/learners/hgb/histogram.js';
import { createRandom } from '../../../src/random.js';

const binSlots = 8;
const n = 200;
const nCols = 7;
const random = createRandom(3);
/** Row-major bins: bins[r * nCols + f]. */
const bins = Uint8Array.from({ length: n * nCols }, () => random.int(binSlots));
const gradients = Float32Array.from({ length: n }, () => random.normal());
const hessians = Float32Array.from({ length: n }, () => random.next());

/** The histogram block of feature f over `rows`, summed directly from its definition. */
function direct(f: number, rows: readonly number[], withHessians = true): Float64Array {
  const out = new Float64Array(binSlots * HIST_STRIDE);
  for (const r of rows) {
    const b = bins[r * nCols + f]!;
    out[b * 3] = out[b * 3]! + gradients[r]!;
    if (withHessians) out[b * 3 + 1] = out[b * 3 + 1]! + hessians[r]!;
    out[b * 3 + 2] = out[b * 3 + 2]! + 1;
  }
  return out;
}

const rows = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
const source = { rows, start: 0, count: rows.length, gradients, hessians, offset: 0 };
const block = binSlots * HIST_STRIDE;

test('histogramRowMajor sums gradients, hessians and counts per bin, for every feature of the range', () => {
  const hist = new Float64Array(histogramLength(nCols, binSlots));
  histogramRowMajor(bins, nCols, source, hist, binSlots, 1, 7);
  for (let f = 1; f < 7; f++)
    assert.deepEqual(hist.subarray(f * block, (f + 1) * block), direct(f, [...rows]));
  assert.ok(
    hist.subarray(0, block).every((v) => v === 0),
    'feature 0 is outside the range',
  );
});

test('histogramRowMajor without hessians leaves the hessian sums at 0', () => {
  const hist = new Float64Array(histogramLength(nCols, binSlots));
  histogramRowMajor(bins, nCols, { ...source, hessians: null }, hist, binSlots, 0, nCols);
  for (let f = 0; f < nCols; f++) {
    assert.deepEqual(hist.subarray(f * block, (f + 1) * block), direct(f, [...rows], false));
  }
});

test('histogramRowMajor reads the gradients of its tree at the offset, the rows of its range', () => {
  const doubled = new Float32Array(2 * n);
  doubled.set(gradients, n);
  const hist = new Float64Array(histogramLength(nCols, binSlots));
  histogramRowMajor(
    bins,
    nCols,
    { ...source, start: 10, count: 50, gradients: doubled, hessians: null, offset: n },
    hist,
    binSlots,
    2,
    3,
  );
  assert.deepEqual(hist.subarray(2 * block, 3 * block), direct(2, [...rows.subarray(10, 60)], false));
});

test('histogramRowMajorList builds the listed features only', () => {
  const hist = new Float64Array(histogramLength(nCols, binSlots));
  histogramRowMajorList(bins, nCols, source, hist, binSlots, Int32Array.of(0, 3, 5, 6), 1, 3);
  assert.deepEqual(hist.subarray(3 * block, 4 * block), direct(3, [...rows]));
  assert.deepEqual(hist.subarray(5 * block, 6 * block), direct(5, [...rows]));
  assert.ok(hist.subarray(0, block).every((v) => v === 0));
  assert.ok(hist.subarray(6 * block).every((v) => v === 0));
});

test("a parent's histogram minus one child's equals the other child's, computed directly", () => {
  const all = Array.from({ length: n }, (_, i) => i);
  const left = all.filter((i) => bins[i * nCols + 1]! < 3);
  const right = all.filter((i) => bins[i * nCols + 1]! >= 3);
  const parent = new Float64Array(histogramLength(1, binSlots));
  parent.set(direct(2, all));
  const child = direct(2, left);
  const out = new Float64Array(parent.length);
  subtractHistograms(parent, child, out, Int32Array.of(0), binSlots);
  const expected = direct(2, right);
  for (let i = 0; i < out.length; i++) assert.ok(Math.abs(out[i]! - expected[i]!) < 1e-12);
  // Counts subtract exactly.
  for (let b = 0; b < binSlots; b++) assert.equal(out[b * 3 + 2], expected[b * 3 + 2]);
});
