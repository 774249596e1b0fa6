import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import { toOnnx } from '../../../src/persist/onnx/to-onnx.js';
import { binaryPenguins, bundled, checkExport, compareStyle } from './onnx-check.js';

// Votes are 0 / 1 (exact unless a decision value is within rounding of 0); Platt probabilities
// are a sigmoid of a scaled kernel expansion: a few ε = 1.2e-7 in float32.
const tolerance = { float32: 1e-5, float64: 1e-12 } as const;

test('svc without probabilities exports its one-vs-one vote on penguins', async () => {
  const data = await bundled('penguins');
  for (const kernel of ['rbf', 'linear']) {
    const model = await fit(compareStyle({ kind: 'svc', kernel, C: 0.5, probability: false }, true), data);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  }
});

test('a two-class svc exports its Platt probabilities, and its vote without them', async () => {
  const data = await binaryPenguins();
  for (const probability of [true, false]) {
    const model = await fit(
      compareStyle({ kind: 'svc', probability, kernel: 'poly', degree: 2 }, true),
      data,
    );
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  }
});

test('svc with probabilities for three classes is refused: the coupling is iterative', async () => {
  const data = await bundled('penguins');
  const model = await fit(compareStyle({ kind: 'svc', probability: true }, true), data);
  assert.throws(
    () => toOnnx(model),
    /toOnnx: a "svc" model \(inside pipeline\) cannot be exported to ONNX: with probability: true and 3 classes/,
  );
});
