// Node edge: a worker thread of the pool. It loads the built-in learners (which register their
// tasks) and runs the tasks it is sent, sending the results back as copies. Not transferred: the
// first ArrayBuffer an isolate detaches turns off a V8 fast path for good, and every typed-array
// access in that thread checks for detached buffers from then on — measured ≈ 12% slower forest
// fits in a reused worker, while copying the results costs well under 1%.
import { parentPort } from 'node:worker_threads';
import '../learners/builtins.js';
import { runTask } from '../learners/executor.js';

/** A task request from the pool. */
export interface TaskMessage {
  readonly id: number;
  readonly name: string;
  readonly payload: unknown;
}

/** A task's outcome, sent back to the pool. */
export type ResultMessage =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string };

const port = parentPort;
if (!port) throw new Error('stacklearn worker: must run in a worker thread');

port.on('message', async ({ id, name, payload }: TaskMessage) => {
  let reply: ResultMessage;
  try {
    reply = { id, ok: true, result: await runTask(name, payload) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id, ok: false, name: e.name, message: e.message };
  }
  port.postMessage(reply);
});
