import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { encodeOnnxModel, type OnnxModel } from '../../../src/persist/onnx/onnx-proto.js';
import { runOnnx } from './onnx-check.js';
import { decodeOnnx } from './onnx-decode.js';

const model: OnnxModel = {
  irVersion: 8,
  opsets: [{ domain: '', version: 17 }],
  producerName: 'stacklearn',
  producerVersion: '0.1.0',
  doc: 'adds and scales',
  graph: {
    name: 'affine',
    nodes: [
      { opType: 'Mul', name: 'scale', inputs: ['X', 'w'], outputs: ['wx'], attributes: {} },
      { opType: 'Add', name: 'shift', inputs: ['wx', 'b'], outputs: ['Y'], attributes: {} },
      {
        opType: 'ArgMax',
        name: 'best',
        inputs: ['Y'],
        outputs: ['best'],
        attributes: { axis: { type: 'int', value: 1 }, keepdims: { type: 'int', value: 0 } },
      },
    ],
    initializers: [
      { name: 'w', type: 'float', dims: [2], values: [2, -1] },
      { name: 'b', type: 'float', dims: [1, 2], values: [0.5, 10] },
    ],
    inputs: [{ name: 'X', type: 'float', shape: ['N', 2] }],
    outputs: [
      { name: 'Y', type: 'float', shape: ['N', 2], doc: 'w·x + b' },
      { name: 'best', type: 'int64', shape: ['N'] },
    ],
  },
  metadata: { 'stacklearn.kind': 'test', note: 'ü' },
};

test('encodeOnnxModel writes the ModelProto fields of onnx.proto', () => {
  const decoded = decodeOnnx(encodeOnnxModel(model));
  assert.equal(decoded.irVersion, 8);
  assert.deepEqual(decoded.opsetImport, [{ version: 17 }]);
  assert.equal(decoded.producerName, 'stacklearn');
  assert.equal(decoded.producerVersion, '0.1.0');
  assert.equal(decoded.docString, 'adds and scales');
  assert.deepEqual(decoded.metadataProps, [
    { key: 'stacklearn.kind', value: 'test' },
    { key: 'note', value: 'ü' },
  ]);
  const { graph } = decoded;
  assert.equal(graph.name, 'affine');
  assert.deepEqual(
    graph.node.map((n: { opType: string }) => n.opType),
    ['Mul', 'Add', 'ArgMax'],
  );
  assert.deepEqual(graph.node[2].attribute, [
    { name: 'axis', i: 1, type: 2 },
    { name: 'keepdims', type: 2 },
  ]);
  assert.deepEqual(graph.initializer[1], { name: 'b', dims: [1, 2], dataType: 1, floatData: [0.5, 10] });
  assert.deepEqual(graph.input[0], {
    name: 'X',
    type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'N' }, { dimValue: 2 }] } } },
  });
  assert.equal(graph.output[0].docString, 'w·x + b');
  assert.equal(graph.output[1].type.tensorType.elemType, 7);
});

test('onnxruntime runs a model written by encodeOnnxModel', async () => {
  const outputs = await runOnnx(
    encodeOnnxModel(model),
    matrix([
      [1, 2],
      [-3, 0.25],
    ]),
  );
  assert.deepEqual([...(outputs.Y!.data as Float32Array)], [2.5, 8, -5.5, 9.75]);
  assert.deepEqual([...(outputs.best!.data as BigInt64Array)], [1n, 1n]);
});
