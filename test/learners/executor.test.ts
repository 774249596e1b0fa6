import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultExecutor,
  type Executor,
  registerTask,
  runTask,
  runTasks,
  setExecutorProvider,
} from '../../src/learners/executor.js';

registerTask('test.square', (payload: { x: number }) => payload.x * payload.x);

test('runTask runs a registered task; an unknown name is refused, listing the known ones', () => {
  assert.equal(runTask('test.square', { x: 3 }), 9);
  assert.throws(() => runTask('test.cube', {}), /unknown task "test.cube"; known tasks: .*test.square/);
  assert.throws(() => registerTask('test.square', () => 0), /task "test.square" is already registered/);
});

test('runTasks without an executor runs in this thread, in order', async () => {
  const done: number[] = [];
  const results = await runTasks<number>(undefined, 'test.square', [{ x: 1 }, { x: 2 }, { x: 3 }], {
    onDone: (_, index) => done.push(index),
  });
  assert.deepEqual(results, [1, 4, 9]);
  assert.deepEqual(done, [0, 1, 2]);
});

test('runTasks keeps results in payload order and at most `concurrency` tasks running', async () => {
  let running = 0;
  let most = 0;
  const executor: Executor = {
    size: 4,
    share: (array) => array,
    run: async (name, payload) => {
      running++;
      most = Math.max(most, running);
      // Earlier payloads take longer: they finish last.
      await new Promise((resolve) => setTimeout(resolve, 20 - 2 * (payload as { x: number }).x));
      running--;
      return runTask(name, payload);
    },
  };
  const payloads = Array.from({ length: 8 }, (_, x) => ({ x }));
  const results = await runTasks<number>(executor, 'test.square', payloads, { concurrency: 2 });
  assert.deepEqual(
    results,
    payloads.map(({ x }) => x * x),
  );
  assert.equal(most, 2);
});

test('defaultExecutor comes from the installed provider, for more than one job only', () => {
  const fake: Executor = { size: 3, share: (array) => array, run: async () => undefined };
  setExecutorProvider(() => fake);
  try {
    assert.equal(defaultExecutor(3), fake);
    assert.equal(defaultExecutor(1), undefined);
  } finally {
    setExecutorProvider(undefined);
  }
  assert.equal(defaultExecutor(3), undefined);
});

test('runTasks rejects with the first failure and starts no payload after it', async () => {
  const started: number[] = [];
  const executor: Executor = {
    size: 2,
    share: (array) => array,
    run: async (_, payload) => {
      const { x } = payload as { x: number };
      started.push(x);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (x === 1) throw new Error('task 1 failed');
      return x;
    },
  };
  const payloads = Array.from({ length: 10 }, (_, x) => ({ x }));
  await assert.rejects(runTasks(executor, 'test.square', payloads), /task 1 failed/);
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.ok(started.length <= 3, `started ${started.join(', ')}`);
});
