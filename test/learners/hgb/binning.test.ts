import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import {
  binColumns,
  binningSample,
  findBinThresholds,
  fitBinMapper,
  numericThresholds,
} from '../../../src/learners/hgb/binning.js';
import { createRandom, shuffleInPlace } from '../../../src/random.js';
import { fixture } from './hgb-fixture.js';

test('findBinThresholds gives the midpoints between distinct values when there are few', () => {
  assert.deepEqual([...findBinThresholds(Float64Array.of(3, 1, 2, 2, 1), 255)], [1.5, 2.5]);
  assert.deepEqual([...findBinThresholds(Float64Array.of(7, 7), 255)], []);
});

test('findBinThresholds gives NumPy midpoint percentiles when there are more distinct values than bins', () => {
  // 0 … 9 in 4 bins: percentiles 25, 50, 75 sit at positions 2.25, 4.5, 6.75, whose midpoint
  // rule rounds to 2.5, 4.5, 6.5 → (2 + 3) / 2, (4 + 5) / 2, (6 + 7) / 2.
  const values = Float64Array.from({ length: 10 }, (_, i) => 9 - i);
  assert.deepEqual([...findBinThresholds(values, 4)], [2.5, 4.5, 6.5]);
  // 0 … 8 in 4 bins: positions 2, 4, 6 are whole: the values themselves.
  assert.deepEqual(
    [
      ...findBinThresholds(
        Float64Array.from({ length: 9 }, (_, i) => i),
        4,
      ),
    ],
    [2, 4, 6],
  );
});

test("findBinThresholds matches scikit-learn's _find_binning_thresholds bit for bit", () => {
  for (const { values, maxBins, thresholds } of fixture.binning) {
    assert.deepEqual([...findBinThresholds(Float64Array.from(values), maxBins)], thresholds);
  }
});

test('binColumns maps x to the first bin whose threshold is ≥ x, NaN to the missing bin', () => {
  const X = matrix([[0.5], [1.5], [1.6], [2.5], [9], [Number.NaN]]);
  const mapper = fitBinMapper(matrix([[1], [2], [3]]), new Uint8Array(1), {
    maxBins: 255,
    seed: 0,
    names: ['x'],
  });
  assert.deepEqual([...mapper.thresholds[0]!], [1.5, 2.5]);
  assert.deepEqual([...binColumns(X, mapper)], [0, 0, 1, 1, 2, 255]);
});

test('binColumns is column-major and bins only the given rows', () => {
  const X = matrix([
    [1, 10],
    [2, 20],
    [3, 30],
  ]);
  const mapper = fitBinMapper(X, new Uint8Array(2), { maxBins: 255, seed: 0, names: ['a', 'b'] });
  assert.deepEqual([...binColumns(X, mapper)], [0, 1, 2, 0, 1, 2]);
  assert.deepEqual([...binColumns(X, mapper, Uint32Array.of(2, 0))], [2, 0, 2, 0]);
});

test('categorical columns get one bin per category seen; unseen ones and NaN go to the missing bin', () => {
  const X = matrix([[4], [1], [4], [Number.NaN]]);
  const mapper = fitBinMapper(X, Uint8Array.of(1), { maxBins: 255, seed: 0, names: ['colour'] });
  assert.deepEqual([...mapper.thresholds[0]!], [1, 4]);
  assert.equal(mapper.nBinsNonMissing[0], 2);
  assert.deepEqual([...binColumns(matrix([[1], [4], [2], [Number.NaN]]), mapper)], [0, 1, 255, 255]);
});

test('categorical columns must hold level codes, and no more categories than maxBins', () => {
  const options = { maxBins: 255, seed: 0, names: ['colour'] };
  assert.throws(
    () => fitBinMapper(matrix([[0], [1.5]]), Uint8Array.of(1), options),
    /categorical column "colour" must hold level codes 0 … 255; received 1.5 at row 1/,
  );
  assert.throws(
    () => fitBinMapper(matrix([[0], [1], [2]]), Uint8Array.of(1), { ...options, maxBins: 2 }),
    /categorical column "colour" has 3 categories; at most maxBins = 2/,
  );
});

