import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import { bundled, checkExport, compareStyle } from './onnx-check.js';

// rbf, linear and sigmoid kernel values are ≤ 1 or a scaled dot product: float32 errs by some ε.
// The cubic poly kernel amplifies them and its support vectors cancel (1e-5 relative seen), so poly
// is checked in float64.
const tolerance = { float32: 1e-5, float64: 1e-12 } as const;

const kernels = [
  { kernel: 'rbf', precisions: ['float32', 'float64'] },
  { kernel: 'linear', precisions: ['float32', 'float64'] },
  { kernel: 'sigmoid', C: 0.1, precisions: ['float32', 'float64'] },
  { kernel: 'poly', precisions: ['float64'] },
  { kernel: 'poly', degree: 4, coef0: 1, precisions: ['float64'] },
] as const;

for (const { precisions, ...params } of kernels) {
  test(`svr with the ${params.kernel} kernel exports its kernel expansion on cars`, async () => {
    const data = await bundled('cars');
    const model = await fit(compareStyle({ kind: 'svr', ...params }, true), data);
    for (const precision of precisions) await checkExport(model, data.X, precision, tolerance[precision]);
  });
}
