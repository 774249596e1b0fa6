import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromPlain, toPlain } from '../../src/persist/plain.js';

test('typed arrays survive a JSON round trip bit for bit, of every length mod 3', () => {
  for (const length of [0, 1, 2, 3, 4, 5]) {
    const values = Float64Array.from({ length }, (_, i) => Math.PI * (i + 1) * 1e-300 + i);
    const back = fromPlain(JSON.parse(JSON.stringify(toPlain({ values })))) as { values: Float64Array };
    assert.ok(back.values instanceof Float64Array);
    assert.deepEqual(back.values, values);
  }
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  assert.deepEqual(fromPlain(JSON.parse(JSON.stringify(toPlain(bytes)))), bytes);
  const ints = Int32Array.of(-1, 2 ** 31 - 1, -(2 ** 31));
  assert.deepEqual(fromPlain(JSON.parse(JSON.stringify(toPlain(ints)))), ints);
});

test('non-finite numbers and nested structures round trip', () => {
  const state = { a: [1, Number.NaN, { b: Number.POSITIVE_INFINITY }], c: 'x', d: null, e: true };
  assert.deepEqual(fromPlain(JSON.parse(JSON.stringify(toPlain(state)))), state);
});

test('corrupt typed data is refused with a clear error', () => {
  assert.throws(() => fromPlain({ $typed: 'Float64Array', base64: 'AAA' }), /not a whole number of values/);
  assert.throws(
    () => fromPlain({ $typed: 'Float64Array', base64: 'AA*A' }),
    /invalid base64 character at position 2/,
  );
  assert.throws(() => fromPlain({ $typed: 'Function', base64: '' }), /bad typed array "Function"/);
  assert.throws(() => toPlain({ f: () => 1 }), /cannot store a function/);
});
