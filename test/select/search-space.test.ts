import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../../src/learners/builtins.js';
import { describeParams, parseSearchSpace, type SearchSpace } from '../../src/select/search-space.js';

const knn = { kind: 'knn' };
const pipeline = {
  kind: 'pipeline',
  steps: [{ kind: 'simpleImputer' }, { kind: 'standardScaler' }],
  estimator: { kind: 'knn' },
};

const grid = (spec: typeof knn, space: unknown) =>
  parseSearchSpace(spec, space as SearchSpace, 'gridSearch', false);
const random = (spec: typeof knn, space: unknown) =>
  parseSearchSpace(spec, space as SearchSpace, 'randomSearch', true);

test('parseSearchSpace returns one dimension per key, in key order, with the parameter it sets', () => {
  const dims = random(pipeline, {
    'estimator.nNeighbors': [1, 3],
    'steps.0.strategy': ['mean', 'median'],
    'estimator.p': { distribution: 'uniform', low: 1, high: 3 },
  });
  assert.deepEqual(
    dims.map((d) => [d.path.key, d.path.kind, d.path.param, d.kind]),
    [
      ['estimator.nNeighbors', 'knn', 'nNeighbors', 'values'],
      ['steps.0.strategy', 'simpleImputer', 'strategy', 'values'],
      ['estimator.p', 'knn', 'p', 'distribution'],
    ],
  );
});

const refused: [string, () => unknown, RegExp][] = [
  [
    'an unknown parameter, listing the known ones',
    () => grid(knn, { nNeigbors: [1] }),
    /gridSearch: unknown parameter "nNeigbors" of knn in search-space key "nNeigbors"; known parameters: nNeighbors, weights, p$/,
  ],
  [
    'an unknown nested parameter, naming where',
    () => grid(pipeline, { 'estimator.alpha': [1] }),
    /gridSearch: unknown parameter "alpha" of knn \(at "estimator"\) in search-space key "estimator.alpha"; known parameters: nNeighbors, weights, p$/,
  ],
  [
    'an unknown parameter of a pipeline step',
    () => grid(pipeline, { 'steps.1.strategy': ['mean'] }),
    /unknown parameter "strategy" of standardScaler \(at "steps.1"\)/,
  ],
  [
    'a step index the pipeline does not have',
    () => grid(pipeline, { 'steps.2.strategy': ['mean'] }),
    /gridSearch: search-space key "steps.2.strategy": "steps" has no element "2"; it has: 0, 1$/,
  ],
  [
    'a path through a plain value',
    () => grid(pipeline, { 'estimator.nNeighbors.x': [1] }),
    /search-space key "estimator.nNeighbors.x" must end at a parameter of a spec, but "estimator.nNeighbors" is the value 5/,
  ],
  [
    'an empty path segment',
    () => grid(knn, { 'estimator..p': [1] }),
    /search-space key "estimator..p" has an empty path segment/,
  ],
  [
    'an empty list',
    () => grid(knn, { nNeighbors: [] }),
    /gridSearch: "nNeighbors" is an empty list; give at least one value$/,
  ],
  [
    'a listed value the parameter does not allow',
    () => grid(knn, { nNeighbors: [3, 0] }),
    /gridSearch: "nNeighbors" lists 0, but knn parameter "nNeighbors" must be an integer ≥ 1$/,
  ],
  [
    'a value that is neither a list nor a distribution',
    () => random(knn, { nNeighbors: 5 }),
    /randomSearch: "nNeighbors" must be a non-empty list of values or a distribution \{ distribution, low, high \}; received 5$/,
  ],
  [
    'a distribution in a grid',
    () => grid({ kind: 'ridge' }, { alpha: { distribution: 'logUniform', low: 1e-4, high: 10 } }),
    /gridSearch: "alpha" is a distribution, but a grid takes lists of values; use randomSearch to sample distributions$/,
  ],
  [
    'low ≥ high',
    () => random(knn, { nNeighbors: { distribution: 'intUniform', low: 5, high: 5 } }),
    /randomSearch: "nNeighbors": low must be less than high; received low 5, high 5$/,
  ],
  [
    'logUniform with low ≤ 0',
    () => random({ kind: 'ridge' }, { alpha: { distribution: 'logUniform', low: 0, high: 10 } }),
    /randomSearch: "alpha": logUniform needs low > 0; received low 0$/,
  ],
  [
    'intUniform with a fractional bound',
    () => random(knn, { nNeighbors: { distribution: 'intUniform', low: 1, high: 7.5 } }),
    /randomSearch: "nNeighbors": intUniform needs an integer high; received 7.5$/,
  ],
  [
    'a bound outside what the parameter allows',
    () => random({ kind: 'ridge' }, { alpha: { distribution: 'uniform', low: -1, high: 1 } }),
    /randomSearch: "alpha": low = -1 is not allowed; ridge parameter "alpha" must be a number ≥ 0$/,
  ],
  [
    'a continuous distribution for an integer parameter',
    () => random(knn, { nNeighbors: { distribution: 'uniform', low: 1, high: 9 } }),
    /randomSearch: "nNeighbors": knn parameter "nNeighbors" takes integers \(an integer ≥ 1\), so uniform cannot sample it; use intUniform$/,
  ],
  [
    'an unknown distribution',
    () => random({ kind: 'ridge' }, { alpha: { distribution: 'normal', low: 0, high: 1 } }),
    /randomSearch: "alpha": distribution must be one of "uniform", "logUniform", "intUniform"; received "normal"$/,
  ],
  [
    'an unknown distribution field',
    () => random({ kind: 'ridge' }, { alpha: { distribution: 'uniform', low: 0, high: 1, step: 0.1 } }),
    /randomSearch: "alpha": unknown distribution field "step"; known fields: distribution, low, high$/,
  ],
  [
    'a missing bound',
    () => random({ kind: 'ridge' }, { alpha: { distribution: 'uniform', low: 0 } }),
    /randomSearch: "alpha": high must be a finite number; received undefined$/,
  ],
  [
    'overlapping keys',
    () => grid(pipeline, { estimator: [{ kind: 'knn' }], 'estimator.nNeighbors': [1] }),
    /gridSearch: search-space keys "estimator" and "estimator.nNeighbors" overlap/,
  ],
  [
    'a space that is not an object',
    () => grid(knn, [['nNeighbors', [1]]]),
    /gridSearch: the search space must be an object mapping parameter names to lists of values; received/,
  ],
];

for (const [what, call, message] of refused) {
  test(`parseSearchSpace refuses ${what}`, () => {
    assert.throws(call, message);
  });
}

test('describeParams writes key=value pairs, numbers to 4 significant digits, specs by kind', () => {
  assert.equal(
    describeParams({ alpha: 0.0123456, nNeighbors: 15, weights: 'distance', maxDepth: null }),
    'alpha=0.01235, nNeighbors=15, weights=distance, maxDepth=null',
  );
  assert.equal(describeParams({ estimator: { kind: 'ridge', alpha: 2 } }), 'estimator=ridge');
  assert.equal(describeParams({}), 'defaults');
});
