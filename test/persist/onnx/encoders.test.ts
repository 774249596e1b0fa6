import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Matrix } from '../../../src/data/matrix.js';
import { fit } from '../../../src/learners/fit.js';
import type { Spec, TrainingData } from '../../../src/learners/types.js';
import { toOnnx } from '../../../src/persist/onnx/to-onnx.js';
import { assertClose, bundled, checkExport, runOnnx } from './onnx-check.js';

// See linear.test.ts; a tree's values leave TreeEnsembleRegressor as float32 even in a float64 model.
const tolerance = { float32: 1e-5, float64: 1e-12 } as const;
const treeTolerance = { float32: 1e-5, float64: 1e-6 } as const;

/** X with `value` written into column `name` of the first rows. */
function withValues(data: TrainingData, name: string, values: readonly number[]): Matrix {
  const j = data.features.findIndex((f) => f.name === name);
  const out = Float64Array.from(data.X.data);
  values.forEach((v, i) => {
    out[i * data.X.cols + j] = v;
  });
  return { ...data.X, data: out };
}

// Without centring, large terms cancel in the linear model (weights in the thousands of pounds):
// float32 keeps about 1e-4 of the result there, so those pipelines are checked in float64 only.
const pipelines: { title: string; steps: Spec[]; estimator: Spec; precisions: ('float32' | 'float64')[] }[] =
  [
    {
      title: 'constant imputation and one-hot dropping the first level',
      steps: [
        { kind: 'simpleImputer', strategy: 'constant' },
        { kind: 'oneHotEncoder', drop: 'first' },
      ],
      estimator: { kind: 'ridge' },
      precisions: ['float32', 'float64'],
    },
    {
      title: 'median imputation, one-hot dropping binary columns, scaling',
      steps: [
        { kind: 'simpleImputer', strategy: 'median' },
        { kind: 'oneHotEncoder', drop: 'if_binary' },
        { kind: 'standardScaler', withMean: false },
      ],
      estimator: { kind: 'linearRegression' },
      precisions: ['float64'],
    },
    {
      title: 'scaling before imputation (NaN passes the scaler)',
      steps: [
        { kind: 'standardScaler' },
        { kind: 'simpleImputer', strategy: 'most_frequent' },
        { kind: 'oneHotEncoder' },
      ],
      estimator: { kind: 'ridge' },
      precisions: ['float32', 'float64'],
    },
    {
      title: 'ordinal encoding',
      steps: [{ kind: 'simpleImputer' }, { kind: 'ordinalEncoder' }],
      estimator: { kind: 'ridge' },
      precisions: ['float64'],
    },
  ];

for (const { title, steps, estimator, precisions } of pipelines) {
  test(`a pipeline with ${title} exports with the library's predictions on cars`, async () => {
    const data = await bundled('cars');
    const model = await fit({ kind: 'pipeline', steps, estimator }, data);
    for (const precision of precisions) {
      await checkExport(model, data.X, precision, tolerance[precision]);
    }
  });
}

test('ordinalEncoder with use_encoded_value maps unknown codes to unknownValue, and keeps NaN', async () => {
  const data = await bundled('penguins');
  const spec: Spec = {
    kind: 'pipeline',
    steps: [
      { kind: 'ordinalEncoder', handleUnknown: 'use_encoded_value', unknownValue: -1 },
      { kind: 'simpleImputer' },
    ],
    estimator: { kind: 'decisionTree', maxDepth: 4 },
  };
  const model = await fit(spec, data);
  // Codes 7 and 2.5 are not levels of Island (3 levels); NaN is missing.
  const X = withValues(data, 'Island', [7, 2.5, Number.NaN, -1]);
  for (const precision of ['float32', 'float64'] as const) {
    await checkExport(model, X, precision, treeTolerance[precision]);
  }
});

test('oneHotEncoder with handleUnknown "error" exports as "ignore": an unknown code gives zero indicators', async () => {
  const data = await bundled('cars');
  const steps = (handleUnknown: string): Spec[] => [
    { kind: 'simpleImputer' },
    { kind: 'oneHotEncoder', handleUnknown },
  ];
  const strict = await fit({ kind: 'pipeline', steps: steps('error'), estimator: { kind: 'ridge' } }, data);
  const lenient = await fit({ kind: 'pipeline', steps: steps('ignore'), estimator: { kind: 'ridge' } }, data);
  const X = withValues(data, 'Origin', [9, 0.5]);
  assert.throws(() => strict.predict(X), /unknown level code 9 at row 0/);
  const outputs = await runOnnx(toOnnx(strict, { precision: 'float64' }), X, 'float64');
  assert.ok(lenient.task === 'regression');
  assertClose(outputs.prediction!.data as Float64Array, lenient.predict(X), tolerance.float64);
});
