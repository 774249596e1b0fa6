import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shareArray } from '../../src/parallel/shared-memory.js';

test('shareArray copies a typed array into shared memory, once', () => {
  const plain = Float64Array.of(1, 2, 3);
  const shared = shareArray(plain);
  assert.ok(shared.buffer instanceof SharedArrayBuffer);
  assert.ok(shared instanceof Float64Array);
  assert.deepEqual([...shared], [1, 2, 3]);
  assert.equal(shareArray(shared), shared);
  const ints = shareArray(Uint32Array.of(7, 8));
  assert.ok(ints instanceof Uint32Array && ints.buffer instanceof SharedArrayBuffer);
});
