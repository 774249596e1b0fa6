import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom, deriveSeed, shuffleInPlace } from '../src/random.js';

test('createRandom repeats its sequence for the same seed and differs for another', () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const c = createRandom(43);
  const seqA = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    seqA,
    Array.from({ length: 5 }, () => b.next()),
  );
  assert.notDeepEqual(
    seqA,
    Array.from({ length: 5 }, () => c.next()),
  );
});

test('next is uniform on [0, 1): mean ≈ 1/2 and variance ≈ 1/12 over 100k draws', () => {
  const random = createRandom(1);
  let sum = 0;
  let sumSquares = 0;
  const n = 100_000;
  for (let i = 0; i < n; i++) {
    const u = random.next();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    sumSquares += u * u;
  }
  const mean = sum / n;
  assert.ok(Math.abs(mean - 0.5) < 0.005);
  assert.ok(Math.abs(sumSquares / n - mean * mean - 1 / 12) < 0.002);
});

test('normal has mean ≈ 0 and variance ≈ 1', () => {
  const random = createRandom(2);
  const n = 100_000;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const z = random.normal();
    sum += z;
    sumSquares += z * z;
  }
  assert.ok(Math.abs(sum / n) < 0.02);
  assert.ok(Math.abs(sumSquares / n - 1) < 0.02);
});

test('int(n) covers 0 … n-1 evenly', () => {
  const random = createRandom(3);
  const counts = new Array(4).fill(0);
  for (let i = 0; i < 40_000; i++) counts[random.int(4)]++;
  for (const count of counts) assert.ok(Math.abs(count - 10_000) < 400);
});

test('deriveSeed depends on every part and its order, not on call order', () => {
  assert.equal(deriveSeed(7, 'rf', 3), deriveSeed(7, 'rf', 3));
  assert.notEqual(deriveSeed(7, 'rf', 3), deriveSeed(7, 'rf', 4));
  assert.notEqual(deriveSeed(7, 'rf', 3), deriveSeed(8, 'rf', 3));
  assert.notEqual(deriveSeed(7, 3, 'rf'), deriveSeed(7, 'rf', 3));
  assert.notEqual(deriveSeed(7, '3'), deriveSeed(7, 3));
});

test('shuffleInPlace permutes the values', () => {
  const values = Uint32Array.from({ length: 50 }, (_, i) => i);
  shuffleInPlace(values, createRandom(9));
  assert.deepEqual(
    [...values].sort((a, b) => a - b),
    Array.from({ length: 50 }, (_, i) => i),
  );
  assert.notDeepEqual(
    [...values],
    Array.from({ length: 50 }, (_, i) => i),
  );
});
