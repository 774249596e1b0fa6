import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import { binaryPenguins, bundled, checkExport, compareStyle } from './onnx-check.js';

// Probabilities are ≤ 1: float32 softmax / sigmoid after a 10-term Gemm err by a few ε = 1.2e-7.
const tolerance = { float32: 1e-5, float64: 1e-12 } as const;

const cases = [
  { title: 'multinomial', spec: { kind: 'logisticRegression', C: 0.5 }, binary: false },
  { title: 'one-vs-rest', spec: { kind: 'logisticRegression', multiClass: 'ovr' }, binary: false },
  { title: 'binary', spec: { kind: 'logisticRegression' }, binary: true },
  {
    title: 'binary with class weights',
    spec: { kind: 'logisticRegression', classWeight: 'balanced' },
    binary: true,
  },
];

for (const { title, spec, binary } of cases) {
  test(`logisticRegression (${title}) exports its probabilities and labels on penguins`, async () => {
    const data = binary ? await binaryPenguins() : await bundled('penguins');
    const model = await fit(compareStyle(spec, true), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  });
}
