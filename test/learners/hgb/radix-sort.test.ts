import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortFloat64 } from '../../../src/learners/hgb/radix-sort.js';
import { createRandom } from '../../../src/random.js';

const random = createRandom(11);

/** Equal element by element, telling −0 from +0 (Object.is). */
function assertSameOrder(got: Float64Array, expected: Float64Array): void {
  assert.equal(got.length, expected.length);
  for (let i = 0; i < got.length; i++)
    assert.ok(Object.is(got[i], expected[i]), `index ${i}: ${got[i]} vs ${expected[i]}`);
}

test('sortFloat64 orders as Float64Array.prototype.sort: negatives, −0 before +0, infinities, subnormals, ties', () => {
  for (const n of [0, 1, 5, 1023, 1024, 5000, 70_000]) {
    const values = Float64Array.from({ length: n }, () => {
      const u = random.next();
      if (u < 0.05)
        return [-0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, -5e-324][random.int(6)]!;
      if (u < 0.3) return random.int(7) - 3; // many ties
      return (random.next() - 0.5) * 10 ** (random.int(40) - 20); // every magnitude
    });
    const expected = values.slice().sort();
    const got = sortFloat64(values);
    assert.equal(got, values, 'sorted in place');
    assertSameOrder(got, expected);
  }
});

test('sortFloat64 sorts a subarray in place without touching the rest of its buffer', () => {
  const buffer = Float64Array.from({ length: 3000 }, (_, i) => 3000 - i);
  const middle = buffer.subarray(1000, 2500);
  sortFloat64(middle);
  assertSameOrder(
    middle,
    Float64Array.from({ length: 1500 }, (_, i) => 501 + i),
  );
  assert.equal(buffer[999], 2001);
  assert.equal(buffer[2500], 500);
});

test('sortFloat64 sorts when only some radix digits vary (no pass, one, two, three, all six)', () => {
  const n = 4000;
  // Keys differ in: nothing; the lowest 11 bits; the lowest 22; the low word (negatives); all 64.
  const cases = {
    equal: () => 1.5,
    oneDigit: () => 1 + random.int(2048) * 2 ** -52,
    twoDigits: () => 1 + random.int(2 ** 22) * 2 ** -52,
    threeDigits: () => -(1 + random.int(2 ** 32) * 2 ** -52),
    allDigits: () => (random.next() - 0.5) * 10 ** (random.int(600) - 300),
  };
  for (const [name, draw] of Object.entries(cases)) {
    const values = Float64Array.from({ length: n }, draw);
    const expected = values.slice().sort();
    assertSameOrder(sortFloat64(values), expected);
    assert.ok(name === 'equal' || expected[0] !== expected[n - 1], name);
  }
});
