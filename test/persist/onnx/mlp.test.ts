import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import type { Spec } from '../../../src/learners/types.js';
import { binaryPenguins, bundled, checkExport, compareStyle } from './onnx-check.js';

// A few float32 Gemm layers on scaled inputs: errors of some ε = 1.2e-7 per layer; float64 exact but for order.
const tolerance = { float32: 1e-5, float64: 1e-12 } as const;

const cases: { title: string; spec: Spec; data: 'cars' | 'penguins' | 'binary' }[] = [
  {
    title: 'regressor with residual relu layers',
    spec: { kind: 'mlp', hiddenLayerSizes: [16, 16, 16], residual: true, maxIter: 40, seed: 1 },
    data: 'cars',
  },
  { title: 'tanh regressor', spec: { kind: 'mlp', activation: 'tanh', maxIter: 40 }, data: 'cars' },
  {
    title: 'logistic-activation multiclass classifier',
    spec: { kind: 'mlp', activation: 'logistic', maxIter: 40 },
    data: 'penguins',
  },
  {
    title: 'identity-activation binary classifier',
    spec: { kind: 'mlp', activation: 'identity', maxIter: 40 },
    data: 'binary',
  },
];

for (const { title, spec, data: name } of cases) {
  test(`mlp (${title}) exports its layers`, async () => {
    const data = name === 'binary' ? await binaryPenguins() : await bundled(name);
    const model = await fit(compareStyle(spec, true), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  });
}
