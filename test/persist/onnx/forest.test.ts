import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import { bundled, checkExport, compareStyle } from './onnx-check.js';

// Exact decisions (see tree.test.ts); the average of 25 float32 leaf values errs by a few ε = 1.2e-7.
const tolerance = { float32: 1e-5, float64: 1e-6 } as const;

for (const kind of ['randomForest', 'extraTrees']) {
  test(`${kind} regressor exports the mean of its trees on cars`, async () => {
    const data = await bundled('cars');
    const model = await fit(compareStyle({ kind, nEstimators: 25, seed: 3 }, false), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  });

  test(`${kind} classifier exports the mean of its trees' probabilities on penguins`, async () => {
    const data = await bundled('penguins');
    const model = await fit(compareStyle({ kind, nEstimators: 25, maxDepth: 5, seed: 3 }, false), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  });
}
