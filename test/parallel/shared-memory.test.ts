import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shareArray, transferables } from '../../src/parallel/shared-memory.js';

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

test('transferables lists the plain buffers of nested typed arrays, once each, never shared ones', () => {
  const a = new Float64Array(4);
  const b = a.subarray(1);
  const c = new Int32Array(2);
  const shared = shareArray(new Float64Array(2));
  const found = transferables({ a, list: [b, { c }], shared, n: 3, s: 'x', none: null });
  assert.deepEqual(found, [a.buffer, c.buffer]);
});
