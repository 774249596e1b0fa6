import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSubsampler } from '../../../src/learners/boosting/subsample.js';
import { createRandom } from '../../../src/random.js';

test('each draw splits the rows into a sample of the asked size and the rest, both ascending', () => {
  const draw = createSubsampler(20, 15, createRandom(1));
  for (let t = 0; t < 5; t++) {
    const { inBag, outOfBag } = draw();
    assert.equal(inBag.length, 15);
    assert.equal(outOfBag.length, 5);
    assert.deepEqual(
      [...inBag, ...outOfBag].sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, i) => i),
    );
    for (let i = 1; i < inBag.length; i++) assert.ok(inBag[i]! > inBag[i - 1]!);
    for (let i = 1; i < outOfBag.length; i++) assert.ok(outOfBag[i]! > outOfBag[i - 1]!);
  }
});

test('draws change from call to call and repeat with the same seed', () => {
  const a = createSubsampler(30, 10, createRandom(7));
  const b = createSubsampler(30, 10, createRandom(7));
  const first = a();
  assert.deepEqual(first, b());
  assert.notDeepEqual(a().inBag, first.inBag);
});

test('every row is drawn about as often as the others', () => {
  const draw = createSubsampler(10, 5, createRandom(3));
  const counts = new Array(10).fill(0);
  for (let t = 0; t < 4000; t++) for (const r of draw().inBag) counts[r]++;
  for (const c of counts) assert.ok(Math.abs(c - 2000) < 150, `${c}`);
});
