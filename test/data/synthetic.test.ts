import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';

test('makeFriedman1 without noise follows the formula exactly, x uniform on [0, 1)', () => {
  const data = makeFriedman1({ nSamples: 500, nFeatures: 7, seed: 3 });
  assert.equal(data.task, 'regression');
  assert.deepEqual([data.X.rows, data.X.cols], [500, 7]);
  assert.deepEqual(
    data.features.map((f) => f.name),
    ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6'],
  );
  assert.ok(data.X.data.every((v) => v >= 0 && v < 1));
  for (let i = 0; i < 500; i++) {
    const x = data.X.data.subarray(i * 7, i * 7 + 5);
    const d = x[2]! - 0.5;
    const y = 10 * Math.sin(Math.PI * x[0]! * x[1]!) + 20 * d * d + 10 * x[3]! + 5 * x[4]!;
    assert.equal(data.y[i], y);
  }
});

test('makeFriedman1: the mean of y is the closed form ≈ 14.41 for large n', () => {
  // E[sin(π U V)] = (γ + ln π − Ci(π)) / π with Ci(π) = 0.07366791204642587; the other terms are 20/12 + 5 + 2.5.
  const expected =
    (10 * (0.5772156649015329 + Math.log(Math.PI) - 0.07366791204642587)) / Math.PI + 20 / 12 + 7.5;
  const { y } = makeFriedman1({ nSamples: 200_000, nFeatures: 5, noise: 1, seed: 1 });
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  // y has std ≈ 5, so the standard error of the mean is ≈ 0.011.
  assert.ok(Math.abs(mean - expected) < 0.05, `mean ${mean}, expected ${expected}`);
  assert.ok(Math.abs(expected - 14.41) < 0.01);
});

test('makeFriedman1: noise adds N(0, noise²) to the noise-free target', () => {
  const clean = makeFriedman1({ nSamples: 50_000, seed: 9 });
  const noisy = makeFriedman1({ nSamples: 50_000, noise: 2, seed: 9 });
  assert.deepEqual(noisy.X, clean.X);
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < clean.y.length; i++) {
    const e = noisy.y[i]! - clean.y[i]!;
    sum += e;
    squares += e * e;
  }
  const n = clean.y.length;
  assert.ok(Math.abs(sum / n) < 0.05);
  assert.ok(Math.abs(Math.sqrt(squares / n) - 2) < 0.05);
});

test('makeFriedman1: same seed, same data; another seed, other data; bad options refused', () => {
  assert.deepEqual(makeFriedman1({ nSamples: 20, seed: 4 }), makeFriedman1({ nSamples: 20, seed: 4 }));
  assert.notDeepEqual(makeFriedman1({ nSamples: 20, seed: 4 }).y, makeFriedman1({ nSamples: 20, seed: 5 }).y);
  assert.throws(
    () => makeFriedman1({ nSamples: 20, nFeatures: 4, seed: 0 }),
    /nFeatures must be an integer ≥ 5; received 4/,
  );
  assert.throws(() => makeFriedman1({ nSamples: 0, seed: 0 }), /nSamples must be an integer ≥ 1; received 0/);
  assert.throws(
    () => makeFriedman1({ nSamples: 5, noise: -1, seed: 0 }),
    /noise must be a number ≥ 0; received -1/,
  );
});

test('makeClassification: shape, class names and exact balance without label noise', () => {
  const data = makeClassification({
    nSamples: 300,
    nFeatures: 8,
    nInformative: 3,
    nClasses: 3,
    flipY: 0,
    seed: 2,
  });
  assert.equal(data.task, 'multiclass');
  assert.deepEqual(data.classes, ['0', '1', '2']);
  assert.deepEqual([data.X.rows, data.X.cols], [300, 8]);
  const counts = [0, 0, 0];
  for (const c of data.y) counts[c]!++;
  assert.deepEqual(counts, [100, 100, 100]);
  const binary = makeClassification({ nSamples: 101, seed: 2 });
  assert.equal(binary.task, 'binary');
  assert.deepEqual([binary.X.rows, binary.X.cols], [101, 20]);
});

