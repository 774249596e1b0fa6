import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import {
  assertAllClose,
  bookExample,
  bookTest,
  caseData,
  caseTitle,
  nbFixture,
} from './naive-bayes/fixture.js';

for (const c of nbFixture.bernoulliNB) {
  test(`bernoulliNB predictProba matches scikit-learn on held-out rows: ${caseTitle(c)}`, async () => {
    const { train, test: XTest } = caseData(c);
    const model = await fit(c.spec, train);
    assert.ok(model.task !== 'regression');
    assertAllClose(model.predictProba(XTest).data, c.proba, 1e-10);
  });
}

test('bernoulliNB reproduces the textbook example (IIR 13.2): absent words count as evidence', async () => {
  const model = await fit({ kind: 'bernoulliNB' }, bookExample);
  assert.ok(model.task !== 'regression');
  // Present: Chinese, Tokyo, Japan; absent: Beijing, Shanghai, Macao.
  const china = (3 / 4) * (4 / 5) * (1 / 5) * (1 / 5) * (1 - 2 / 5) ** 3;
  const other = (1 / 4) * (2 / 3) * (2 / 3) * (2 / 3) * (1 - 1 / 3) ** 3;
  assertAllClose(
    model.predictProba(bookTest).data,
    [china / (china + other), other / (china + other)],
    1e-12,
  );
});

test('bernoulliNB binarizes at the threshold: only values above it count as present', async () => {
  const a = await fit({ kind: 'bernoulliNB', binarize: 1 }, bookExample);
  const presence = {
    ...bookExample,
    X: { ...bookExample.X, data: bookExample.X.data.map((v) => (v > 1 ? 1 : 0)) },
  };
  const b = await fit({ kind: 'bernoulliNB', binarize: null }, presence);
  assert.ok(a.task !== 'regression' && b.task !== 'regression');
  const X = matrix([
    [3, 0, 0, 0, 1, 1],
    [1, 2, 0, 0, 0, 0],
  ]);
  const binarized = { ...X, data: X.data.map((v) => (v > 1 ? 1 : 0)) };
  assertAllClose(a.predictProba(X).data, b.predictProba(binarized).data, 1e-12);
});

test('bernoulliNB with integer sample weights equals repeating the rows', async () => {
  const weighted = { ...bookExample, sampleWeight: Float64Array.of(1, 0, 2, 1) };
  const repeated = {
    ...bookExample,
    X: matrix([
      [2, 1, 0, 0, 0, 0],
      [1, 0, 0, 1, 0, 0],
      [1, 0, 0, 1, 0, 0],
      [1, 0, 0, 0, 1, 1],
    ]),
  };
  const a = await fit({ kind: 'bernoulliNB', alpha: 0.5 }, weighted);
  const b = await fit({ kind: 'bernoulliNB', alpha: 0.5 }, repeated);
  assert.ok(a.task !== 'regression' && b.task !== 'regression');
  assertAllClose(a.predictProba(bookTest).data, b.predictProba(bookTest).data, 1e-12);
});

test('bernoulliNB refuses a classPrior of the wrong length, naming the parameter', async () => {
  await assert.rejects(
    fit({ kind: 'bernoulliNB', classPrior: [0.2, 0.3, 0.5] }, bookExample),
    /bernoulliNB: parameter "classPrior" has 3 values but the data have 2 classes/,
  );
});
