import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createWorkspace,
  forward,
  layerViews,
  type NetworkShape,
  networkPredictor,
  parameterCount,
} from '../../../src/learners/mlp/network.js';
import { createRandom } from '../../../src/random.js';

test('parameterCount counts weights and intercepts of every layer', () => {
  assert.equal(parameterCount([4, 10, 3]), 4 * 10 + 10 + 10 * 3 + 3);
  assert.equal(parameterCount([5, 1]), 6);
});

test('layerViews lays out each layer as fanIn × fanOut weights, then its intercepts', () => {
  const shape: NetworkShape = { sizes: [2, 3, 1], activation: 'relu', output: 'identity', residual: false };
  const flat = Float64Array.from({ length: parameterCount(shape.sizes) }, (_, i) => i);
  const [first, second] = layerViews(shape, flat);
  assert.deepEqual([...first!.coef], [0, 1, 2, 3, 4, 5]);
  assert.deepEqual([...first!.intercept], [6, 7, 8]);
  assert.deepEqual([...second!.coef], [9, 10, 11]);
  assert.deepEqual([...second!.intercept], [12]);
  flat[12] = 100;
  assert.equal(second!.intercept[0], 100, 'views share the flat array');
});

test('forward computes relu(x·W₁ + b₁)·W₂ + b₂ by hand', () => {
  const shape: NetworkShape = { sizes: [2, 2, 1], activation: 'relu', output: 'identity', residual: false };
  // W₁ = [[1, −1], [2, 1]], b₁ = [0, 0.5], W₂ = [[3], [−2]], b₂ = [1].
  const flat = Float64Array.of(1, -1, 2, 1, 0, 0.5, 3, -2, 1);
  const out = forward(
    shape,
    layerViews(shape, flat),
    createWorkspace(shape, 2, false),
    Float64Array.of(1, 1, -1, 0),
    2,
  );
  // Row (1, 1): hidden (3, 0.5) → 9 − 1 + 1 = 9. Row (−1, 0): hidden relu(−1, 1.5) = (0, 1.5) → −3 + 1 = −2.
  assert.deepEqual([...out.subarray(0, 2)], [9, -2]);
});

test('a residual layer adds its input: h₂ = f(h₁·W₂ + b₂) + h₁', () => {
  const shape: NetworkShape = {
    sizes: [1, 1, 1, 1],
    activation: 'identity',
    output: 'identity',
    residual: true,
  };
  // h₁ = 2x, h₂ = 3·h₁ + h₁ = 8x, output = h₂.
  const flat = Float64Array.of(2, 0, 3, 0, 1, 0);
  const out = forward(
    shape,
    layerViews(shape, flat),
    createWorkspace(shape, 1, false),
    Float64Array.of(1.5),
    1,
  );
  assert.equal(out[0], 12);
});

test('dropout zeroes units and scales the kept ones by 1 / (1 − rate)', () => {
  const shape: NetworkShape = {
    sizes: [1, 400, 1],
    activation: 'identity',
    output: 'identity',
    residual: false,
  };
  const flat = new Float64Array(parameterCount(shape.sizes));
  const layers = layerViews(shape, flat);
  layers[0]!.coef.fill(1);
  const ws = createWorkspace(shape, 1, true);
  forward(shape, layers, ws, Float64Array.of(1), 1, { rate: 0.25, random: createRandom(3) });
  const hidden = ws.out[0]!;
  const dropped = hidden.filter((v) => v === 0).length;
  assert.ok(dropped > 60 && dropped < 140, `${dropped} of 400 dropped at rate 0.25`);
  assert.ok(hidden.every((v) => v === 0 || Math.abs(v - 4 / 3) < 1e-15));
});

test('networkPredictor gives [1 − p, p] for a logistic output and softmax rows otherwise', () => {
  const binary: NetworkShape = { sizes: [1, 1], activation: 'relu', output: 'logistic', residual: false };
  const predict = networkPredictor(binary, layerViews(binary, Float64Array.of(1, 0)));
  const p = 1 / (1 + Math.exp(-2));
  assert.deepEqual([...predict({ rows: 2, cols: 1, data: Float64Array.of(0, 2) })], [0.5, 0.5, 1 - p, p]);
  const multi: NetworkShape = { sizes: [1, 2], activation: 'relu', output: 'softmax', residual: false };
  const softmax = networkPredictor(multi, layerViews(multi, Float64Array.of(0, Math.log(3), 0, 0)));
  const out = softmax({ rows: 1, cols: 1, data: Float64Array.of(1) });
  assert.ok(Math.abs(out[0]! - 0.25) < 1e-15 && Math.abs(out[1]! - 0.75) < 1e-15);
});

test('networkPredictor handles more rows than one pass holds', () => {
  const shape: NetworkShape = { sizes: [1, 1], activation: 'relu', output: 'identity', residual: false };
  const predict = networkPredictor(shape, layerViews(shape, Float64Array.of(2, 1)));
  const X = { rows: 1000, cols: 1, data: Float64Array.from({ length: 1000 }, (_, i) => i) };
  const out = predict(X);
  assert.equal(out.length, 1000);
  assert.ok(out.every((v, i) => v === 2 * i + 1));
});
