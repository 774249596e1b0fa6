// Node edge: typed arrays in shared memory, so worker threads read the training data without copies.
import type { ShareableArray } from '../learners/executor.js';

/**
 * A copy of `array` backed by a SharedArrayBuffer (the array itself when it already is): posting it
 * to a worker shares the memory instead of copying it.
 *
 * @example
 * const X = shareArray(columns); // same values, shared memory
 */
export function shareArray<T extends ShareableArray>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Ctor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new Ctor(new SharedArrayBuffer(array.byteLength));
  out.set(array as never);
  return out;
}
