import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { matrix } from '../../src/data/matrix.js';
import { fitMany } from '../../src/ensembles/fit-many.js';
import { type Executor, runTask } from '../../src/learners/executor.js';
import '../../src/learners/builtins.js';
import { makeClassification } from '../../src/data/synthetic.js';
import { fit } from '../../src/learners/fit.js';
import type { RegressionData } from '../../src/learners/types.js';
import { shutdownWorkers } from '../../src/parallel/node-executor.js';
import { toPlain } from '../../src/persist/plain.js';

after(() => shutdownWorkers());

const data: RegressionData = {
  task: 'regression',
  X: matrix([
    [0, 10],
    [1, 11],
    [2, 12],
    [3, 13],
  ]),
  features: [
    { name: 'a', kind: 'numeric' },
    { name: 'b', kind: 'numeric' },
  ],
  y: Float64Array.of(1, 2, 3, 10),
};

test('fitMany returns the models in job order, each fitted on its rows and columns', async () => {
  const progress: number[] = [];
  const rows = Uint32Array.of(0, 1, 1);
  const context = { onProgress: (fraction: number) => progress.push(fraction) };
  const models = await fitMany({ owner: 'test', seed: 0, nJobs: null, context }, data, [
    { label: 'all', spec: { kind: 'dummy' } },
    { label: 'rows', spec: { kind: 'dummy' }, rows },
    { label: 'same rows', spec: { kind: 'dummy', strategy: 'median' }, rows },
    {
      label: 'columns',
      spec: { kind: 'linearRegression' },
      rows: Uint32Array.of(0, 1, 2),
      columns: Uint32Array.of(1),
    },
  ]);
  const at = (i: number) => {
    const model = models[i]!;
    assert.ok(model.task === 'regression');
    return model;
  };
  assert.equal(at(0).predict(data.X)[0], 4);
  assert.equal(at(1).predict(data.X)[0], 5 / 3);
  assert.equal(at(2).predict(data.X)[0], 2);
  assert.deepEqual(
    at(3).info.features.map((f) => f.name),
    ['b'],
  );
  // y = b − 9 on the rows 0, 1, 2.
  assert.ok(Math.abs(at(3).predict(matrix([[20]]))[0]! - 11) < 1e-9);
  assert.deepEqual(progress, [0.25, 0.5, 0.75, 1]);
});

test("fitMany prefixes a failing job's error with the owner and the job", async () => {
  await assert.rejects(
    fitMany({ owner: 'stacking', seed: 0, nJobs: null, context: {} }, data, [
      { label: 'member "x", fold 2', spec: { kind: 'knn', nNeighbors: 0 } },
    ]),
    /stacking: member "x", fold 2: knn: parameter "nNeighbors" must be an integer ≥ 1/,
  );
});

/** An executor in this thread that finishes its tasks in reverse order of submission. */
function reversingExecutor(): Executor & { readonly ran: number[] } {
  const ran: number[] = [];
  let submitted = 0;
  return {
    size: 4,
    ran,
    share: (array) => array,
    run: async (name, payload) => {
      const index = submitted++;
      // Later tasks finish first.
      await new Promise((resolve) => setTimeout(resolve, 40 - 10 * index));
      ran.push(index);
      return runTask(name, structuredClone(payload));
    },
  };
}

test('fitMany on an executor gives the same models in job order, whatever order the tasks finish in', async () => {
  const jobs = [
    { label: 'a', spec: { kind: 'dummy' }, rows: Uint32Array.of(0, 1) },
    { label: 'b', spec: { kind: 'linearRegression' }, columns: Uint32Array.of(0) },
    { label: 'c', spec: { kind: 'dummy', strategy: 'median' } },
  ];
  const executor = reversingExecutor();
  const parallel = await fitMany({ owner: 'test', seed: 0, nJobs: 3, context: { executor } }, data, jobs);
  const sequential = await fitMany({ owner: 'test', seed: 0, nJobs: 1, context: {} }, data, jobs);
  assert.deepEqual(executor.ran, [2, 1, 0]);
  assert.deepEqual(
    parallel.map((m) => m.state),
    sequential.map((m) => m.state),
  );
});

test('an ensemble with nJobs 2 on worker threads is the same as with nJobs 1, byte for byte', async () => {
  const classification = makeClassification({
    nSamples: 150,
    nFeatures: 5,
    nClasses: 3,
    nInformative: 3,
    seed: 3,
  });
  const spec = {
    kind: 'stacking',
    estimators: {
      tree: { kind: 'decisionTree', maxFeatures: 'sqrt' },
      lr: { kind: 'logisticRegression' },
      inner: { kind: 'bagging', estimator: { kind: 'knn' }, nEstimators: 3 },
    },
    cv: 3,
    seed: 4,
  };
  const one = await fit({ ...spec, nJobs: 1 }, classification);
  const two = await fit({ ...spec, nJobs: 2 }, classification);
  assert.equal(JSON.stringify(toPlain(two.state)), JSON.stringify(toPlain(one.state)));
});
