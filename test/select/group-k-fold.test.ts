import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../../src/data/csv.js';
import { toTrainingData } from '../../src/data/dataset.js';
import { matrix } from '../../src/data/matrix.js';
import { subsetData } from '../../src/data/subset.js';
import { makeFriedman1 } from '../../src/data/synthetic.js';
import '../../src/learners/builtins.js';
import { fit, restoreModel } from '../../src/learners/fit.js';
import type { RegressionData, SavedModel, Spec } from '../../src/learners/types.js';
import { makeFolds, type SplitterSpec } from '../../src/select/folds.js';
import { groupKFoldAssignment } from '../../src/select/group-k-fold.js';

/** scikit-learn 1.2.1's GroupKFold test indices (scripts/fixtures/group_folds.py). */
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/group-folds.json', import.meta.url), 'utf8'),
) as {
  readonly cases: readonly { name: string; groups: number[]; nSplits: number; tests: number[][] }[];
};

function grouped(groups: readonly number[]): RegressionData {
  const n = groups.length;
  return {
    task: 'regression',
    X: matrix(n, 1),
    features: [{ name: 'x', kind: 'numeric' }],
    y: new Float64Array(n),
    groups: Int32Array.from(groups),
  };
}

test("groupKFold gives scikit-learn 1.2.1's GroupKFold test folds exactly", () => {
  for (const c of fixture.cases) {
    const n = c.groups.length;
    const folds = makeFolds({ kind: 'groupKFold', nSplits: c.nSplits }, grouped(c.groups));
    assert.deepEqual(
      folds.map((f) => [...f.test]),
      c.tests,
      c.name,
    );
    for (const fold of folds) {
      const inTest = new Set(fold.test);
      assert.deepEqual(
        [...fold.train],
        [...Array(n).keys()].filter((i) => !inTest.has(i)),
        c.name,
      );
    }
  }
});

test('groupKFold: no group is in two test folds, and the test folds cover every row once', () => {
  const c = fixture.cases[0]!;
  const folds = makeFolds({ kind: 'groupKFold', nSplits: c.nSplits }, grouped(c.groups));
  const foldOfGroup = new Map<number, number>();
  const seen = new Uint8Array(c.groups.length);
  folds.forEach((fold, f) => {
    for (const i of fold.test) {
      seen[i]!++;
      const g = c.groups[i]!;
      assert.equal(foldOfGroup.get(g) ?? f, f, `group ${g} in two test folds`);
      foldOfGroup.set(g, f);
    }
  });
  assert.ok(seen.every((s) => s === 1));
  // Deterministic: no shuffle, same folds every time.
  assert.deepEqual(makeFolds({ kind: 'groupKFold', nSplits: c.nSplits }, grouped(c.groups)), folds);
});

test('groupKFold defaults to 5 splits; the assignment puts each group in the lightest fold', () => {
  const folds = makeFolds({ kind: 'groupKFold' }, grouped([0, 1, 2, 3, 4, 5, 5]));
  assert.equal(folds.length, 5);
  // Sizes 3, 2, 1: 3 → fold 0, 2 → fold 1 (empty), 1 → fold 1 (2 < 3 rows).
  assert.deepEqual([...groupKFoldAssignment(Int32Array.of(0, 0, 0, 1, 1, 2), 2)], [0, 0, 0, 1, 1, 1]);
});

