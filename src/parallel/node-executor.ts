// Node edge: the default executor of `fit` under Node. Importing this module (the Node entry,
// src/node.ts, does) installs it, so learners with nJobs > 1 grow their parts on worker threads.
import { type Executor, READY_TASK, setExecutorProvider } from '../learners/executor.js';
import { shareArray } from './shared-memory.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

let pool: WorkerPool | undefined;

/**
 * An executor running up to `size` tasks at once on the process-wide worker pool (started on first
 * use, grown to the largest size asked for; idle workers do not keep the process alive).
 *
 * @example
 * await fit({ kind: 'randomForest', nJobs: 4 }, data, { executor: nodeExecutor(4) });
 */
export function nodeExecutor(size: number): Executor {
  if (pool) pool.grow(size);
  else pool = createWorkerPool(size);
  const workers = pool;
  return { size, share: shareArray, run: (name, payload) => workers.run(name, payload) };
}

/**
 * Starts `size` worker threads of the process-wide pool now and resolves once each has loaded the
 * learners (≈ 0.1 s), so that the first parallel fit does not wait for them — for a server, at
 * start-up. Without it the workers start with the first parallel fit.
 *
 * @example
 * await startWorkers(2);
 */
export async function startWorkers(size: number): Promise<void> {
  const executor = nodeExecutor(size);
  await Promise.all(Array.from({ length: size }, () => executor.run(READY_TASK, null)));
}

/**
 * Stops the worker threads of the process-wide pool (a later parallel fit starts new ones).
 *
 * @example
 * await shutdownWorkers();
 */
export async function shutdownWorkers(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.close();
}

setExecutorProvider(nodeExecutor);
