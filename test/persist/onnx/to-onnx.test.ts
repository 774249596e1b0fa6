import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { fit } from '../../../src/learners/fit.js';
import { toOnnx } from '../../../src/persist/onnx/to-onnx.js';
import { bundled, checkExport, compareStyle, runOnnx } from './onnx-check.js';
import { decodeOnnx } from './onnx-decode.js';

test('the exported file records the input contract: features with levels, classes, task, kind', async () => {
  const data = await bundled('penguins');
  const model = await fit(compareStyle({ kind: 'logisticRegression' }, true), data);
  const decoded = decodeOnnx(toOnnx(model, { producerVersion: '0.1.0' }));
  const metadata = Object.fromEntries(
    decoded.metadataProps.map((e: { key: string; value: string }) => [e.key, e.value]),
  );
  assert.equal(metadata['stacklearn.kind'], 'pipeline');
  assert.equal(metadata['stacklearn.task'], 'multiclass');
  assert.equal(metadata['stacklearn.target'], 'Species');
  assert.deepEqual(JSON.parse(metadata['stacklearn.classes']), ['Adelie', 'Chinstrap', 'Gentoo']);
  const features = JSON.parse(metadata['stacklearn.features']);
  assert.deepEqual(features[0], {
    name: 'Island',
    kind: 'categorical',
    levels: ['Biscoe', 'Dream', 'Torgersen'],
  });
  assert.equal(decoded.producerName, 'stacklearn');
  assert.equal(decoded.producerVersion, '0.1.0');
  const { input, output } = decoded.graph;
  assert.deepEqual(
    input.map((v: { name: string }) => v.name),
    ['X'],
  );
  assert.deepEqual(input[0].type.tensorType.shape.dim, [{ dimParam: 'N' }, { dimValue: 6 }]);
  assert.deepEqual(
    output.map((v: { name: string; type: { tensorType: { elemType: number } } }) => [
      v.name,
      v.type.tensorType.elemType,
    ]),
    [
      ['label', 7],
      ['probabilities', 1],
    ],
  );
  // No tree: only the standard operator set is imported.
  assert.deepEqual(decoded.opsetImport, [{ version: 17 }]);
});

test('a model with trees imports ai.onnx.ml; float64 writes double inputs and thresholds', async () => {
  const data = await bundled('cars');
  const model = await fit(compareStyle({ kind: 'decisionTree', maxDepth: 2 }, false), data);
  const decoded = decodeOnnx(toOnnx(model, { precision: 'float64', opset: 15 }));
  assert.equal(decoded.irVersion, 8);
  assert.deepEqual(decoded.opsetImport, [{ version: 15 }, { domain: 'ai.onnx.ml', version: 3 }]);
  assert.equal(decoded.graph.input[0].type.tensorType.elemType, 11);
  const tree = decoded.graph.node.find((n: { opType: string }) => n.opType === 'TreeEnsembleRegressor');
  assert.equal(tree.domain, 'ai.onnx.ml');
  const names = tree.attribute.map((a: { name: string }) => a.name);
  assert.ok(names.includes('nodes_values_as_tensor') && !names.includes('nodes_values'));
});

for (const opset of [13, 17, 21]) {
  test(`opset ${opset} exports a model onnxruntime runs`, async () => {
    const data = await bundled('penguins');
    const model = await fit(
      compareStyle(
        {
          kind: 'voting',
          voting: 'hard',
          estimators: { lr: { kind: 'logisticRegression' }, tree: { kind: 'decisionTree' } },
          cv: 2,
        },
        true,
      ),
      data,
    );
    const outputs = await runOnnx(toOnnx(model, { opset }), data.X);
    assert.deepEqual(outputs.probabilities!.dims, [data.X.rows, 3]);
  });
}

test('dummy models export their constant output', async () => {
  const cars = await bundled('cars');
  const penguins = await bundled('penguins');
  for (const strategy of ['mean', 'median']) {
    await checkExport(await fit({ kind: 'dummy', strategy }, cars), cars.X, 'float64', 1e-12);
  }
  await checkExport(await fit({ kind: 'dummy' }, penguins), penguins.X, 'float32', 1e-6);
});

test('toOnnx refuses options out of range, naming them', async () => {
  const data = await bundled('cars');
  const model = await fit({ kind: 'dummy' }, data);
  assert.throws(
    () => toOnnx(model, { opset: 12 }),
    /option "opset" must be an integer from 13 to 21; received 12/,
  );
  assert.throws(
    () => toOnnx(model, { opset: 17.5 }),
    /option "opset" must be an integer from 13 to 21; received 17.5/,
  );
  assert.throws(
    () => toOnnx(model, { precision: 'float16' as never }),
    /option "precision" must be "float32" or "float64"; received "float16"/,
  );
});

test('a kind ONNX export does not cover is refused with the reason, and where it sits', async () => {
  const data = await bundled('cars');
  const knn = await fit(compareStyle({ kind: 'knn' }, true), data);
  assert.throws(
    () => toOnnx(knn),
    /toOnnx: a "knn" model \(inside pipeline\) cannot be exported to ONNX: it predicts from the stored training rows/,
  );
  const forest = await fit(
    {
      kind: 'voting',
      estimators: { knn: { kind: 'knn', nNeighbors: 2 }, tree: { kind: 'decisionTree' } },
      cv: 2,
    },
    {
      task: 'regression',
      X: matrix([[1], [2], [3], [4]]),
      features: [{ name: 'x', kind: 'numeric' }],
      y: Float64Array.of(1, 2, 3, 5),
    },
  );
  assert.throws(() => toOnnx(forest), /a "knn" model \(inside voting\) cannot be exported to ONNX/);
});
