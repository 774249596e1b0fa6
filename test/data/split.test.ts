import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trainTestSplit } from '../../src/data/split.js';

function counts(y: Int32Array, rows: Uint32Array, k: number): number[] {
  const out = new Array<number>(k).fill(0);
  for (const i of rows) out[y[i]!]!++;
  return out;
}

test('trainTestSplit: a fraction is rounded up (as scikit-learn), a count is taken as is', () => {
  const a = trainTestSplit(10, { testSize: 0.25, seed: 0 });
  assert.deepEqual([a.train.length, a.test.length], [7, 3]);
  const b = trainTestSplit(10, { testSize: 4, seed: 0 });
  assert.deepEqual([b.train.length, b.test.length], [6, 4]);
});

test('trainTestSplit: the parts are sorted, disjoint and cover every row', () => {
  const { train, test: held } = trainTestSplit(101, { testSize: 0.3, seed: 5 });
  const all = [...train, ...held].sort((x, y) => x - y);
  assert.deepEqual(
    all,
    Array.from({ length: 101 }, (_, i) => i),
  );
  assert.deepEqual(
    [...train],
    [...train].sort((x, y) => x - y),
  );
  assert.deepEqual(
    [...held],
    [...held].sort((x, y) => x - y),
  );
});

test('trainTestSplit: same seed, same split; another seed, another split', () => {
  const a = trainTestSplit(200, { testSize: 0.25, seed: 1 });
  const b = trainTestSplit(200, { testSize: 0.25, seed: 1 });
  const c = trainTestSplit(200, { testSize: 0.25, seed: 2 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.test, c.test);
});

test('trainTestSplit: stratified keeps the class proportions exactly when they divide evenly', () => {
  const y = Int32Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : i < 90 ? 1 : 2));
  const { train, test: held } = trainTestSplit(100, { testSize: 0.2, seed: 3, stratify: y });
  assert.deepEqual(counts(y, held, 3), [12, 6, 2]);
  assert.deepEqual(counts(y, train, 3), [48, 24, 8]);
});

test('trainTestSplit: stratified puts each class with two rows or more in both parts', () => {
  const y = Int32Array.from({ length: 100 }, (_, i) => (i < 97 ? 0 : i < 99 ? 1 : 2));
  for (let seed = 0; seed < 5; seed++) {
    const { train, test: held } = trainTestSplit(100, { testSize: 0.1, seed, stratify: y });
    assert.equal(held.length, 10);
    const inTest = counts(y, held, 3);
    const inTrain = counts(y, train, 3);
    assert.equal(inTest[1], 1);
    assert.equal(inTrain[1], 1);
    assert.equal(inTest[2]! + inTrain[2]!, 1);
  }
  // Largest remainder: 7 rows of 3 classes (3, 2, 2) with 3 test rows → one of each.
  const small = Int32Array.of(0, 0, 0, 1, 1, 2, 2);
  assert.deepEqual(
    counts(small, trainTestSplit(7, { testSize: 3, seed: 0, stratify: small }).test, 3),
    [1, 1, 1],
  );
});

test('trainTestSplit refuses bad sizes with messages naming testSize', () => {
  const cases: [number, number, RegExp][] = [
    [10, 0, /testSize must be a fraction in \(0, 1\) or a row count ≥ 1; received 0/],
    [10, -0.5, /received -0.5/],
    [10, Number.NaN, /received NaN/],
    [10, 1.5, /testSize must be a fraction in \(0, 1\) or a whole row count; received 1.5/],
    [10, 10, /testSize 10 must be smaller than the number of rows \(10\)/],
    [2, 0.99, /testSize 0.99 of 2 rows leaves no training rows/],
    [1, 0.5, /needs at least 2 rows to split; received 1/],
  ];
  for (const [n, testSize, message] of cases)
    assert.throws(() => trainTestSplit(n, { testSize, seed: 0 }), message);
});

test('trainTestSplit refuses a stratified split smaller than the number of classes', () => {
  const y = Int32Array.of(0, 0, 0, 1, 1, 1, 2, 2, 2, 2);
  assert.throws(
    () => trainTestSplit(10, { testSize: 2, seed: 0, stratify: y }),
    /a stratified split of 3 classes needs at least 3 test and 3 training rows; received 2 test and 8 training rows/,
  );
  assert.throws(
    () => trainTestSplit(10, { testSize: 8, seed: 0, stratify: y }),
    /received 8 test and 2 training rows/,
  );
  assert.throws(
    () => trainTestSplit(9, { testSize: 3, seed: 0, stratify: y }),
    /stratify has 10 values for 9 rows/,
  );
});
