import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix, takeRows } from '../../../src/data/matrix.js';
import { makeClassification, makeFriedman1 } from '../../../src/data/synthetic.js';
import '../../../src/learners/builtins.js';
import { fit } from '../../../src/learners/fit.js';
import { type HgbState, predictHgb, predictRow } from '../../../src/learners/hgb/predictor.js';
import type { TreeArrays } from '../../../src/learners/hgb/tree-arrays.js';

/**
 * One tree: the root splits x0 ≤ 0.5 (missing values right); its left child splits the categorical
 * x1 (categories 1 and 3 left, missing values left; 0–3 seen in training). Leaves 0, 1, 2 hold
 * 10, 20, 30.
 */
function handMade(): HgbState {
  const catBitsets = new Uint32Array(8);
  catBitsets[0] = 0b1010;
  const knownCategories = new Uint32Array(16);
  knownCategories[8] = 0b1111;
  const trees: TreeArrays = {
    roots: Int32Array.of(0),
    feature: Int32Array.of(0, 1),
    threshold: Float64Array.of(0.5, 0),
    left: Int32Array.of(1, ~0),
    right: Int32Array.of(~2, ~1),
    missingLeft: Uint8Array.of(0, 1),
    bitsetIndex: Int32Array.of(-1, 0),
    catBitsets,
    knownCategories,
    leafValue: Float64Array.of(10, 20, 30),
  };
  return {
    loss: 'squared_error',
    link: 'identity',
    nTreesPerIteration: 1,
    nIter: 1,
    nFeatures: 2,
    baseline: Float64Array.of(1),
    trees,
    trainLoss: new Float64Array(0),
    validationLoss: new Float64Array(0),
  };
}

test('numeric splits send x ≤ threshold left and NaN where the node says; categorical splits follow their bitset', () => {
  const state = handMade();
  const rows = matrix([
    [0.5, 1],
    [0.2, 0],
    [0.7, 1],
    [Number.NaN, 1],
    [0.1, Number.NaN],
    [0.1, 9],
    [0.1, 3],
  ]);
  // Unknown category 9 and NaN follow the categorical node's missing values: left.
  assert.deepEqual([...predictHgb(state, rows)], [11, 21, 31, 31, 11, 11, 11]);
});

test('predictRow gives the batch prediction and writes into the given array', () => {
  const state = handMade();
  const out = new Float64Array(1);
  const result = predictRow(state, Float64Array.of(0.2, 2), out);
  assert.equal(result, out);
  assert.equal(out[0], 21);
});

test('predictRow matches predict for regression and class probabilities for classification', async () => {
  const regression = makeFriedman1({ nSamples: 300, nFeatures: 6, seed: 3 });
  const model = await fit({ kind: 'histGradientBoosting', maxIter: 30 }, regression);
  const X = takeRows(regression.X, [0, 1, 2, 3]);
  X.data[5] = Number.NaN;
  assert.ok(model.task === 'regression');
  const batch = model.predict(X);
  const out = new Float64Array(1);
  for (let i = 0; i < 4; i++) {
    predictRow(model.state as HgbState, X.data.subarray(i * 6, (i + 1) * 6), out);
    assert.equal(out[0], batch[i]);
  }
  for (const nClasses of [2, 3]) {
    const data = makeClassification({ nSamples: 300, nFeatures: 5, nClasses, nInformative: 3, seed: 4 });
    const classifier = await fit({ kind: 'histGradientBoosting', maxIter: 20 }, data);
    assert.ok(classifier.task !== 'regression');
    const proba = classifier.predictProba(takeRows(data.X, [7]));
    const row = predictRow(classifier.state as HgbState, data.X.data.subarray(7 * 5, 8 * 5));
    assert.equal(row.length, nClasses);
    for (let k = 0; k < nClasses; k++) assert.ok(Math.abs(row[k]! - proba.data[k]!) < 1e-15);
  }
});
