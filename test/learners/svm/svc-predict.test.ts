import assert from 'node:assert/strict';
import { test } from 'node:test';
import { takeRows } from '../../../src/data/matrix.js';
import '../../../src/learners/builtins.js';
import { fit } from '../../../src/learners/fit.js';
import { sigmoidPredict } from '../../../src/learners/svm/platt.js';
import {
  type SvcState,
  svcDecisionFunction,
  svcPredictor,
  svcVote,
} from '../../../src/learners/svm/svc-predict.js';
import { caseSpec, maxAbsDiff, svcCaseData, svmFixture } from './fixture.js';

const head = Array.from({ length: 10 }, (_, i) => i);

for (const c of svmFixture.svc) {
  test(`svc ${c.name}: with scikit-learn's sigmoids, predictProba is scikit-learn's predict_proba`, async () => {
    const { train, test: XTest } = svcCaseData(c);
    const model = await fit(caseSpec('svc', c), train);
    const state = model.state as SvcState;
    const withTheirs: SvcState = {
      ...state,
      probA: Float64Array.from(c.probA),
      probB: Float64Array.from(c.probB),
    };
    const X = takeRows(XTest, head);
    const proba = svcPredictor(withTheirs, model.info)(X);
    if (train.classes.length > 2) {
      // Same sigmoids and coupling iteration; the decision values agree to ~1e-12 when both solvers take
      // the same path, and within the stopping tolerance (2e-4 here) when they stop a few steps apart.
      assert.ok(
        maxAbsDiff(proba, c.probaTestHead) < 1e-3,
        `max |Δp| = ${maxAbsDiff(proba, c.probaTestHead)}`,
      );
      return;
    }
    // Two classes: P(class 0) is the sigmoid of the decision value itself, as libsvm ≥ 3.22 does.
    // scikit-learn 1.2.1 runs the multiclass coupling iteration for two classes too and stops it at
    // its tolerance (0.005 / k), a little short of that exact answer.
    const decision = svcDecisionFunction(model, X).data;
    for (let i = 0; i < X.rows; i++) {
      const exact = sigmoidPredict(-decision[i]!, c.probA[0]!, c.probB[0]!);
      assert.ok(Math.abs(proba[2 * i]! - exact) < 1e-12);
      assert.ok(Math.abs(proba[2 * i + 1]! - (1 - exact)) < 1e-12);
    }
    assert.ok(maxAbsDiff(proba, c.probaTestHead) < 0.005);
  });
}

const binaryCase = svmFixture.svc[0]!;
const { train: binary, test: binaryTest } = svcCaseData(binaryCase);

test('svcDecisionFunction of a binary model is one column, positive for the second class', async () => {
  const model = await fit({ kind: 'svc' }, binary);
  const decision = svcDecisionFunction(model, binaryTest);
  assert.equal(decision.cols, 1);
  assert.equal(decision.rows, binaryTest.rows);
  const vote = svcVote(model, binaryTest);
  for (let i = 0; i < decision.rows; i++) assert.equal(vote[i], decision.data[i]! > 0 ? 1 : 0);
});

test('a one-row prediction equals the same row predicted in a batch', async () => {
  const model = await fit({ kind: 'svc' }, binary);
  assert.ok(model.task !== 'regression');
  const batch = model.predictProba(binaryTest).data;
  const single = model.predictProba(takeRows(binaryTest, [3])).data;
  assert.deepEqual([...single], [...batch.subarray(6, 8)]);
});

test('svcDecisionFunction and svcVote refuse other models and a wrong column count', async () => {
  const dummy = await fit({ kind: 'dummy' }, binary);
  assert.throws(
    () => svcDecisionFunction(dummy, binaryTest),
    /svcDecisionFunction: expects a model of kind "svc"; received kind "dummy"/,
  );
  assert.throws(() => svcVote(dummy, binaryTest), /svcVote: expects a model of kind "svc"/);
  const model = await fit({ kind: 'svc' }, binary);
  const narrow = { rows: 1, cols: 2, data: new Float64Array(2) };
  assert.throws(() => svcVote(model, narrow), /svc: the model expects 5 columns/);
});