test('thresholds are found on a seeded sample of 200 000 rows when there are more', () => {
  const n = 250_000;
  const X = matrix(
    n,
    1,
    Float64Array.from({ length: n }, (_, i) => (i * 7919) % n),
  );
  const a = fitBinMapper(X, new Uint8Array(1), { maxBins: 255, seed: 1, names: ['x'] });
  const b = fitBinMapper(X, new Uint8Array(1), { maxBins: 255, seed: 1, names: ['x'] });
  const c = fitBinMapper(X, new Uint8Array(1), { maxBins: 255, seed: 2, names: ['x'] });
  assert.deepEqual(a.thresholds, b.thresholds);
  assert.notDeepEqual(a.thresholds, c.thresholds);
  // Quantiles of a sample of a uniform grid stay near the grid's own.
  assert.ok(Math.abs(a.thresholds[0]![127]! - n / 2) < n / 100);
});

test('binColumns gives every value the number of thresholds below it, whatever the distribution', () => {
  const random = createRandom(8);
  const n = 3000;
  // Uniform, right-skewed over many magnitudes, left-skewed, few values, category codes.
  const draws = [
    () => random.next(),
    () => Math.exp(4 * random.normal()),
    () => -Math.exp(4 * random.normal()),
    () => random.int(9) * 0.25,
    () => random.int(6),
  ];
  const cols = draws.length;
  const X = matrix(
    n,
    cols,
    Float64Array.from({ length: n * cols }, (_, k) => (k % 37 === 0 ? Number.NaN : draws[k % cols]!())),
  );
  const mapper = fitBinMapper(X, Uint8Array.of(0, 0, 0, 0, 1), { maxBins: 255, seed: 0, names: [] });
  const rows = Uint32Array.from({ length: n }, (_, i) => (i * 7) % n);
  const rowMajor = new Uint8Array(n * cols);
  const bins = binColumns(X, mapper, rows, undefined, rowMajor);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < cols; j++) {
      const x = X.data[rows[i]! * cols + j]!;
      const thresholds = mapper.thresholds[j]!;
      const expected = Number.isNaN(x)
        ? 255
        : j === 4
          ? thresholds.indexOf(x)
          : thresholds.filter((t) => t < x).length;
      assert.equal(bins[j * n + i], expected, `row ${rows[i]}, column ${j}, x = ${x}`);
      assert.equal(rowMajor[i * cols + j], expected);
    }
  }
});

test('binningSample gives the sampled rows in ascending order', () => {
  const shuffled = Uint32Array.from({ length: 250_000 }, (_, i) => i);
  shuffleInPlace(shuffled, createRandom(4));
  const sample = binningSample(shuffled, 3);
  assert.equal(sample.length, 200_000);
  for (let i = 1; i < sample.length; i++) assert.ok(sample[i - 1]! < sample[i]!, `index ${i}`);
  // Up to 200 000 rows: all of them, sorted (repeated ids kept); already sorted: themselves.
  assert.deepEqual([...binningSample(Uint32Array.of(9, 2, 7, 2, 0), 3)], [0, 2, 2, 7, 9]);
  assert.deepEqual([...binningSample(Uint32Array.of(8, 3, 5), 3)], [3, 5, 8]);
  const sorted = Uint32Array.of(1, 4, 4, 6);
  assert.equal(binningSample(sorted, 3), sorted);
});

test('numericThresholds do not depend on the order the sampled rows are read in', () => {
  const random = createRandom(6);
  const n = 250_000;
  const X = matrix(
    n,
    3,
    Float64Array.from({ length: 3 * n }, (_, k) =>
      k % 3 === 0 ? random.normal() : k % 3 === 1 ? Math.exp(3 * random.normal()) : random.int(1000),
    ),
  );
  const rows = Uint32Array.from({ length: n }, (_, i) => i);
  const sample = binningSample(rows, 0);
  const shuffled = sample.slice();
  shuffleInPlace(shuffled, createRandom(1));
  assert.deepEqual(
    numericThresholds(X, sample, [0, 1, 2], 255),
    numericThresholds(X, shuffled, [0, 1, 2], 255),
  );
});
