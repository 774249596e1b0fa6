import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { fit } from '../../../src/learners/fit.js';
import {
  createGraphBuilder,
  type OnnxPrecision,
  valueInfo,
} from '../../../src/persist/onnx/graph-builder.js';
import { encodeOnnxModel } from '../../../src/persist/onnx/onnx-proto.js';
import { toOnnx } from '../../../src/persist/onnx/to-onnx.js';
import { createTreeEnsemble, float32AtMost } from '../../../src/persist/onnx/tree-ensemble.js';
import { createRandom } from '../../../src/random.js';
import { runOnnx } from './onnx-check.js';

test('float32AtMost gives the largest float32 not above t', () => {
  const random = createRandom(5);
  const cases = [0.1, -0.1, 17.299999999999997, 1e-50, -1e-50, 0, 3.5, -(2 ** 100)];
  for (let i = 0; i < 200; i++) cases.push((random.next() - 0.5) * 10 ** Math.floor(random.next() * 12 - 6));
  for (const t of cases) {
    const r = float32AtMost(t);
    assert.equal(Math.fround(r), r, `${t}: ${r} is a float32`);
    assert.ok(r <= t, `${t}: ${r} ≤ t`);
    assert.ok(nextFloat32Up(r) > t, `${t}: the float32 after ${r} is above t`);
  }
  assert.equal(float32AtMost(0.1), 0.09999999403953552);
});

function nextFloat32Up(r: number): number {
  if (r === 0) return 2 ** -149;
  const value = Float32Array.of(r);
  const bits = new Int32Array(value.buffer);
  bits[0] = bits[0]! + (r > 0 ? 1 : -1);
  return value[0]!;
}

/** A one-tree model: x0 ≤ 1.5 (NaN left when `missingTrue`) → [3, 0], else [5, 7]. */
function oneSplitModel(precision: OnnxPrecision, missingTrue: boolean): Uint8Array {
  const graph = createGraphBuilder(precision);
  const trees = createTreeEnsemble(2);
  trees.split(0, 0, 0, 1.5, 1, 2, missingTrue);
  trees.leaf(0, 1, [3, 0]);
  trees.leaf(0, 2, [5, 7]);
  const output = trees.emit(graph, 'X', { aggregate: 'SUM', base: [0.5, 0] });
  graph.node('Identity', [output], {}, { outputNames: ['Y'] });
  return encodeOnnxModel({
    irVersion: 8,
    opsets: [
      { domain: '', version: 17 },
      { domain: 'ai.onnx.ml', version: 3 },
    ],
    producerName: 'test',
    producerVersion: '',
    doc: '',
    graph: {
      name: 'tree',
      nodes: graph.nodes,
      initializers: graph.initializers,
      inputs: [valueInfo(graph, 'X', ['N', 1])],
      outputs: [valueInfo(graph, 'Y', ['N', 2])],
    },
    metadata: {},
  });
}

test('a split sends x ≤ threshold to its true node and NaN where missingTrue says', async () => {
  const X = matrix([[1.5], [1.6], [Number.NaN]]);
  for (const precision of ['float32', 'float64'] as const) {
    const left = await runOnnx(oneSplitModel(precision, true), X, precision);
    assert.deepEqual([...(left.Y!.data as Float64Array)], [3.5, 0, 5.5, 7, 3.5, 0]);
    const right = await runOnnx(oneSplitModel(precision, false), X, precision);
    assert.deepEqual([...(right.Y!.data as Float64Array)], [3.5, 0, 5.5, 7, 5.5, 7]);
  }
});

test('a tree that is a single leaf exports its constant', async () => {
  const data = {
    task: 'regression' as const,
    X: matrix([[1], [2], [3]]),
    features: [{ name: 'x', kind: 'numeric' as const }],
    y: Float64Array.of(4, 4, 4),
  };
  const model = await fit({ kind: 'decisionTree' }, data);
  const outputs = await runOnnx(toOnnx(model), data.X);
  assert.deepEqual([...(outputs.prediction!.data as Float32Array)], [4, 4, 4]);
});
