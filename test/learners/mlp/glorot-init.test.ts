import assert from 'node:assert/strict';
import { test } from 'node:test';
import { glorotInit } from '../../../src/learners/mlp/glorot-init.js';
import { layerViews, type NetworkShape, parameterCount } from '../../../src/learners/mlp/network.js';
import { createRandom } from '../../../src/random.js';

const shape: NetworkShape = { sizes: [30, 20, 5], activation: 'relu', output: 'softmax', residual: false };

for (const logistic of [false, true]) {
  test(`glorotInit draws uniformly within ±√(${logistic ? 2 : 6} / (fanIn + fanOut))`, () => {
    const layers = layerViews(shape, new Float64Array(parameterCount(shape.sizes)));
    glorotInit(layers, logistic, createRandom(1));
    for (const layer of layers) {
      const bound = Math.sqrt((logistic ? 2 : 6) / (layer.fanIn + layer.fanOut));
      const values = [...layer.coef, ...layer.intercept];
      assert.ok(values.every((v) => Math.abs(v) <= bound));
      // Uniform on ±bound: the largest |value| comes close to the bound, the mean of v² is bound² / 3.
      assert.ok(Math.max(...values.map(Math.abs)) > 0.95 * bound);
      const meanSquare = values.reduce((s, v) => s + v * v, 0) / values.length;
      assert.ok(Math.abs(meanSquare / (bound * bound) - 1 / 3) < 0.05, `mean square ${meanSquare}`);
    }
  });
}

test('glorotInit is reproducible from the seed', () => {
  const a = new Float64Array(parameterCount(shape.sizes));
  const b = new Float64Array(parameterCount(shape.sizes));
  glorotInit(layerViews(shape, a), false, createRandom(7));
  glorotInit(layerViews(shape, b), false, createRandom(7));
  assert.deepEqual(a, b);
});
