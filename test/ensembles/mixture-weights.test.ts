import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mixtureWeights } from '../../src/ensembles/mixture-weights.js';
import { createRandom } from '../../src/random.js';

function loss(p: Float64Array, rows: number, m: number, w: ArrayLike<number>, s?: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    let q = 0;
    for (let j = 0; j < m; j++) q += w[j]! * p[i * m + j]!;
    sum -= (s ? s[i]! : 1) * Math.log(q);
  }
  return sum;
}

test('mixtureWeights solves a two-member problem in closed form', () => {
  // Row 1: (0.9, 0.3), row 2: (0.2, 0.8). d/dw [ln(0.3 + 0.6w) + ln(0.8 − 0.6w)] = 0 gives
  // 0.3 + 0.6w = 0.8 − 0.6w, so w = 5/12.
  const w = mixtureWeights(Float64Array.of(0.9, 0.3, 0.2, 0.8), 2, 2);
  assert.ok(Math.abs(w[0]! - 5 / 12) < 1e-9, `w = ${w[0]}`);
  assert.ok(Math.abs(w[0]! + w[1]! - 1) < 1e-15);
});

test('mixtureWeights puts no weight on a member that is never better', () => {
  const w = mixtureWeights(Float64Array.of(0.9, 0.5, 0.8, 0.5, 0.7, 0.5), 3, 2);
  assert.deepEqual([...w], [1, 0]);
});

test('mixtureWeights matches a brute-force search over the simplex, with sample weights', () => {
  const random = createRandom(5);
  for (let trial = 0; trial < 8; trial++) {
    const rows = 30;
    const m = 3;
    const p = Float64Array.from({ length: rows * m }, (_, k) => {
      // Members of different quality: member 0 confident, member 2 noisy.
      const quality = [0.75, 0.6, 0.45][k % m]!;
      return Math.min(0.999, Math.max(0.001, quality + 0.4 * (random.next() - 0.5)));
    });
    const s = Float64Array.from({ length: rows }, () => 1 + random.int(3));
    const w = mixtureWeights(p, rows, m, s);
    let best = Number.POSITIVE_INFINITY;
    let bestW = [0, 0, 0];
    const step = 1 / 400;
    for (let a = 0; a <= 1 + 1e-12; a += step) {
      for (let b = 0; a + b <= 1 + 1e-12; b += step) {
        const candidate = [a, b, Math.max(0, 1 - a - b)];
        const value = loss(p, rows, m, candidate, s);
        if (value < best) {
          best = value;
          bestW = candidate;
        }
      }
    }
    const ours = loss(p, rows, m, w, s);
    assert.ok(ours <= best + 1e-9, `trial ${trial}: loss ${ours} > grid ${best}`);
    for (let j = 0; j < m; j++)
      assert.ok(Math.abs(w[j]! - bestW[j]!) < 0.02, `trial ${trial}: ${[...w]} vs ${bestW}`);
  }
});
