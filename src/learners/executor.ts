import { StacklearnError } from '../errors.js';

/** A typed array an executor can place in shared memory. */
export type ShareableArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array;

/**
 * Runs named tasks in parallel, e.g. on worker threads (see `stacklearn/node`). The core only
 * knows this interface, so learners stay browser-safe: without an executor they run their tasks in
 * the calling thread, with the same results.
 */
export interface Executor {
  /** How many tasks it runs at once. */
  readonly size: number;
  /** `array` in memory every task can read without a copy (shared memory), or `array` itself. */
  share<T extends ShareableArray>(array: T): T;
  /** Runs the registered task `name` on `payload` (structured-cloneable) and resolves with its result. */
  run(name: string, payload: unknown): Promise<unknown>;
}

/** A task: plain data in, plain data out (typed arrays included), the same in any thread. */
export type ExecutorTask = (payload: never) => unknown;

const tasks = new Map<string, ExecutorTask>();

/**
 * Registers a task under a name that executors (and worker threads, which import the built-in
 * learners) can run. Modules register their tasks when they are loaded.
 *
 * @example
 * registerTask('forest.growTrees', growTrees);
 */
export function registerTask(name: string, task: ExecutorTask): void {
  if (tasks.has(name)) throw new StacklearnError(`registerTask: task "${name}" is already registered`);
  tasks.set(name, task);
}

/** A task every worker knows: it does nothing and answers null, once the worker has loaded (startWorkers). */
export const READY_TASK = 'executor.ready';
registerTask(READY_TASK, () => null);

/**
 * Runs the registered task `name` in this thread (what a worker does with a message).
 *
 * @example
 * const result = runTask('forest.growTrees', payload);
 */
export function runTask(name: string, payload: unknown): unknown {
  const task = tasks.get(name);
  if (!task) {
    throw new StacklearnError(
      `unknown task "${name}"; known tasks: ${[...tasks.keys()].sort().join(', ') || 'none'}`,
    );
  }
  return (task as (payload: unknown) => unknown)(payload);
}

let provider: ((size: number) => Executor) | undefined;

/**
 * Sets what `defaultExecutor` returns: the Node entry (`stacklearn/node`) installs a worker-thread
 * pool; without a provider (e.g. in a browser), learners run in the calling thread.
 *
 * @example
 * setExecutorProvider((size) => myExecutor(size));
 */
export function setExecutorProvider(next: ((size: number) => Executor) | undefined): void {
  provider = next;
}

/**
 * An executor running up to `size` tasks at once, from the installed provider; undefined when none
 * is installed or `size` is 1.
 *
 * @example
 * const executor = context.executor ?? defaultExecutor(params.nJobs ?? 1);
 */
export function defaultExecutor(size: number): Executor | undefined {
  return size > 1 && provider ? provider(size) : undefined;
}

/**
 * Runs the task `name` on every payload and returns the results in payload order: on the executor,
 * at most `concurrency` at once (default: its size), or one after the other in this thread without
 * one. `onDone` is called after each payload with the number done so far and that payload's index.
 *
 * @example
 * const parts = await runTasks(executor, 'forest.growTrees', chunks, { onDone: (n) => report(n) });
 */
export async function runTasks<R>(
  executor: Executor | undefined,
  name: string,
  payloads: readonly unknown[],
  options: { readonly concurrency?: number; readonly onDone?: (done: number, index: number) => void } = {},
): Promise<R[]> {
  const results = new Array<R>(payloads.length);
  let done = 0;
  if (!executor) {
    for (let i = 0; i < payloads.length; i++) {
      results[i] = runTask(name, payloads[i]) as R;
      options.onDone?.(++done, i);
    }
    return results;
  }
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < payloads.length) {
      const i = next++;
      try {
        results[i] = (await executor.run(name, payloads[i])) as R;
      } catch (error) {
        // The first failure ends the run: no lane starts another payload.
        failed = true;
        throw error;
      }
      options.onDone?.(++done, i);
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? executor.size, executor.size, payloads.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
