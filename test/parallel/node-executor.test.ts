import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import '../../src/learners/builtins.js';
import { READY_TASK } from '../../src/learners/executor.js';
import { fit } from '../../src/learners/fit.js';
import { nodeExecutor, shutdownWorkers, startWorkers } from '../../src/parallel/node-executor.js';
import { toPlain } from '../../src/persist/plain.js';

after(() => shutdownWorkers());

const regression = makeFriedman1({ nSamples: 400, nFeatures: 8, noise: 1, seed: 1 });
const classification = makeClassification({
  nSamples: 400,
  nFeatures: 6,
  nClasses: 3,
  nInformative: 3,
  seed: 2,
});

test('nJobs 2 grows the same forest as nJobs 1, byte for byte', async () => {
  const specs = [
    [{ kind: 'randomForest', nEstimators: 24, oobScore: true, seed: 3 }, regression],
    [{ kind: 'extraTrees', nEstimators: 17, maxFeatures: 'sqrt', seed: 4 }, regression],
    [
      { kind: 'randomForest', nEstimators: 21, classWeight: 'balanced_subsample', oobScore: true },
      classification,
    ],
    [{ kind: 'extraTrees', nEstimators: 9, bootstrap: true, maxSamples: 0.5 }, classification],
  ] as const;
  for (const [spec, data] of specs) {
    const one = await fit({ ...spec, nJobs: 1 }, data);
    const two = await fit({ ...spec, nJobs: 2 }, data);
    assert.equal(JSON.stringify(toPlain(two.state)), JSON.stringify(toPlain(one.state)), spec.kind);
  }
});

test('errors raised in a worker reach the caller as StacklearnErrors', async () => {
  // Class weights of 0 for every class leave no row to grow a tree on: found while growing them.
  const classWeight = Object.fromEntries(classification.classes.map((label) => [label, 0]));
  await assert.rejects(fit({ kind: 'extraTrees', nEstimators: 4, nJobs: 2, classWeight }, classification), {
    name: 'StacklearnError',
    message: /extraTrees: every row weighs 0/,
  });
});

test('a process that fits with nJobs 2 exits by itself: idle workers do not keep it alive', async () => {
  const entry = new URL('../../src/node.ts', import.meta.url).href;
  const script = `
    const { fit, makeFriedman1 } = await import(${JSON.stringify(entry)});
    const data = makeFriedman1({ nSamples: 200, seed: 1 });
    const model = await fit({ kind: 'randomForest', nEstimators: 8, nJobs: 2 }, data);
    console.log(model.state.forest.nodeStart.length);
  `;
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    timeout: 60_000,
  });
  assert.equal(stdout.trim(), '9');
});

test('startWorkers resolves once that many workers answer, and the pool then runs tasks on them', async () => {
  await startWorkers(2);
  const executor = nodeExecutor(2);
  const answers = await Promise.all([executor.run(READY_TASK, null), executor.run(READY_TASK, null)]);
  assert.deepEqual(answers, [null, null]);
  await assert.rejects(executor.run('no.such.task', null), /no\.such\.task/);
});