test('groupKFold refuses data without groups, too few groups, bad groups and unknown parameters', () => {
  const plain: RegressionData = { ...grouped([0, 1, 2]), groups: undefined };
  assert.throws(
    () => makeFolds({ kind: 'groupKFold', nSplits: 2 }, plain),
    /groupKFold: the data have no groups; give a group per row \(the "groups" option of toTrainingData/,
  );
  assert.throws(
    () => makeFolds({ kind: 'groupKFold', nSplits: 4 }, grouped([0, 0, 1, 1, 2, 2])),
    /groupKFold: nSplits = 4 is more than the 3 distinct groups/,
  );
  assert.throws(
    () =>
      makeFolds({ kind: 'groupKFold', nSplits: 2 }, { ...grouped([0, 1, 2]), groups: Int32Array.of(0, 1) }),
    /groupKFold: data.groups has 2 values but the data have 3 rows/,
  );
  assert.throws(
    () => makeFolds({ kind: 'groupKFold', nSplits: 2, shuffle: true } as SplitterSpec, grouped([0, 1, 2])),
    /shuffle/,
  );
  assert.throws(() => makeFolds({ kind: 'groupKFold', nSplits: 1 }, grouped([0, 1, 2])), /nSplits/);
});

test('subsetData keeps each row its group', () => {
  const data = grouped([4, 7, 7, 9]);
  const sub = subsetData(data, [3, 1, 0]);
  assert.deepEqual(sub.groups, Int32Array.of(9, 7, 4));
  assert.equal(subsetData({ ...data, groups: undefined }, [0]).groups, undefined);
});

test('stacking with cv groupKFold fits its members out of fold, a whole group at a time', async () => {
  const base = makeFriedman1({ nSamples: 60, nFeatures: 5, noise: 0.5, seed: 3 });
  const groups = Int32Array.from({ length: 60 }, (_, i) => (i * 7) % 11);
  const data: RegressionData = { ...base, groups };
  const cv: SplitterSpec = { kind: 'groupKFold', nSplits: 3 };
  const spec: Spec = {
    kind: 'stacking',
    estimators: { a: { kind: 'ridge' }, b: { kind: 'knn', nNeighbors: 1 } },
    cv,
    refit: 'foldAverage',
  };
  const model = await fit(spec, data);
  const predicted = model.task === 'regression' ? model.predict(data.X) : new Float64Array();
  assert.equal(predicted.length, 60);
  assert.ok(predicted.every(Number.isFinite));
  // The 1-NN fold models recall exactly the rows they were fitted on: the train rows of each
  // group fold, so never a row of a group they are tested on.
  const folds = makeFolds(cv, data);
  const { members } = model.state as { members: readonly { models: readonly SavedModel[] }[] };
  const knn = members[1]!.models;
  assert.equal(knn.length, 3);
  knn.forEach((saved, f) => {
    const fold = restoreModel(saved);
    const out = fold.task === 'regression' ? fold.predict(data.X) : new Float64Array();
    const recalled = [...out.keys()].filter((i) => out[i] === data.y[i]);
    assert.deepEqual(recalled, [...folds[f]!.train]);
  });
  await assert.rejects(
    fit(spec, base),
    /stacking: parameter "cv": groupKFold: the data have no groups; give a group per row/,
  );
});

test('toTrainingData groups: a numeric or categorical column becomes sorted group codes, not a feature', () => {
  const table = parseCsv('x,site,patient,y\n1,b,30,0.5\n2,a,10,1.5\n3,b,20,2.5\n4,c,10,3.5\n');
  const bySite = toTrainingData(table, { target: 'y', groups: 'site' });
  assert.deepEqual(bySite.groups, Int32Array.of(1, 0, 1, 2));
  assert.deepEqual(
    bySite.features.map((f) => f.name),
    ['x', 'patient'],
  );
  assert.equal(bySite.X.cols, 2);
  const byPatient = toTrainingData(table, { target: 'y', groups: 'patient', features: ['x'] });
  assert.deepEqual(byPatient.groups, Int32Array.of(2, 0, 1, 0));
  const classes = toTrainingData(parseCsv('g,y\n1,a\n1,b\n2,a\n'), { target: 'y', groups: 'g' });
  assert.equal(classes.task, 'binary');
  assert.deepEqual(classes.groups, Int32Array.of(0, 0, 1));
  assert.equal(toTrainingData(table, { target: 'y' }).groups, undefined);
});

test('toTrainingData groups: refuses a missing group value, naming the row, and bad column names', () => {
  const table = parseCsv('x,site,y\n1,a,0.5\n2,,1.5\n3,b,2.5\n');
  assert.throws(
    () => toTrainingData(table, { target: 'y', groups: 'site' }),
    /the groups column "site" is missing at row 1; every row needs a group/,
  );
  assert.throws(
    () => toTrainingData(table, { target: 'y', groups: 'region' }),
    /unknown groups column "region"; the columns are: "x", "site", "y"/,
  );
  assert.throws(
    () => toTrainingData(table, { target: 'y', groups: 'y' }),
    /the target "y" cannot also be the groups column/,
  );
  assert.throws(
    () => toTrainingData(table, { target: 'y', groups: 'x', features: ['x'] }),
    /the groups column "x" cannot also be a feature/,
  );
});
