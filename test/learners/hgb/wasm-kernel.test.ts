import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { makeClassification, makeFriedman1 } from '../../../src/data/synthetic.js';
import '../../../src/learners/builtins.js';
import { histogramWasmModule } from '../../../scripts/wasm-source.js';
import { fit } from '../../../src/learners/fit.js';
import {
  addHistogram,
  histogramLength,
  histogramRowMajor,
  histogramRowMajorList,
  subtractHistograms,
} from '../../../src/learners/hgb/histogram.js';
import { partitionHalf } from '../../../src/learners/hgb/partition.js';
import { absSum, countBits, quantizeRows } from '../../../src/learners/hgb/quantize.js';
import {
  arenaBytes,
  arenasCreated,
  createArena,
  kernelFor,
  setWasmKernel,
} from '../../../src/learners/hgb/wasm-kernel.js';
import { toPlain } from '../../../src/persist/plain.js';
import { createRandom } from '../../../src/random.js';

test('the committed kernel module is histogram.wat compiled (run `npm run wasm` after editing it)', async () => {
  const committed = readFileSync(
    new URL('../../../src/learners/hgb/histogram-wasm.ts', import.meta.url),
    'utf8',
  );
  assert.equal(committed, await histogramWasmModule());
});

/**
 * Random rows × cols bins (bin 255 = missing included), gradients and hessians with their packed
 * words, and a row subset, in an arena.
 */
function setUp(shared: boolean) {
  const nRows = 3000;
  const nCols = 7;
  const binSlots = 256;
  const length = histogramLength(nCols, binSlots, 2);
  const arena = createArena(
    // One entry per array the tests take: bins, gradients, hessians, their words, rows, two
    // histograms, features, goesLeft, a partition target, raw, more words.
    arenaBytes([
      ...[nRows * nCols, 4 * nRows, 4 * nRows, 8 * nRows, 8 * nRows, 4 * nRows],
      ...[4 * length, 4 * length, 16, 256, 4 * nRows, 8 * nRows, 8 * nRows],
    ]),
    shared,
  );
  assert.ok(arena, 'WebAssembly is available in Node');
  const random = createRandom(7);
  const bins = arena.u8(nRows * nCols);
  for (let i = 0; i < bins.length; i++) bins[i] = random.int(binSlots);
  const gradients = arena.f32(nRows);
  const hessians = arena.f32(nRows);
  for (let i = 0; i < nRows; i++) {
    gradients[i] = random.normal() * 1e3;
    hessians[i] = random.next() / 7;
  }
  const shift = countBits(nRows);
  const packedGradients = arena.i32(2 * nRows);
  const packedHessians = arena.i32(2 * nRows);
  quantizeRows(gradients, 0, nRows, 2 ** 27, shift, 1, packedGradients, 0);
  quantizeRows(hessians, 0, nRows, 2 ** 40, 0, 0, packedHessians, 0);
  const rows = arena.u32(nRows);
  let count = 0;
  for (let r = 0; r < nRows; r++) if (random.next() < 0.6) rows[count++] = r;
  return {
    arena,
    nRows,
    nCols,
    binSlots,
    length,
    bins,
    gradients,
    hessians,
    packedGradients,
    packedHessians,
    shift,
    rows,
    count,
    random,
  };
}

for (const shared of [false, true]) {
  test(`the kernel's histograms equal the TypeScript loops bit for bit (${shared ? 'shared' : 'plain'} memory)`, () => {
    const s = setUp(shared);
    const kernel = kernelFor(s.arena.memory);
    const hist = s.arena.i32(s.length);
    const features = s.arena.i32(4);
    features.set([0, 2, 3, 6]);
    for (const hessians of [null, s.packedHessians]) {
      const words = hessians ? 2 : 1;
      const length = histogramLength(s.nCols, s.binSlots, words);
      const target = hist.subarray(0, length);
      const block = s.binSlots * words * 2;
      // Rows 11 … count-5 of the subset, words from row 1 on (a tree's slice of an iteration's).
      const source = {
        rows: s.rows,
        start: 11,
        count: s.count - 16,
        gradients: s.packedGradients,
        hessians,
        offset: 1,
      };
      const expected = new Int32Array(length);
      histogramRowMajor(s.bins, s.nCols, source, expected, s.binSlots, 1, 6);
      hist.fill(0);
      kernel.histogramRange(
        s.rows.byteOffset + 4 * source.start,
        source.count,
        s.bins.byteOffset,
        s.nCols,
        s.packedGradients.byteOffset + 8,
        hessians ? hessians.byteOffset + 8 : 0,
        target.byteOffset,
        4 * block,
        1,
        6,
      );
      assert.deepEqual(target, expected);
      assert.ok(expected.some((v) => v !== 0));

      const expectedList = new Int32Array(length);
      histogramRowMajorList(s.bins, s.nCols, source, expectedList, s.binSlots, features, 1, 4);
      hist.fill(0);
      kernel.histogramList(
        s.rows.byteOffset + 4 * source.start,
        source.count,
        s.bins.byteOffset,
        s.nCols,
        s.packedGradients.byteOffset + 8,
        hessians ? hessians.byteOffset + 8 : 0,
        target.byteOffset,
        4 * block,
        features.byteOffset,
        1,
        4,
      );
      assert.deepEqual(target, expectedList);
    }
  });
}

