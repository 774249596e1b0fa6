import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Objective, wolfeLineSearch } from '../../../src/learners/linear/wolfe-line-search.js';

// f(x) = x⁴ − 3x² + x, from x = 0 along d = −f′(0) = −1.
const quartic: Objective = (x, g) => {
  const v = x[0]!;
  g[0] = 4 * v ** 3 - 6 * v + 1;
  return v ** 4 - 3 * v * v + v;
};

for (const initialStep of [0.01, 1, 10]) {
  test(`wolfeLineSearch from step ${initialStep} returns a step meeting both strong Wolfe conditions`, () => {
    const x = Float64Array.of(0);
    const g0 = new Float64Array(1);
    const f0 = quartic(x, g0);
    const direction = Float64Array.of(-g0[0]!);
    const xNew = new Float64Array(1);
    const gNew = new Float64Array(1);
    const found = wolfeLineSearch(quartic, x, f0, g0, direction, xNew, gNew, initialStep);
    assert.ok(found);
    const slope0 = g0[0]! * direction[0]!;
    assert.equal(xNew[0], found.step * direction[0]!);
    assert.ok(found.f <= f0 + 1e-4 * found.step * slope0, 'sufficient decrease');
    assert.ok(Math.abs(gNew[0]! * direction[0]!) <= 0.9 * Math.abs(slope0), 'curvature');
    assert.equal(found.f, quartic(xNew, new Float64Array(1)));
  });
}

test('wolfeLineSearch returns undefined along an ascent direction', () => {
  const x = Float64Array.of(0);
  const g0 = new Float64Array(1);
  const f0 = quartic(x, g0);
  const found = wolfeLineSearch(
    quartic,
    x,
    f0,
    g0,
    Float64Array.of(g0[0]!),
    new Float64Array(1),
    new Float64Array(1),
    1,
  );
  assert.equal(found, undefined);
});