test('makeClassification: exactly nInformative + nRedundant columns carry signal, redundant ones are linear in the rest', () => {
  const nInformative = 3;
  const nRedundant = 2;
  const data = makeClassification({
    nSamples: 400,
    nFeatures: 9,
    nInformative,
    nRedundant,
    flipY: 0,
    seed: 7,
  });
  // The matrix has rank nInformative + (nFeatures − nInformative − nRedundant): redundant columns add none.
  assert.equal(rank(data.X.data, 400, 9), 9 - nRedundant);
  // Separated classes: a per-class mean differs in some column by more than the noise would explain.
  const mean = (c: number, j: number): number => {
    let s = 0;
    let n = 0;
    for (let i = 0; i < 400; i++) {
      if (data.y[i] !== c) continue;
      s += data.X.data[i * 9 + j]!;
      n++;
    }
    return s / n;
  };
  const gaps = Array.from({ length: 9 }, (_, j) => Math.abs(mean(0, j) - mean(1, j)));
  assert.ok(Math.max(...gaps) > 0.5, `largest class-mean gap ${Math.max(...gaps)}`);
});

test('makeClassification: flipY relabels about that fraction of rows with a random class', () => {
  // Far-apart single clusters: a row disagrees with its cluster's class only if flipped to the other
  // class, which happens with probability flipY · (1 − 1/nClasses) = 0.1.
  const n = 20_000;
  const options = {
    nSamples: n,
    nFeatures: 2,
    nInformative: 2,
    nRedundant: 0,
    nClustersPerClass: 1,
    classSep: 10,
  };
  const data = makeClassification({ ...options, flipY: 0.2, seed: 8 });
  const means = [0, 1].map((c) => {
    const sum = [0, 0];
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (data.y[i] !== c) continue;
      sum[0]! += data.X.data[i * 2]!;
      sum[1]! += data.X.data[i * 2 + 1]!;
      count++;
    }
    return sum.map((s) => s / count);
  });
  let disagree = 0;
  for (let i = 0; i < n; i++) {
    const d = means.map((m) => (data.X.data[i * 2]! - m[0]!) ** 2 + (data.X.data[i * 2 + 1]! - m[1]!) ** 2);
    if ((d[0]! < d[1]! ? 0 : 1) !== data.y[i]) disagree++;
  }
  // Binomial(20000, 0.1) has std ≈ 0.002 as a fraction.
  assert.ok(Math.abs(disagree / n - 0.1) < 0.01, `fraction relabelled ${disagree / n}`);
  const clean = makeClassification({ ...options, flipY: 0, seed: 8 });
  assert.equal(clean.y.filter((c) => c === 0).length, n / 2);
});

test('makeClassification: same seed, same data; another seed, other data; bad options refused', () => {
  const options = { nSamples: 50, nFeatures: 5, seed: 1 };
  assert.deepEqual(makeClassification(options), makeClassification(options));
  assert.notDeepEqual(makeClassification(options).X, makeClassification({ ...options, seed: 2 }).X);
  assert.throws(
    () => makeClassification({ nSamples: 10, nFeatures: 3, nInformative: 2, nRedundant: 2, seed: 0 }),
    /nInformative \+ nRedundant \(2 \+ 2\) must be ≤ nFeatures \(3\)/,
  );
  assert.throws(
    () => makeClassification({ nSamples: 10, nClasses: 3, seed: 0 }),
    /nClasses × nClustersPerClass \(3 × 2\) must be ≤ 2 \*\* nInformative \(4\)/,
  );
  assert.throws(
    () => makeClassification({ nSamples: 10, flipY: 2, seed: 0 }),
    /flipY must be a number in \[0, 1\]; received 2/,
  );
  assert.throws(
    () => makeClassification({ nSamples: 10, nClasses: 1, seed: 0 }),
    /nClasses must be an integer ≥ 2/,
  );
});

/** Numerical rank by Gaussian elimination with partial pivoting (row-major rows × cols). */
function rank(values: Float64Array, rows: number, cols: number): number {
  const a = Float64Array.from(values);
  let r = 0;
  for (let c = 0; c < cols && r < rows; c++) {
    let pivot = r;
    for (let i = r + 1; i < rows; i++)
      if (Math.abs(a[i * cols + c]!) > Math.abs(a[pivot * cols + c]!)) pivot = i;
    if (Math.abs(a[pivot * cols + c]!) < 1e-9) continue;
    for (let j = 0; j < cols; j++) {
      const t = a[r * cols + j]!;
      a[r * cols + j] = a[pivot * cols + j]!;
      a[pivot * cols + j] = t;
    }
    for (let i = r + 1; i < rows; i++) {
      const f = a[i * cols + c]! / a[r * cols + c]!;
      for (let j = c; j < cols; j++) a[i * cols + j]! -= f * a[r * cols + j]!;
    }
    r++;
  }
  return r;
}
