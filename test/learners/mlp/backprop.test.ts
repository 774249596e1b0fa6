import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Activation, OutputActivation } from '../../../src/learners/mlp/activations.js';
import { type Batch, createGradientBuffers, lossAndGradients } from '../../../src/learners/mlp/backprop.js';
import {
  createWorkspace,
  type DropoutSetting,
  layerViews,
  type NetworkShape,
  parameterCount,
} from '../../../src/learners/mlp/network.js';
import { createRandom } from '../../../src/random.js';

/** A small random batch whose targets suit the output layer. */
function batchFor(output: OutputActivation, nOut: number, weighted: boolean, seed: number): Batch {
  const random = createRandom(seed);
  const rows = 7;
  const X = Float64Array.from({ length: rows * 3 }, () => random.normal());
  const Y = new Float64Array(rows * nOut);
  for (let r = 0; r < rows; r++) {
    if (output === 'identity') Y[r] = random.normal() * 2;
    else if (output === 'logistic') Y[r] = random.int(2);
    else Y[r * nOut + random.int(nOut)] = 1;
  }
  const weight = weighted ? Float64Array.from({ length: rows }, () => random.next() * 2) : null;
  const weightSum = weight ? weight.reduce((a, b) => a + b, 0) : rows;
  return { rows, X, Y, weight, weightSum };
}

/**
 * Compares backpropagation with central finite differences of the loss, parameter by parameter.
 * `dropout` makes a fresh setting per pass (restarted from one seed, so the masks repeat).
 */
function assertGradientsMatch(
  shape: NetworkShape,
  batch: Batch,
  alpha: number,
  dropout?: () => DropoutSetting,
): void {
  const random = createRandom(17);
  const params = Float64Array.from({ length: parameterCount(shape.sizes) }, () => random.next() * 2 - 1);
  const layers = layerViews(shape, params);
  const ws = createWorkspace(shape, batch.rows, dropout !== undefined);
  const grads = createGradientBuffers(shape, batch.rows);
  const loss = () => lossAndGradients(shape, layers, ws, grads, batch, alpha, dropout?.());
  loss();
  const analytic = grads.flat.slice();
  const h = 1e-5;
  for (let p = 0; p < params.length; p++) {
    const saved = params[p]!;
    params[p] = saved + h;
    const up = loss();
    params[p] = saved - h;
    const down = loss();
    params[p] = saved;
    const numeric = (up - down) / (2 * h);
    const gap = Math.abs(numeric - analytic[p]!);
    assert.ok(gap <= 1e-7 * Math.max(1, Math.abs(numeric)), `parameter ${p}: ${analytic[p]} vs ${numeric}`);
  }
}

const activations: Activation[] = ['relu', 'tanh', 'logistic', 'identity'];
const outputs: { output: OutputActivation; nOut: number }[] = [
  { output: 'identity', nOut: 1 },
  { output: 'logistic', nOut: 1 },
  { output: 'softmax', nOut: 3 },
];

for (const activation of activations) {
  for (const { output, nOut } of outputs) {
    for (const residual of [false, true]) {
      for (const weighted of [false, true]) {
        const extras = `${residual ? ', residual' : ''}${weighted ? ', weighted rows' : ''}`;
        test(`backprop gradients match finite differences: ${activation} hidden, ${output} output${extras}`, () => {
          const shape: NetworkShape = { sizes: [3, 5, 5, nOut], activation, output, residual };
          assertGradientsMatch(shape, batchFor(output, nOut, weighted, 5), 0.3);
        });
      }
    }
  }
}

for (const residual of [false, true]) {
  test(`backprop gradients match finite differences under a fixed dropout mask${residual ? ', residual' : ''}`, () => {
    const shape: NetworkShape = { sizes: [3, 6, 6, 3], activation: 'tanh', output: 'softmax', residual };
    assertGradientsMatch(shape, batchFor('softmax', 3, true, 9), 0.1, () => ({
      rate: 0.4,
      random: createRandom(99),
    }));
  });
}

test('backprop without hidden layers differentiates a linear model', () => {
  const shape: NetworkShape = { sizes: [3, 3], activation: 'relu', output: 'softmax', residual: false };
  assertGradientsMatch(shape, batchFor('softmax', 3, false, 2), 0.2);
});

test("the loss is scikit-learn's: ½·mean squared error plus α/2·‖W‖² / rows", () => {
  // One input, no hidden layer: prediction w·x + b with w = 2, b = 1.
  const shape: NetworkShape = { sizes: [1, 1], activation: 'relu', output: 'identity', residual: false };
  const layers = layerViews(shape, Float64Array.of(2, 1));
  const batch: Batch = {
    rows: 2,
    X: Float64Array.of(1, 3),
    Y: Float64Array.of(4, 5),
    weight: null,
    weightSum: 2,
  };
  const grads = createGradientBuffers(shape, 2);
  const loss = lossAndGradients(shape, layers, createWorkspace(shape, 2, false), grads, batch, 0.5);
  // Predictions 3 and 7: ½·((3 − 4)² + (7 − 5)²) / 2 = 1.25, plus 0.5/2 · 2² / 2 = 0.5.
  assert.equal(loss, 1.75);
  // dL/dw = (−1·1 + 2·3) / 2 + 0.5·2 / 2 = 3; dL/db = (−1 + 2) / 2 = 0.5.
  assert.deepEqual([...grads.flat], [3, 0.5]);
});

test('the binary log loss clips probabilities at machine epsilon, as scikit-learn does', () => {
  // A logistic output saturated at 1 for a row whose target is 0: −log(ε), not Infinity.
  const shape: NetworkShape = { sizes: [1, 1], activation: 'relu', output: 'logistic', residual: false };
  const layers = layerViews(shape, Float64Array.of(1000, 0));
  const batch: Batch = { rows: 1, X: Float64Array.of(1), Y: Float64Array.of(0), weight: null, weightSum: 1 };
  const grads = createGradientBuffers(shape, 1);
  const loss = lossAndGradients(shape, layers, createWorkspace(shape, 1, false), grads, batch, 0);
  assert.ok(Math.abs(loss + Math.log(2.220446049250313e-16)) < 1e-12);
});
