import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../../src/learners/builtins.js';
import { createRandom } from '../../src/random.js';
import { gridPoints, sampleDistribution, samplePoints } from '../../src/select/search-points.js';
import { type Dimension, parseSearchSpace, type SearchSpace } from '../../src/select/search-space.js';

const dims = (kind: string, space: SearchSpace): Dimension[] =>
  parseSearchSpace({ kind }, space, 'test', true);
const lists = (kind: string, space: SearchSpace) =>
  dims(kind, space).filter((d): d is Extract<Dimension, { kind: 'values' }> => d.kind === 'values');

test('gridPoints enumerates every combination, the first key slowest (scikit-learn ParameterGrid order)', () => {
  assert.deepEqual(gridPoints(lists('knn', { nNeighbors: [1, 3], weights: ['uniform', 'distance'] })), [
    { nNeighbors: 1, weights: 'uniform' },
    { nNeighbors: 1, weights: 'distance' },
    { nNeighbors: 3, weights: 'uniform' },
    { nNeighbors: 3, weights: 'distance' },
  ]);
  assert.deepEqual(gridPoints([]), [{}]);
});

test('samplePoints on lists only draws distinct grid points, the whole grid when nIter exceeds it', () => {
  const space = lists('knn', {
    nNeighbors: [1, 2, 3, 4, 5, 6, 7],
    weights: ['uniform', 'distance'],
    p: [1, 2, 3],
  });
  const key = (p: object) => JSON.stringify(p);
  const some = samplePoints(space, 10, createRandom(1));
  assert.equal(new Set(some.map(key)).size, 10);
  const grid = gridPoints(space).map(key);
  for (const point of some) assert.ok(grid.includes(key(point)));
  const all = samplePoints(space, 100, createRandom(1));
  assert.deepEqual(all.map(key).sort(), [...grid].sort());
  // A draw of most of the grid takes the dense path; it is still distinct.
  assert.equal(new Set(samplePoints(space, 40, createRandom(2)).map(key)).size, 40);
});

test('samplePoints is seeded: same seed, same points', () => {
  const space = dims('ridge', {
    alpha: { distribution: 'logUniform', low: 1e-3, high: 1e3 },
    fitIntercept: [true, false],
  });
  assert.deepEqual(samplePoints(space, 20, createRandom(5)), samplePoints(space, 20, createRandom(5)));
  assert.notDeepEqual(samplePoints(space, 20, createRandom(5)), samplePoints(space, 20, createRandom(6)));
  for (const point of samplePoints(space, 50, createRandom(7))) {
    assert.deepEqual(Object.keys(point), ['alpha', 'fitIntercept']);
    assert.ok(point.fitIntercept === true || point.fitIntercept === false);
  }
});

/** Counts of values in `bins` equal bins over [low, high); χ² against equal expected counts. */
function chiSquare(values: readonly number[], low: number, high: number, bins: number): number {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor(((v - low) / (high - low)) * bins))]!++;
  const expected = values.length / bins;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

// χ² with 9 degrees of freedom: P(χ² > 27.88) = 0.001.
const chiSquare9 = 27.88;
const draws = 5000;

test('logUniform draws lie in [low, high] and their logs are uniform', () => {
  const random = createRandom(11);
  const d = { distribution: 'logUniform', low: 1e-4, high: 10 } as const;
  const logs = Array.from({ length: draws }, () => {
    const v = sampleDistribution(d, random);
    assert.ok(v >= 1e-4 && v <= 10, `${v} out of bounds`);
    return Math.log10(v);
  });
  assert.ok(chiSquare(logs, -4, 1, 10) < chiSquare9);
  // The values themselves are far from uniform: most are small.
  assert.ok(logs.filter((l) => l < 0).length > 0.75 * draws);
});

test('uniform draws lie in [low, high) and are uniform', () => {
  const random = createRandom(12);
  const values = Array.from({ length: draws }, () =>
    sampleDistribution({ distribution: 'uniform', low: -2, high: 3 }, random),
  );
  assert.ok(values.every((v) => v >= -2 && v < 3));
  assert.ok(chiSquare(values, -2, 3, 10) < chiSquare9);
});

test('intUniform draws every integer from low to high, both included, equally often', () => {
  const random = createRandom(13);
  const counts = new Map<number, number>();
  for (let i = 0; i < draws; i++) {
    const v = sampleDistribution({ distribution: 'intUniform', low: 2, high: 11 }, random);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  assert.deepEqual(
    [...counts.keys()].sort((a, b) => a - b),
    [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
  const expected = draws / 10;
  const chi = [...counts.values()].reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
  assert.ok(chi < chiSquare9);
});