test("the kernel's quantize and absSum equal quantizeRows and absSum bit for bit", () => {
  const s = setUp(false);
  const kernel = kernelFor(s.arena.memory);
  const values = s.gradients;
  // Halves round up (⌊x + 0.5⌋, not to even), negative values too.
  values.set([0.5, -0.5, 1.5, -1.5, -2.5, 0, -0], 0);
  for (const [scale, shift, one] of [
    [2 ** 27, s.shift, 1],
    [1, 0, 0],
    [2 ** -3, 20, 1],
  ] as const) {
    const expected = new Int32Array(2 * (s.nRows - 3));
    quantizeRows(values, 3, s.nRows - 3, scale, shift, one, expected, 0);
    const got = s.arena.i32(2 * (s.nRows - 3));
    kernel.quantize(values.byteOffset + 12, s.nRows - 3, scale, shift, one, got.byteOffset);
    assert.deepEqual(got, expected, `scale ${scale}`);
  }
  const probe = s.arena.i32(2 * 7);
  kernel.quantize(values.byteOffset, 7, 1, 0, 0, probe.byteOffset);
  assert.deepEqual([...probe.filter((_, i) => i % 2 === 0)], [1, 0, 2, -1, -2, 0, 0]);
  assert.equal(kernel.absSum(values.byteOffset + 4, 2000), absSum(values, 1, 2000));
  values[50] = Number.NaN;
  assert.ok(Number.isNaN(kernel.absSum(values.byteOffset, 100)));
  assert.equal(kernel.absSum(values.byteOffset, 0), 0);
});

test("the kernel's word additions and subtractions equal addHistogram and subtractHistograms", () => {
  const s = setUp(false);
  const kernel = kernelFor(s.arena.memory);
  const a = s.arena.i32(s.length);
  const b = s.arena.i32(s.length);
  for (let i = 0; i < s.length; i++) {
    a[i] = s.random.int(2 ** 31) * (s.random.next() < 0.5 ? -1 : 1);
    b[i] = s.random.int(2 ** 31) * (s.random.next() < 0.5 ? -1 : 1);
  }
  const all = Int32Array.from({ length: s.nCols }, (_, f) => f);
  const difference = new Int32Array(s.length);
  subtractHistograms(a, b, difference, all, s.binSlots, 2);
  const sum = a.slice();
  addHistogram(sum, b, 0, s.length);
  kernel.subtractWords(a.byteOffset, b.byteOffset, s.packedHessians.byteOffset, 100);
  assert.deepEqual(s.packedHessians.subarray(0, 200), difference.subarray(0, 200));
  kernel.addWords(a.byteOffset, b.byteOffset, s.length / 2);
  assert.deepEqual(a, sum);
});

test("the kernel's partition halves equal partitionHalf's, in either order", () => {
  const s = setUp(false);
  const kernel = kernelFor(s.arena.memory);
  const goesLeft = s.arena.u8(256);
  for (let b = 0; b < 256; b++) goesLeft[b] = s.random.next() < 0.4 ? 1 : 0;
  const column = s.bins.subarray(0, s.nRows);
  const start = 5;
  const count = s.count - 9;
  let nLeft = 0;
  for (let k = start; k < start + count; k++) nLeft += goesLeft[column[s.rows[k]!]!]!;
  const node = { start, count, nLeft };
  const expected = new Uint32Array(s.nRows);
  const left0 = partitionHalf(s.rows, expected, node, 0, column, goesLeft);
  const left1 = partitionHalf(s.rows, expected, node, 1, column, goesLeft);
  assert.equal(left0 + left1, nLeft);
  assert.ok(nLeft > 0 && nLeft < count);
  const target = s.arena.u32(s.nRows);
  const middle = start + (count >> 1);
  const at = (k: number): number => target.byteOffset + 4 * k;
  const args = [column.byteOffset, goesLeft.byteOffset] as const;
  const got1 = kernel.partitionBackward(
    s.rows.byteOffset + 4 * middle,
    start + count - middle,
    ...args,
    at(start + nLeft),
    at(start + count),
  );
  const got0 = kernel.partitionForward(
    s.rows.byteOffset + 4 * start,
    middle - start,
    ...args,
    at(start),
    at(start + nLeft),
  );
  assert.deepEqual([got0, got1], [left0, left1]);
  assert.deepEqual(target, expected);
});

