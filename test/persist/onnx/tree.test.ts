import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { fit } from '../../../src/learners/fit.js';
import { toOnnx } from '../../../src/persist/onnx/to-onnx.js';
import { bundled, checkExport, compareStyle, runOnnx } from './onnx-check.js';

// Decisions are exact (float64: double thresholds; float32: thresholds rounded down, compared with
// the library on float32-rounded inputs); the leaf values leave the operator as float32 (ε = 1.2e-7).
const tolerance = { float32: 1e-6, float64: 1e-6 } as const;

test('decisionTree regressor exports with the library predictions on cars', async () => {
  const data = await bundled('cars');
  const model = await fit(compareStyle({ kind: 'decisionTree', minSamplesLeaf: 2 }, false), data);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, data.X, precision, tolerance[precision]);
  }
});

test('decisionTree classifier exports its leaf probabilities on penguins', async () => {
  const data = await bundled('penguins');
  const model = await fit(compareStyle({ kind: 'decisionTree', maxDepth: 4 }, false), data);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, data.X, precision, tolerance[precision]);
  }
});

test('a tree split between 17.2 and 17.4 sends 17.3 right in float64, and as the library does on its float32 value in float32', async () => {
  const X = matrix([[17.2], [17.4], [17.2], [17.4]]);
  const data = {
    task: 'regression' as const,
    X,
    features: [{ name: 'x', kind: 'numeric' as const }],
    y: Float64Array.of(1, 2, 1, 2),
  };
  const model = await fit({ kind: 'decisionTree' }, data);
  assert.ok(model.task === 'regression');
  // The midpoint (17.2 + 17.4) / 2 is 17.299999999999997 in double, just below 17.3.
  const probe = matrix([[17.3], [Math.fround(17.3)]]);
  assert.deepEqual([...model.predict(probe)], [2, 1]);
  const exact = await runOnnx(toOnnx(model, { precision: 'float64' }), probe, 'float64');
  assert.deepEqual([...(exact.prediction!.data as Float64Array)], [2, 1]);
  // float32 sees 17.3 as Math.fround(17.3) = 17.299999237…, below the threshold: as the library on that value.
  const single = await runOnnx(toOnnx(model), probe, 'float32');
  assert.deepEqual([...(single.prediction!.data as Float32Array)], [1, 1]);
});
