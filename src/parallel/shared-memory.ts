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

/**
 * The ArrayBuffers (not shared ones) of the typed arrays in `value`, for a postMessage transfer list.
 *
 * @example
 * port.postMessage(result, transferables(result));
 */
export function transferables(value: unknown, found: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) transferables(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) transferables(item, found);
  }
  return [...found];
}
