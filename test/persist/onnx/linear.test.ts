import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import { bundled, checkExport, compareStyle } from './onnx-check.js';

// float32 has a 24-bit significand (ε = 1.2e-7): a scaled linear model's output goes through about
// 20 rounded operations, so 1e-5 relative leaves a margin of 4 over the worst case. float64: 1e-12.
const tolerance = { float32: 1e-5, float64: 1e-12 } as const;

const specs = [
  { kind: 'linearRegression' },
  { kind: 'ridge', alpha: 3 },
  { kind: 'sgdRegressor', loss: 'huber', seed: 4 },
];

for (const spec of specs) {
  test(`${spec.kind} in the compare pipeline exports with the library's predictions on cars`, async () => {
    const data = await bundled('cars');
    const model = await fit(compareStyle(spec, true), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  });
}

test('linearRegression without fitIntercept exports on raw columns', async () => {
  const data = await bundled('cars');
  const model = await fit(
    {
      kind: 'pipeline',
      steps: [{ kind: 'simpleImputer', strategy: 'median' }],
      estimator: { kind: 'linearRegression', fitIntercept: false },
    },
    { ...data, features: data.features.map((f) => ({ ...f, kind: 'numeric' as const })) },
  );
  await checkExport(model, data.X, 'float64', tolerance.float64);
});
