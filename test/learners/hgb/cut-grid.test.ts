import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutGrid, cutPosition } from '../../../src/learners/hgb/cut-grid.js';
import { createRandom } from '../../../src/random.js';

/** The definition: how many cuts lie strictly below x. */
function countBelow(cuts: Float64Array, x: number): number {
  let n = 0;
  for (const c of cuts) if (c < x) n++;
  return n;
}

/** Every cut, its neighbours one ulp away, midpoints, the range's outside and ±Infinity. */
function probes(cuts: Float64Array): number[] {
  const out = [-Infinity, Infinity, -Number.MAX_VALUE, Number.MAX_VALUE, 0, -0];
  for (let i = 0; i < cuts.length; i++) {
    const c = cuts[i]!;
    out.push(c, nextAfter(c, -Infinity), nextAfter(c, Infinity));
    if (i > 0) out.push((c + cuts[i - 1]!) / 2);
  }
  return out;
}

function nextAfter(x: number, toward: number): number {
  if (!Number.isFinite(x) || x === toward) return x;
  const bits = new Float64Array([x]);
  const words = new BigInt64Array(bits.buffer);
  if (x === 0) return toward > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  words[0]! += x < toward === x > 0 ? 1n : -1n;
  return bits[0]!;
}

const cases: Record<string, Float64Array> = {
  'no cut': new Float64Array(0),
  'one cut': Float64Array.of(0.5),
  'one infinite cut': Float64Array.of(Infinity),
  'evenly spread cuts and Infinity': Float64Array.from({ length: 40 }, (_, i) =>
    i === 39 ? Infinity : i / 7,
  ),
  'crowded cuts beside a far one': Float64Array.of(0, 1e-12, 2e-12, 3e-12, 4e-12, 1e6),
  'a range too wide for a double': Float64Array.of(-1e308, -1, 0, 1, 1e308),
  'negative cuts': Float64Array.of(-300.5, -20, -19.75, -0.001),
};

for (const [name, cuts] of Object.entries(cases)) {
  test(`cutPosition counts the cuts below the value: ${name}`, () => {
    const grid = cutGrid(cuts);
    for (const x of probes(cuts)) assert.equal(cutPosition(grid, cuts, x), countBelow(cuts, x), `x = ${x}`);
  });
}

test('cutPosition counts the cuts below random values among 255 random cuts', () => {
  const random = createRandom(5);
  const cuts = Float64Array.from(new Set(Array.from({ length: 255 }, () => random.normal() ** 3))).sort();
  const grid = cutGrid(cuts);
  for (let i = 0; i < 5000; i++) {
    const x = random.normal() ** 3;
    assert.equal(cutPosition(grid, cuts, x), countBelow(cuts, x));
  }
  for (const x of probes(cuts)) assert.equal(cutPosition(grid, cuts, x), countBelow(cuts, x));
});

test('cutGrid marks buckets holding several cuts and stores the lone cut of the others', () => {
  const cuts = Float64Array.of(0, 1e-12, 1);
  const grid = cutGrid(cuts);
  assert.equal(grid.last, 15);
  assert.equal(grid.start[0], ~0);
  assert.equal(grid.start[grid.last], 2);
  assert.equal(grid.cut[grid.last], 1);
  assert.equal(grid.start[grid.last + 1], 3);
});
