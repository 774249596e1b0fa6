import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BinTables, binTables, numericBin } from '../../../src/learners/hgb/bin-tables.js';
import { type BinMapper, findBinThresholds } from '../../../src/learners/hgb/binning.js';
import { createRandom } from '../../../src/random.js';
import { fixture } from './hgb-fixture.js';

const random = createRandom(5);
const MISSING = 255;

/** The mapping rule itself, as a plain loop: the number of thresholds < x; NaN → the missing bin. */
function referenceBin(thresholds: Float64Array, x: number): number {
  if (Number.isNaN(x)) return MISSING;
  let bin = 0;
  for (const t of thresholds) if (t < x) bin++;
  return bin;
}

/** A mapper of numeric columns with these (increasing) thresholds. */
function mapperOf(...thresholds: Float64Array[]): BinMapper {
  return {
    maxBins: MISSING,
    isCategorical: new Uint8Array(thresholds.length),
    thresholds,
    nBinsNonMissing: Int32Array.from(thresholds, (t) => t.length + 1),
  };
}

/** The next double after x towards +∞ (up) or −∞. */
function nextDouble(x: number, up: boolean): number {
  if (x === 0) return up ? 5e-324 : -5e-324;
  const value = Float64Array.of(x);
  const bits = new BigInt64Array(value.buffer);
  bits[0]! += x > 0 === up ? 1n : -1n;
  return value[0]!;
}

/** `values`, every threshold, its neighbouring doubles, and the special values. */
function probes(thresholds: Float64Array, values: readonly number[]): number[] {
  const out = [...values, 0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN];
  out.push(Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, 1e300, -1e300);
  for (const t of thresholds) {
    out.push(t);
    if (Number.isFinite(t)) out.push(nextDouble(t, true), nextDouble(t, false));
  }
  return out;
}

function assertBinsLikeReference(tables: BinTables, j: number, thresholds: Float64Array, xs: number[]): void {
  for (const x of xs)
    assert.equal(numericBin(tables, j, x), referenceBin(thresholds, x), `column ${j}, x = ${x}`);
}

/** Thresholds as fitBinMapper finds them, on `n` draws of `draw`, and more draws to probe with. */
function column(draw: () => number, n = 20_000): { thresholds: Float64Array; values: number[] } {
  const thresholds = findBinThresholds(Float64Array.from({ length: n }, draw), 255);
  return { thresholds, values: Array.from({ length: 5000 }, draw) };
}

const columns = {
  uniform: column(() => random.next()),
  normal: column(() => random.normal()),
  // Right- and left-skewed over many magnitudes (1e-9 … 1e9): log-like keys.
  logNormal: column(() => Math.exp(5 * random.normal())),
  negativeLogNormal: column(() => -Math.exp(5 * random.normal())),
  // Few distinct values: midpoints.
  ties: column(() => random.int(40) - 20),
  // Most values in [0, 1), a few huge ones (thresholds up to 1e300).
  outliers: column(() => (random.next() < 0.02 ? 10 ** (random.int(300) + 1) : random.next())),
  mixed: column(() => (random.next() < 0.3 ? 0 : random.next() < 0.5 ? -0 : random.normal() * 1e-300)),
};

test('numericBin maps every value to the number of thresholds below it, as a plain count does', () => {
  const entries = Object.entries(columns);
  const tables = binTables(mapperOf(...entries.map(([, c]) => c.thresholds)));
  entries.forEach(([name, { thresholds, values }], j) => {
    assert.ok(thresholds.length > 10, name);
    assertBinsLikeReference(tables, j, thresholds, probes(thresholds, values));
  });
});

test('skewed columns get log-like keys, the others linear ones', () => {
  const { uniform, normal, logNormal, negativeLogNormal } = columns;
  const tables = binTables(
    mapperOf(uniform.thresholds, normal.thresholds, logNormal.thresholds, negativeLogNormal.thresholds),
  );
  // params[4j] is the key's mode: 0 linear, 1 log-like above the first threshold, 2 below the last.
  assert.deepEqual(
    [0, 1, 2, 3].map((j) => tables.params[4 * j]),
    [0, 0, 1, 2],
  );
});

test('numericBin handles thresholds crowded in one bucket, repeated, infinite, signed zeros and none', () => {
  // 200 thresholds 1 ulp apart, then 1e300: linear buckets put most of them in one.
  const crowded = Float64Array.from({ length: 200 }, (_, i) => 1 + i * 2 ** -52);
  const sets = [
    Float64Array.of(...crowded, 1e300),
    Float64Array.of(Number.NEGATIVE_INFINITY, -1, 0.5, 0.5, 0.5, 2, 2, 1e300),
    Float64Array.of(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY),
    Float64Array.of(-0, 0, 3),
    Float64Array.of(-5, -0),
    Float64Array.of(7),
    new Float64Array(0),
  ];
  const tables = binTables(mapperOf(...sets));
  assert.ok(
    tables.entries.subarray(0, 1025).some((entry) => entry >= 0x200),
    'the crowded column has a bucket with ≥ 2 thresholds',
  );
  const extra = [...crowded.map((t) => t + 2 ** -53), 1 + 2 ** -53, 0.999999, 3e299, -1e-300, 1e-300];
  sets.forEach((thresholds, j) => {
    assertBinsLikeReference(tables, j, thresholds, probes(thresholds, extra));
  });
});

test("numericBin reproduces searchsorted on scikit-learn's thresholds and values", () => {
  const sets = fixture.binning.map(({ thresholds }) => Float64Array.from(thresholds));
  const tables = binTables(mapperOf(...sets));
  fixture.binning.forEach(({ values }, j) => {
    assertBinsLikeReference(tables, j, sets[j]!, probes(sets[j]!, values));
  });
});

/** binColumns' binary search before the lookup tables: eight branchless steps over +∞-padded slots. */
function binarySearchBin(thresholds: Float64Array, x: number): number {
  if (Number.isNaN(x)) return MISSING;
  const slots = new Float64Array(256).fill(Number.POSITIVE_INFINITY);
  slots.set(thresholds);
  let lo = 0;
  for (let step = 128; step >= 1; step >>= 1) if (slots[lo + step - 1]! < x) lo += step;
  return lo;
}

test('thresholds with NaN (NumPy percentiles of infinite values) bin as the binary search did', () => {
  const values = Float64Array.from({ length: 3000 }, (_, i) =>
    i < 300 ? Number.NEGATIVE_INFINITY : i >= 2700 ? Number.POSITIVE_INFINITY : random.normal(),
  );
  const thresholds = findBinThresholds(values, 255);
  assert.ok(thresholds.some(Number.isNaN));
  const tables = binTables(mapperOf(thresholds));
  for (const x of probes(
    thresholds,
    Array.from({ length: 2000 }, () => random.normal() * 3),
  )) {
    assert.equal(numericBin(tables, 0, x), binarySearchBin(thresholds, x), `x = ${x}`);
  }
});

test('binTables keeps the category-code table of categorical columns', () => {
  const mapper: BinMapper = {
    maxBins: 10,
    isCategorical: Uint8Array.of(1, 0),
    thresholds: [Float64Array.of(2, 5, 9), Float64Array.of(0.5)],
    nBinsNonMissing: Int32Array.of(3, 2),
  };
  const { slots } = binTables(mapper);
  assert.deepEqual([slots[2], slots[5], slots[9], slots[3]], [0, 1, 2, 10]);
});
