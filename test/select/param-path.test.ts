import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../../src/learners/builtins.js';
import { registerLearner } from '../../src/learners/registry.js';
import type { LearnerDef, Spec } from '../../src/learners/types.js';
import { resolveParamPath, setParamPath, valueAtPath } from '../../src/select/param-path.js';

// A stand-in ensemble: named member specs, as { name: spec } or [[name, spec], …].
const ensemble: LearnerDef<{ estimators: unknown }, null> = {
  kind: 'testEnsemble',
  summary: 'test only: holds member specs',
  tasks: ['regression'],
  params: {
    estimators: { type: { anyOf: [{ type: 'object' }, { type: 'array' }] }, default: {}, doc: 'members' },
  },
  fit: () => null,
  predictor: () => (X) => new Float64Array(X.rows),
};
registerLearner(ensemble);

const pipeline = {
  kind: 'pipeline',
  steps: [{ kind: 'simpleImputer' }, { kind: 'standardScaler' }],
  estimator: { kind: 'knn', weights: 'distance' },
};

test('resolveParamPath finds the spec that owns a nested parameter and the specs on the way', () => {
  const path = resolveParamPath(pipeline, 'estimator.nNeighbors', 'gridSearch');
  assert.equal(path.kind, 'knn');
  assert.equal(path.param, 'nNeighbors');
  assert.equal(path.def.default, 5);
  assert.deepEqual(path.specPaths, [[], ['estimator']]);
  const step = resolveParamPath(pipeline, 'steps.0.strategy', 'gridSearch');
  assert.deepEqual(
    [step.kind, step.param, step.specPaths],
    ['simpleImputer', 'strategy', [[], ['steps', '0']]],
  );
});

test('resolveParamPath reads a missing nested spec as its default', () => {
  // A pipeline's default estimator is the dummy baseline.
  const path = resolveParamPath({ kind: 'pipeline' }, 'estimator.strategy', 'gridSearch');
  assert.equal(path.kind, 'dummy');
});

test('setParamPath copies the objects along the path and leaves the spec unchanged', () => {
  const copy = setParamPath(pipeline, ['steps', '1', 'withMean'], false);
  assert.deepEqual(copy, {
    kind: 'pipeline',
    steps: [{ kind: 'simpleImputer' }, { kind: 'standardScaler', withMean: false }],
    estimator: { kind: 'knn', weights: 'distance' },
  });
  assert.deepEqual(pipeline.steps[1], { kind: 'standardScaler' });
  assert.equal(copy.estimator, pipeline.estimator);
  assert.ok(Array.isArray(copy.steps));
});

test('setParamPath fills in a missing nested spec from its default', () => {
  assert.deepEqual(setParamPath({ kind: 'pipeline' }, ['estimator', 'strategy'], 'median'), {
    kind: 'pipeline',
    estimator: { kind: 'dummy', strategy: 'median' },
  });
});

test('valueAtPath reads through specs, arrays and defaults', () => {
  assert.equal(valueAtPath(pipeline, ['estimator', 'weights']), 'distance');
  assert.deepEqual(valueAtPath(pipeline, ['steps', '0']), { kind: 'simpleImputer' });
  assert.deepEqual(valueAtPath({ kind: 'pipeline' }, ['estimator']), { kind: 'dummy' });
});

test('resolveParamPath reaches ensemble members by name, in object or [name, spec] pair form', () => {
  const asObject: Spec = {
    kind: 'testEnsemble',
    estimators: { rf: { kind: 'decisionTree' }, knn: { kind: 'knn' } },
  };
  const path = resolveParamPath(asObject, 'estimators.rf.maxDepth', 'gridSearch');
  assert.deepEqual(
    [path.kind, path.segments, path.specPaths],
    ['decisionTree', ['estimators', 'rf', 'maxDepth'], [[], ['estimators', 'rf']]],
  );
  const asPairs: Spec = {
    kind: 'testEnsemble',
    estimators: [
      ['knn', { kind: 'knn' }],
      ['rf', { kind: 'decisionTree' }],
    ],
  };
  const pairPath = resolveParamPath(asPairs, 'estimators.rf.maxDepth', 'gridSearch');
  assert.deepEqual(
    [pairPath.kind, pairPath.segments],
    ['decisionTree', ['estimators', '1', '1', 'maxDepth']],
  );
  assert.deepEqual(setParamPath(asPairs, pairPath.segments, 3), {
    kind: 'testEnsemble',
    estimators: [
      ['knn', { kind: 'knn' }],
      ['rf', { kind: 'decisionTree', maxDepth: 3 }],
    ],
  });
  assert.throws(
    () => resolveParamPath(asPairs, 'estimators.svr.C', 'gridSearch'),
    /gridSearch: search-space key "estimators.svr.C": "estimators" has no element "svr"; it has: knn, rf/,
  );
  assert.throws(
    () => resolveParamPath(asObject, 'estimators.knn.maxDepth', 'gridSearch'),
    /unknown parameter "maxDepth" of knn \(at "estimators.knn"\)/,
  );
});
