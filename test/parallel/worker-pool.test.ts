import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { makeFriedman1 } from '../../src/data/synthetic.js';
import { StacklearnError } from '../../src/errors.js';
import { GROW_TREES, type GrowTreesPayload, growTrees } from '../../src/learners/forest/grow-trees.js';
import { prepareColumns } from '../../src/learners/tree/tree-columns.js';
import { shareArray } from '../../src/parallel/shared-memory.js';
import { createWorkerPool } from '../../src/parallel/worker-pool.js';

const pool = createWorkerPool(2);
after(() => pool.close());

const data = makeFriedman1({ nSamples: 300, nFeatures: 6, noise: 1, seed: 3 });
const prepared = prepareColumns(data.X, true);
const payload: GrowTreesPayload = {
  kind: 'randomForest',
  prepared: { ...prepared, columns: shareArray(prepared.columns), order: shareArray(prepared.order!) },
  target: { kind: 'regression', y: shareArray(data.y) },
  options: {
    criterion: 'squared_error',
    maxDepth: 8,
    minSamplesSplit: 2,
    minSamplesLeaf: 1,
    maxFeatures: 3,
    minImpurityDecrease: 0,
    maxLeafNodes: Number.POSITIVE_INFINITY,
  },
  bootstrapSize: 300,
  balancedSubsample: false,
  seed: 5,
  from: 2,
  to: 6,
};

test('a worker runs a registered task on shared data and sends back the same result as this thread', async () => {
  const [inWorker, again] = await Promise.all([pool.run(GROW_TREES, payload), pool.run(GROW_TREES, payload)]);
  const here = growTrees(payload);
  assert.deepEqual(inWorker, here);
  assert.deepEqual(again, here);
});

test('a failing task rejects with its error, and the worker keeps serving', async () => {
  await assert.rejects(pool.run('no.such.task', {}), (error: Error) => {
    assert.ok(error instanceof StacklearnError);
    assert.match(error.message, /unknown task "no.such.task"; known tasks: .*forest.growTrees/);
    return true;
  });
  const bad = {
    ...payload,
    kind: 'randomForest',
    target: { kind: 'regression', y: new Float64Array(300) },
    seed: 1,
  };
  assert.ok(await pool.run(GROW_TREES, bad));
});

test('tasks queue while every worker is busy', async () => {
  const results = await Promise.all(
    Array.from({ length: 5 }, (_, i) => pool.run(GROW_TREES, { ...payload, from: i, to: i + 1 })),
  );
  results.forEach((result, i) => {
    assert.deepEqual(result, growTrees({ ...payload, from: i, to: i + 1 }));
  });
});
