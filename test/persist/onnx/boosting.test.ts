import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import { binaryPenguins, bundled, checkExport, compareStyle } from './onnx-check.js';

// Exact decisions (see tree.test.ts); 60 float32 leaf values summed err by well under 1e-5 relative.
const tolerance = { float32: 1e-5, float64: 1e-6 } as const;

for (const loss of ['squared_error', 'absolute_error', 'huber', 'quantile']) {
  test(`gradientBoosting regressor (${loss}) exports init + the sum of its trees on cars`, async () => {
    const data = await bundled('cars');
    const spec = { kind: 'gradientBoosting', loss, nEstimators: 60, maxDepth: 3, subsample: 0.8, seed: 2 };
    const model = await fit(compareStyle(spec, false), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  });
}

test('gradientBoosting binary classifier exports the sigmoid of its log-odds', async () => {
  const data = await binaryPenguins();
  const model = await fit(
    compareStyle({ kind: 'gradientBoosting', nEstimators: 40, maxDepth: 2 }, false),
    data,
  );
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, data.X, precision, tolerance[precision]);
  }
});

test('gradientBoosting multiclass classifier exports the softmax of one tree per class and stage', async () => {
  const data = await bundled('penguins');
  const model = await fit(
    compareStyle({ kind: 'gradientBoosting', nEstimators: 30, maxDepth: 2 }, false),
    data,
  );
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, data.X, precision, tolerance[precision]);
  }
});
