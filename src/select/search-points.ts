import type { Random } from '../random.js';
import type { Dimension, Distribution } from './search-space.js';

/** One candidate's parameter values, keyed by the search-space keys: `{ nNeighbors: 5, weights: 'distance' }`. */
export type SearchPoint = Readonly<Record<string, unknown>>;

type ValuesDimension = Extract<Dimension, { kind: 'values' }>;

/**
 * Every combination of the listed values, the first key varying slowest and the last fastest (the
 * order of scikit-learn's ParameterGrid, which sorts the keys first). No keys: one empty point.
 *
 * @example
 * gridPoints(parseSearchSpace({ kind: 'knn' }, { nNeighbors: [1, 3], weights: ['uniform', 'distance'] }, 'gridSearch', false))
 * // [{ nNeighbors: 1, weights: 'uniform' }, { nNeighbors: 1, weights: 'distance' }, { nNeighbors: 3, … }, …]
 */
export function gridPoints(dimensions: readonly ValuesDimension[]): SearchPoint[] {
  let points: SearchPoint[] = [{}];
  for (const { path, values } of dimensions) {
    points = points.flatMap((point) => values.map((value) => ({ ...point, [path.key]: value })));
  }
  return points;
}

/**
 * `nIter` random points. When every dimension is a list, they are distinct points of the grid drawn
 * without replacement (all of it, in random order, when the grid has fewer than `nIter` points), as
 * scikit-learn's ParameterSampler does; otherwise each point draws every dimension independently: a
 * list uniformly, a distribution as it says.
 *
 * @example
 * samplePoints(parseSearchSpace(spec, { alpha: { distribution: 'logUniform', low: 1e-4, high: 10 } }, 'randomSearch', true), 20, createRandom(0))
 */
export function samplePoints(dimensions: readonly Dimension[], nIter: number, random: Random): SearchPoint[] {
  const lists = dimensions.filter((d): d is ValuesDimension => d.kind === 'values');
  if (lists.length === dimensions.length) {
    const sizes = lists.map((d) => d.values.length);
    const total = sizes.reduce((a, b) => a * b, 1);
    return distinctIndices(total, Math.min(nIter, total), random).map((index) => gridPoint(lists, index));
  }
  const points: SearchPoint[] = [];
  for (let i = 0; i < nIter; i++) {
    const point: Record<string, unknown> = {};
    for (const d of dimensions) {
      point[d.path.key] =
        d.kind === 'values'
          ? d.values[random.int(d.values.length)]
          : sampleDistribution(d.distribution, random);
    }
    points.push(point);
  }
  return points;
}

/**
 * One draw from a distribution: uniform in [low, high); log-uniform (its log uniform between log low
 * and log high); a uniform integer in [low, high], both ends included.
 *
 * @example
 * sampleDistribution({ distribution: 'intUniform', low: 2, high: 12 }, createRandom(0)) // 2 … 12
 */
export function sampleDistribution({ distribution, low, high }: Distribution, random: Random): number {
  switch (distribution) {
    case 'uniform':
      return low + (high - low) * random.next();
    case 'logUniform': {
      const value = Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.next());
      // exp(log(x)) can miss x by an ulp: keep the draw inside the stated bounds.
      return Math.min(Math.max(value, low), high);
    }
    case 'intUniform':
      return low + random.int(high - low + 1);
  }
}

/** The grid point at a position of gridPoints' order (the last dimension varies fastest). */
function gridPoint(dimensions: readonly ValuesDimension[], index: number): SearchPoint {
  const point: Record<string, unknown> = {};
  for (let d = dimensions.length - 1; d >= 0; d--) {
    const { path, values } = dimensions[d]!;
    point[path.key] = values[index % values.length];
    index = Math.floor(index / values.length);
  }
  // Keys in space order, as gridPoints gives them.
  return Object.fromEntries(dimensions.map((d) => [d.path.key, point[d.path.key]]));
}

/** `count` distinct integers in [0, total), in random order. */
function distinctIndices(total: number, count: number, random: Random): number[] {
  if (2 * count >= total) {
    // A dense draw: a partial Fisher–Yates shuffle of all indices.
    const all = Array.from({ length: total }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + random.int(total - i);
      const t = all[i]!;
      all[i] = all[j]!;
      all[j] = t;
    }
    return all.slice(0, count);
  }
  // A sparse draw: rejection, which needs fewer than two tries per index on average here.
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < count) {
    const index = random.int(total);
    if (!seen.has(index)) {
      seen.add(index);
      out.push(index);
    }
  }
  return out;
}
