import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import { bundled, checkExport, compareStyle } from './onnx-check.js';

const tolerance = { float32: 1e-5, float64: 1e-6 } as const;

test('bagging with feature subsets exports the mean of its members on cars', async () => {
  const data = await bundled('cars');
  const spec = { kind: 'bagging', estimator: { kind: 'ridge' }, nEstimators: 6, maxFeatures: 0.6, seed: 2 };
  const model = await fit(compareStyle(spec, true), data);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, data.X, precision, tolerance[precision]);
  }
});

test('bagging classifier with bootstrapped features exports the mean of its members on penguins', async () => {
  const data = await bundled('penguins');
  const spec = {
    kind: 'bagging',
    estimator: { kind: 'decisionTree', maxDepth: 3 },
    nEstimators: 5,
    maxFeatures: 4,
    bootstrapFeatures: true,
  };
  const model = await fit(compareStyle(spec, false), data);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, data.X, precision, tolerance[precision]);
  }
});
