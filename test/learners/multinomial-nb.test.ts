import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { ClassificationData } from '../../src/learners/types.js';
import {
  assertAllClose,
  bookExample,
  bookTest,
  caseData,
  caseTitle,
  nbFixture,
} from './naive-bayes/fixture.js';

for (const c of nbFixture.multinomialNB) {
  test(`multinomialNB predictProba matches scikit-learn on held-out counts: ${caseTitle(c)}`, async () => {
    const { train, test: XTest } = caseData(c);
    const model = await fit(c.spec, train);
    assert.ok(model.task !== 'regression');
    assertAllClose(model.predictProba(XTest).data, c.proba, 1e-10);
  });
}

test('multinomialNB reproduces the textbook example (IIR 13.1) with add-one smoothing', async () => {
  const model = await fit({ kind: 'multinomialNB' }, bookExample);
  assert.ok(model.task !== 'regression');
  // P(china | d) ∝ 3/4 · (3/7)³ · 1/14 · 1/14 and P(other | d) ∝ 1/4 · (2/9)³ · 2/9 · 2/9.
  const china = (3 / 4) * (3 / 7) ** 3 * (1 / 14) ** 2;
  const other = (1 / 4) * (2 / 9) ** 5;
  assertAllClose(
    model.predictProba(bookTest).data,
    [china / (china + other), other / (china + other)],
    1e-12,
  );
});

test('multinomialNB with integer sample weights equals repeating the rows', async () => {
  const weighted = { ...bookExample, sampleWeight: Float64Array.of(1, 2, 1, 3) };
  const repeated: ClassificationData = {
    ...bookExample,
    X: matrix([
      [2, 1, 0, 0, 0, 0],
      [2, 0, 1, 0, 0, 0],
      [2, 0, 1, 0, 0, 0],
      [1, 0, 0, 1, 0, 0],
      [1, 0, 0, 0, 1, 1],
      [1, 0, 0, 0, 1, 1],
      [1, 0, 0, 0, 1, 1],
    ]),
    y: Int32Array.of(0, 0, 0, 0, 1, 1, 1),
  };
  const a = await fit({ kind: 'multinomialNB', alpha: 0.3 }, weighted);
  const b = await fit({ kind: 'multinomialNB', alpha: 0.3 }, repeated);
  assert.ok(a.task !== 'regression' && b.task !== 'regression');
  assertAllClose(a.predictProba(bookTest).data, b.predictProba(bookTest).data, 1e-12);
});

test('multinomialNB refuses a negative count, naming its row and column', async () => {
  const X = matrix([
    [1, 0],
    [0, 2],
    [3, -1],
  ]);
  const data: ClassificationData = {
    task: 'binary',
    X,
    features: [
      { name: 'a', kind: 'numeric' },
      { name: 'b', kind: 'numeric' },
    ],
    y: Int32Array.of(0, 1, 1),
    classes: ['no', 'yes'],
  };
  await assert.rejects(
    fit({ kind: 'multinomialNB' }, data),
    /multinomialNB: column "b" has the negative value -1 at row 2; multinomialNB needs counts/,
  );
});

test('multinomialNB refuses a classPrior with one value per class missing, naming the parameter', async () => {
  await assert.rejects(
    fit({ kind: 'multinomialNB', classPrior: [1] }, bookExample),
    /multinomialNB: parameter "classPrior" has 1 values but the data have 2 classes \(china, other\)/,
  );
});

test('multinomialNB with fitPrior false uses uniform priors', async () => {
  const model = await fit({ kind: 'multinomialNB', fitPrior: false }, bookExample);
  const state = model.state as { classLogPrior: Float64Array };
  assertAllClose(state.classLogPrior, [Math.log(0.5), Math.log(0.5)], 1e-15);
});
