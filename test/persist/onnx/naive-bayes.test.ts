import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import { bundled, checkExport, compareStyle } from './onnx-check.js';

const tolerance = { float32: 1e-5, float64: 1e-12 } as const;

test('gaussianNB exports its Gaussian log-likelihoods and softmax on penguins', async () => {
  const data = await bundled('penguins');
  for (const scale of [true, false]) {
    const model = await fit(compareStyle({ kind: 'gaussianNB' }, scale), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  }
});

test('bernoulliNB exports binarized features and its linear log-likelihood', async () => {
  const data = await bundled('penguins');
  const model = await fit(compareStyle({ kind: 'bernoulliNB', binarize: 0 }, true), data);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, data.X, precision, tolerance[precision]);
  }
});

test('multinomialNB exports its linear log-likelihood (float64: raw counts of grams are large)', async () => {
  // Log-likelihoods reach −2·10⁴ on body masses in grams: float32 keeps them to ~2·10⁻³, too coarse
  // for the probabilities to agree to 1e-5, so this one is checked in float64.
  const data = await bundled('penguins');
  const model = await fit(compareStyle({ kind: 'multinomialNB' }, false), data);
  await checkExport(model, data.X, 'float64', tolerance.float64);
});
