import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import type { Spec } from '../../../src/learners/types.js';
import { bundled, checkExport, compareStyle } from './onnx-check.js';

// Members include trees (float32 leaf values even in a float64 model, see tree.test.ts).
const tolerance = { float32: 1e-5, float64: 1e-6 } as const;

const classifiers: { title: string; spec: Spec }[] = [
  {
    title: 'probabilities, passthrough',
    spec: {
      kind: 'stacking',
      estimators: { lr: { kind: 'logisticRegression' }, tree: { kind: 'decisionTree', maxDepth: 3 } },
      passthrough: true,
      cv: 3,
    },
  },
  {
    title: 'class codes, fold models averaged',
    spec: {
      kind: 'stacking',
      estimators: { lr: { kind: 'logisticRegression' }, forest: { kind: 'randomForest', nEstimators: 10 } },
      stackMethod: 'predict',
      refit: 'foldAverage',
      finalEstimator: { kind: 'decisionTree', maxDepth: 3 },
      cv: 3,
    },
  },
  {
    title: 'blending',
    spec: {
      kind: 'blending',
      estimators: { lr: { kind: 'logisticRegression', C: 0.1 }, tree: { kind: 'decisionTree', maxDepth: 2 } },
    },
  },
];

for (const { title, spec } of classifiers) {
  test(`${spec.kind} (${title}) exports members → meta-features → final estimator on penguins`, async () => {
    const data = await bundled('penguins');
    const model = await fit(compareStyle(spec, true), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  });
}

test('a two-layer regression stack with named passthrough columns exports on cars', async () => {
  const data = await bundled('cars');
  const inner: Spec = {
    kind: 'stacking',
    estimators: { ridge: { kind: 'ridge' }, tree: { kind: 'decisionTree', maxDepth: 4 } },
    cv: 3,
  };
  const spec: Spec = {
    kind: 'stacking',
    estimators: { inner, gb: { kind: 'gradientBoosting', nEstimators: 20 } },
    passthrough: ['Weight_in_lbs', 'Year'],
    finalEstimator: { kind: 'ridge', alpha: 0.1 },
    cv: 3,
  };
  const model = await fit(compareStyle(spec, true), data);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, data.X, precision, tolerance[precision]);
  }
});
