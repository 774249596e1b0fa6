import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type Activation,
  activateInPlace,
  logisticInPlace,
  multiplyByDerivative,
} from '../../../src/learners/mlp/activations.js';

const inputs = [-3, -0.5, 0.25, 2];
const functions: Record<Activation, (x: number) => number> = {
  identity: (x) => x,
  relu: (x) => Math.max(0, x),
  tanh: Math.tanh,
  logistic: (x) => 1 / (1 + Math.exp(-x)),
};

for (const kind of Object.keys(functions) as Activation[]) {
  test(`${kind}: activation and derivative (from the activated values) match the formulas`, () => {
    const values = Float64Array.from(inputs);
    activateInPlace(kind, values, values.length);
    assert.deepEqual([...values], inputs.map(functions[kind]));
    const delta = new Float64Array(inputs.length).fill(2);
    multiplyByDerivative(kind, values, delta, delta.length);
    inputs.forEach((x, i) => {
      const h = 1e-6;
      const slope = (functions[kind](x + h) - functions[kind](x - h)) / (2 * h);
      assert.ok(Math.abs(delta[i]! - 2 * slope) < 1e-8, `${kind}'(${x})`);
    });
  });
}

test('logisticInPlace saturates without overflow', () => {
  const values = Float64Array.of(-1000, 0, 1000);
  logisticInPlace(values, 3);
  assert.deepEqual([...values], [0, 0.5, 1]);
});

test('activations touch only the first `length` values', () => {
  const values = Float64Array.of(-1, -1);
  activateInPlace('relu', values, 1);
  assert.deepEqual([...values], [0, -1]);
});
