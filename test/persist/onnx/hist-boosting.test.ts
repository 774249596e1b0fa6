import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fit } from '../../../src/learners/fit.js';
import type { Spec } from '../../../src/learners/types.js';
import { binaryPenguins, bundled, checkExport } from './onnx-check.js';

// Exact decisions (see tree.test.ts); 100 float32 leaf values summed err by well under 1e-5 relative.
const tolerance = { float32: 1e-5, float64: 1e-6 } as const;

/** The rows of X, then copies of its first rows with unseen, non-integer and missing codes in column 0 (Origin / Island). */
function withOddCategories(X: { rows: number; cols: number; data: Float64Array }, column: number) {
  const odd = [7, 1.5, Number.NaN, -1, 300];
  const data = new Float64Array((X.rows + odd.length) * X.cols);
  data.set(X.data);
  odd.forEach((v, i) => {
    data.set(X.data.subarray(i * X.cols, (i + 1) * X.cols), (X.rows + i) * X.cols);
    data[(X.rows + i) * X.cols + column] = v;
  });
  return { rows: X.rows + odd.length, cols: X.cols, data };
}

const regressors: Spec[] = [
  { kind: 'histGradientBoosting', maxIter: 60 },
  { kind: 'histGradientBoosting', maxIter: 40, loss: 'poisson', categoricalFeatures: 'none' },
  { kind: 'histGradientBoosting', maxIter: 40, loss: 'absolute_error', maxLeafNodes: 8 },
];

for (const spec of regressors) {
  test(`histGradientBoosting (${spec.loss ?? 'squared_error'}, categoricalFeatures ${spec.categoricalFeatures ?? 'auto'}) exports with missing values and categorical splits on cars`, async () => {
    const data = await bundled('cars');
    const model = await fit(spec, data);
    const origin = data.features.findIndex((f) => f.name === 'Origin');
    const X = withOddCategories(data.X, origin);
    for (const precision of ['float32', 'float64'] as const) {
      await checkExport(model, X, precision, tolerance[precision]);
    }
  });
}

test('histGradientBoosting multiclass exports softmax of raw scores with categorical splits on penguins', async () => {
  const data = await bundled('penguins');
  const model = await fit({ kind: 'histGradientBoosting', maxIter: 30 }, data);
  const trees = (model.state as { trees: { bitsetIndex: Int32Array } }).trees;
  assert.ok(
    trees.bitsetIndex.some((b) => b >= 0),
    'the model has categorical splits',
  );
  const X = withOddCategories(data.X, 0);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, X, precision, tolerance[precision]);
  }
});

test('histGradientBoosting binary classifier exports the sigmoid of its raw score', async () => {
  const data = await binaryPenguins();
  const model = await fit({ kind: 'histGradientBoosting', maxIter: 25, learningRate: 0.3 }, data);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, withOddCategories(data.X, 0), precision, tolerance[precision]);
  }
});
