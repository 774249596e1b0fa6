import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeFriedman1 } from '../../src/data/synthetic.js';
import '../../src/learners/builtins.js';
import type { Spec } from '../../src/learners/types.js';
import { defaultCandidates, preprocessed, withSeed } from '../../src/select/candidates.js';

const data = makeFriedman1({ nSamples: 50, nFeatures: 5, seed: 1 });

test('withSeed seeds randomised learners (inside pipelines too) and keeps a seed the spec sets', () => {
  assert.deepEqual(withSeed({ kind: 'randomForest' }, 7), { kind: 'randomForest', seed: 7 });
  assert.deepEqual(withSeed({ kind: 'randomForest', seed: 3 }, 7), { kind: 'randomForest', seed: 3 });
  assert.deepEqual(withSeed({ kind: 'ridge' }, 7), { kind: 'ridge' });
  const wrapped = withSeed({ kind: 'pipeline', steps: [], estimator: { kind: 'mlp' } }, 7);
  assert.equal((wrapped.estimator as Spec).seed, 7);
});

test('defaultCandidates passes the seed to every randomised learner and ensemble', () => {
  const seeded = defaultCandidates(data, { seed: 11 });
  const find = (name: string): Spec => {
    const spec = seeded.find((c) => c.name === name)!.spec;
    return spec.kind === 'pipeline' ? (spec.estimator as Spec) : spec;
  };
  assert.equal(find('random forest').seed, 11);
  assert.equal(find('SGD').seed, 11);
  assert.equal(find('stacking → ridge').seed, 11);
  assert.equal(find('ridge').seed, undefined);
});

test('preprocessed wraps ensembles (their members may not take missing values) and scales when a member needs it', () => {
  const spec = preprocessed(
    { kind: 'voting', estimators: { a: { kind: 'randomForest' }, b: { kind: 'knn' } } },
    data.features,
  );
  assert.equal(spec.kind, 'pipeline');
  assert.deepEqual(
    (spec.steps as Spec[]).map((s) => s.kind),
    ['simpleImputer', 'standardScaler'],
  );
  assert.deepEqual(preprocessed({ kind: 'histGradientBoosting' }, data.features), {
    kind: 'histGradientBoosting',
  });
});
