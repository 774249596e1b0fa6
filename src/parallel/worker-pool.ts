// Node edge: a small pool of worker threads running registered tasks (src/learners/executor.ts).
import { Worker } from 'node:worker_threads';
import { StacklearnError } from '../errors.js';
import type { ResultMessage, TaskMessage } from './worker.js';

/** Worker threads that run named tasks; idle workers do not keep the process alive. */
export interface WorkerPool {
  /** The most workers it starts. */
  readonly size: number;
  /** Allows up to `size` workers from now on (never fewer). */
  grow(size: number): void;
  /** Runs task `name` on `payload` in a worker (queued while all are busy). */
  run(name: string, payload: unknown): Promise<unknown>;
  /** Stops every worker; pending tasks are rejected. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly name: string;
  readonly payload: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | undefined;
}

/**
 * A pool of up to `size` worker threads, started on demand. A worker is referenced only while it
 * runs a task, so an idle pool never keeps the process alive; `close` stops the workers.
 *
 * @example
 * const pool = createWorkerPool(2);
 * const result = await pool.run('forest.growTrees', payload);
 */
export function createWorkerPool(size: number): WorkerPool {
  let limit = size;
  let nextId = 0;
  const slots: Slot[] = [];
  const queue: Job[] = [];

  const dispatch = (): void => {
    while (queue.length > 0) {
      let slot = slots.find((s) => s.job === undefined);
      if (!slot && slots.length < limit) slot = start();
      if (!slot) return;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      const message: TaskMessage = { id: job.id, name: job.name, payload: job.payload };
      slot.worker.postMessage(message);
    }
  };

  const settle = (slot: Slot): Job | undefined => {
    const job = slot.job;
    slot.job = undefined;
    slot.worker.unref();
    return job;
  };

  const remove = (slot: Slot, error: Error): void => {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    settle(slot)?.reject(error);
    void slot.worker.terminate();
    dispatch();
  };

  const start = (): Slot => {
    const slot: Slot = { worker: spawnWorker(), job: undefined };
    slot.worker.unref();
    slot.worker.on('message', (reply: ResultMessage) => {
      const job = settle(slot);
      if (job && job.id === reply.id) {
        if (reply.ok) job.resolve(reply.result);
        else job.reject(reviveError(reply.name, reply.message));
      }
      dispatch();
    });
    slot.worker.on('error', (error) => remove(slot, error));
    slot.worker.on('exit', (code) => remove(slot, new Error(`stacklearn worker exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  return {
    get size() {
      return limit;
    },
    grow(next) {
      limit = Math.max(limit, next);
      dispatch();
    },
    run(name, payload) {
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, name, payload, resolve, reject });
        dispatch();
      });
    },
    async close() {
      const closing = new Error('stacklearn worker pool closed');
      for (const job of queue.splice(0)) job.reject(closing);
      const stopping = slots.splice(0).map((slot) => {
        slot.job?.reject(closing);
        return slot.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}

/**
 * A worker running src/parallel/worker: the compiled .js as is; under TypeScript (tests, tsx) the
 * .ts through tsx's loader, registered inside the worker first (Node 20 does not apply
 * `execArgv: ['--import', 'tsx']` hooks to a worker's own entry module).
 */
function spawnWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return new Worker(`import(${api}).then(({ register }) => { register(); return import(${entry}); });`, {
    eval: true,
  });
}

function reviveError(name: string, message: string): Error {
  if (name === 'StacklearnError') return new StacklearnError(message);
  const error = new Error(message);
  error.name = name;
  return error;
}