test('a fit with the kernel equals a fit with the TypeScript loops, byte for byte', async () => {
  const friedman = makeFriedman1({ nSamples: 70_000, nFeatures: 6, noise: 1, seed: 4 });
  friedman.X.data[7 * 6 + 2] = Number.NaN;
  const classes = makeClassification({ nSamples: 3000, nFeatures: 6, nClasses: 3, nInformative: 3, seed: 6 });
  const cases = [
    [{ kind: 'histGradientBoosting', maxIter: 4, earlyStopping: false, seed: 1 }, friedman],
    [{ kind: 'histGradientBoosting', maxIter: 4, subsample: 0.7, colsampleBytree: 0.5, seed: 2 }, friedman],
    [{ kind: 'histGradientBoosting', maxIter: 4, loss: 'absolute_error', seed: 3 }, friedman],
    [{ kind: 'histGradientBoosting', maxIter: 4, earlyStopping: false, seed: 3 }, classes],
  ] as const;
  for (const [spec, data] of cases) {
    const before = arenasCreated();
    const withKernel = await fit(spec, data);
    assert.equal(arenasCreated(), before + 1, 'the fit ran on the kernel');
    setWasmKernel(false);
    try {
      const without = await fit(spec, data);
      assert.equal(arenasCreated(), before + 1, 'the second fit ran on the TypeScript loops');
      assert.equal(JSON.stringify(toPlain(withKernel.state)), JSON.stringify(toPlain(without.state)));
    } finally {
      setWasmKernel(true);
    }
  }
});

test('an arena larger than a 32-bit memory is refused (the TypeScript loops take over)', () => {
  assert.equal(createArena(2 ** 32 + 1, false), null);
});

test("the kernel's leaf-value update adds the value to the listed rows' raw scores only", () => {
  const s = setUp(false);
  const kernel = kernelFor(s.arena.memory);
  const raw = s.arena.f64(s.nRows);
  for (let i = 0; i < s.nRows; i++) raw[i] = i / 3;
  const expected = raw.slice();
  for (let k = 4; k < 4 + 100; k++) expected[s.rows[k]!] = expected[s.rows[k]!]! + 0.1;
  kernel.addLeafValue(s.rows.byteOffset + 16, 100, raw.byteOffset, 0.1);
  assert.deepEqual(raw, expected);
});

test('fits of any size find room in the arena (its budget has one entry per array)', async () => {
  // Sizes whose arrays once overflowed a budget that lumped arrays together (each array is aligned
  // on its own): 5 005 rows × 10 columns, and 2 673 rows × 1 column among its neighbours.
  const wide = makeFriedman1({ nSamples: 5005, nFeatures: 10, seed: 1 });
  await fit({ kind: 'histGradientBoosting', maxIter: 1 }, wide);
  for (let n = 2600; n <= 2700; n++) {
    const narrow = makeFriedman1({ nSamples: n, nFeatures: 5, seed: n });
    const one = { ...narrow, X: { rows: n, cols: 1, data: narrow.X.data.filter((_, i) => i % 5 === 0) } };
    await fit(
      { kind: 'histGradientBoosting', maxIter: 1, earlyStopping: false },
      { ...one, features: narrow.features.slice(0, 1) },
    );
  }
});

test("a fit moves every training row's raw score by its leaf's value, also in trees of many leaves", async () => {
  // The training loss after the last tree, computed from the raw scores the fit moved (by the
  // kernel), equals the loss of the model's own predictions on those rows.
  const data = makeFriedman1({ nSamples: 4000, nFeatures: 5, noise: 1, seed: 8 });
  const model = await fit(
    { kind: 'histGradientBoosting', maxIter: 2, maxLeafNodes: null, minSamplesLeaf: 1, earlyStopping: false },
    data,
  );
  const state = model.state as { trainLoss: Float64Array; trees: { leafValue: Float64Array } };
  assert.ok(state.trees.leafValue.length > 2 * 1100, `${state.trees.leafValue.length} leaves`);
  const predictions = model.predict(data.X) as Float64Array;
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) sum += (predictions[i]! - data.y[i]!) ** 2;
  const last = state.trainLoss[state.trainLoss.length - 1]!;
  assert.ok(
    Math.abs(sum / predictions.length / 2 - last) <= 1e-12 * last,
    `${sum / predictions.length / 2} vs ${last}`,
  );
});
