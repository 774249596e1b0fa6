import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import type { ClassificationData, RegressionData } from '../../src/learners/types.js';
import { type Fold, makeFolds, type SplitterSpec } from '../../src/select/folds.js';
import { fixture } from '../metrics/fixture.js';

const features = [{ name: 'x', kind: 'numeric' as const }];

function regression(n: number): RegressionData {
  return { task: 'regression', X: matrix(n, 1), features, y: new Float64Array(n) };
}

function classification(y: readonly number[]): ClassificationData {
  const k = Math.max(...y) + 1;
  return {
    task: k === 2 ? 'binary' : 'multiclass',
    X: matrix(y.length, 1),
    features,
    y: Int32Array.from(y),
    classes: Array.from({ length: k }, (_, i) => `c${i}`),
  };
}

/** Test sets are disjoint, cover every row, and train is the ascending complement of test. */
function assertPartition(folds: readonly Fold[], n: number): void {
  const seen = new Uint8Array(n);
  for (const { train, test: held } of folds) {
    assert.equal(train.length + held.length, n);
    const inTest = new Uint8Array(n);
    for (const i of held) {
      assert.equal(seen[i], 0, `row ${i} in two test sets`);
      seen[i] = 1;
      inTest[i] = 1;
    }
    assert.deepEqual(
      [...train],
      [...Array(n).keys()].filter((i) => !inTest[i]),
    );
    assert.deepEqual(
      [...held],
      [...held].sort((a, b) => a - b),
    );
  }
  assert.ok(seen.every((s) => s === 1));
}

function classCounts(folds: readonly Fold[], y: readonly number[], k: number): number[][] {
  return folds.map(({ test: held }) => {
    const counts = new Array<number>(k).fill(0);
    for (const i of held) counts[y[i]!]!++;
    return counts;
  });
}

test("unshuffled kFold gives scikit-learn's KFold(5) folds of 23 rows exactly", () => {
  const { nRows, nSplits, test: expected } = fixture.kFold;
  const folds = makeFolds({ kind: 'kFold', nSplits }, regression(nRows));
  assert.deepEqual(
    folds.map((f) => [...f.test]),
    expected,
  );
  assertPartition(folds, nRows);
});

describe("stratifiedKFold matches scikit-learn's per-fold class counts", () => {
  for (const [index, c] of fixture.stratifiedKFold.entries()) {
    test(`case ${index}: ${c.y.length} rows, ${c.nSplits} splits`, () => {
      const data = classification(c.y);
      const k = data.classes.length;
      const plain = makeFolds({ kind: 'stratifiedKFold', nSplits: c.nSplits }, data);
      assert.deepEqual(classCounts(plain, c.y, k), c.counts);
      // Unshuffled, the very same test sets as scikit-learn.
      assert.deepEqual(
        plain.map((f) => [...f.test]),
        c.test,
      );
      const shuffled = makeFolds(
        { kind: 'stratifiedKFold', nSplits: c.nSplits, shuffle: true, seed: 3 },
        data,
      );
      assert.deepEqual(classCounts(shuffled, c.y, k), c.countsShuffled);
      assert.notDeepEqual(
        shuffled.map((f) => [...f.test]),
        c.test,
      );
      assertPartition(plain, c.y.length);
      assertPartition(shuffled, c.y.length);
    });
  }
});

test('a plain number means shuffled kFold for regression and shuffled stratifiedKFold for classes', () => {
  const folds = makeFolds(4, regression(10), 7);
  assert.deepEqual(folds, makeFolds({ kind: 'kFold', nSplits: 4, shuffle: true, seed: 7 }, regression(10)));
  assert.deepEqual(
    folds.map((f) => f.test.length),
    [3, 3, 2, 2],
  );
  assert.notDeepEqual(folds, makeFolds({ kind: 'kFold', nSplits: 4 }, regression(10)));
  const c = fixture.stratifiedKFold[0]!;
  const data = classification(c.y);
  assert.deepEqual(
    makeFolds(c.nSplits, data, 2),
    makeFolds({ kind: 'stratifiedKFold', nSplits: c.nSplits, shuffle: true, seed: 2 }, data),
  );
  assert.deepEqual(classCounts(makeFolds(c.nSplits, data), c.y, 3), c.counts);
});

test('folds are deterministic: same seed, same folds; another seed, other folds', () => {
  const spec: SplitterSpec = { kind: 'kFold', shuffle: true, seed: 11 };
  assert.deepEqual(makeFolds(spec, regression(50)), makeFolds(spec, regression(50)));
  assert.notDeepEqual(makeFolds(spec, regression(50)), makeFolds({ ...spec, seed: 12 }, regression(50)));
  // The seed argument is the default; a seed in the spec wins over it.
  assert.deepEqual(makeFolds(spec, regression(50), 99), makeFolds(spec, regression(50)));
});

test('repeated splitters give nRepeats differently shuffled partitions', () => {
  const folds = makeFolds({ kind: 'repeatedKFold', nSplits: 3, nRepeats: 4, seed: 5 }, regression(20));
  assert.equal(folds.length, 12);
  for (let r = 0; r < 4; r++) assertPartition(folds.slice(3 * r, 3 * r + 3), 20);
  assert.notDeepEqual(folds.slice(0, 3), folds.slice(3, 6));
  assert.deepEqual(
    folds,
    makeFolds({ kind: 'repeatedKFold', nSplits: 3, nRepeats: 4, seed: 5 }, regression(20)),
  );
  assert.equal(makeFolds({ kind: 'repeatedKFold' }, regression(20)).length, 50);

  const c = fixture.stratifiedKFold[0]!;
  const stratified = makeFolds(
    { kind: 'repeatedStratifiedKFold', nSplits: 5, nRepeats: 2 },
    classification(c.y),
  );
  assert.deepEqual(classCounts(stratified.slice(0, 5), c.y, 3), c.counts);
  assert.deepEqual(classCounts(stratified.slice(5), c.y, 3), c.counts);
  assert.notDeepEqual(stratified.slice(0, 5), stratified.slice(5));
});

test('splitters refuse too few or too many splits, regression data for stratification, and bad specs', () => {
  assert.throws(
    () => makeFolds({ kind: 'kFold', nSplits: 1 }, regression(5)),
    /kFold: parameter "nSplits" must be an integer ≥ 2; received 1/,
  );
  assert.throws(() => makeFolds(6, regression(5)), /kFold: nSplits = 6 is more than the 5 rows of the data/);
  assert.throws(
    () => makeFolds({ kind: 'stratifiedKFold' }, regression(10)),
    /stratifiedKFold: needs class targets, but the data are regression; use kFold/,
  );
  assert.throws(
    () => makeFolds({ kind: 'leaveOneOut' } as unknown as SplitterSpec, regression(5)),
    /makeFolds: unknown splitter kind "leaveOneOut"; known kinds: kFold, stratifiedKFold, repeatedKFold/,
  );
  assert.throws(
    () => makeFolds({ kind: 'kFold', nSplit: 3 } as SplitterSpec, regression(5)),
    /kFold: unknown parameter "nSplit" \(did you mean "nSplits"\?\)/,
  );
});

test('stratifiedKFold refuses a class with fewer rows than nSplits (scikit-learn only warns)', () => {
  const y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0];
  assert.throws(
    () => makeFolds(4, classification(y)),
    /stratifiedKFold: class "c1" has only 3 rows, fewer than nSplits = 4; use nSplits ≤ 3, or unstratified folds/,
  );
  assert.equal(makeFolds(3, classification(y)).length, 3);
  assert.equal(makeFolds({ kind: 'kFold', nSplits: 4 }, classification(y)).length, 4);
});
