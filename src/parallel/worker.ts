// Node edge: a worker thread of the pool. It loads the built-in learners (which register their
// tasks) and runs the tasks it is sent, transferring typed-array results back without copies.
import { parentPort } from 'node:worker_threads';
import '../learners/builtins.js';
import { runTask } from '../learners/executor.js';
import { transferables } from './shared-memory.js';

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
  port.postMessage(reply, reply.ok ? transferables(reply.result) : []);
});
