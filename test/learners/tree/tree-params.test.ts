import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveParams } from '../../../src/learners/params.js';
import { treeOptions, treeParams } from '../../../src/learners/tree/tree-params.js';

const resolve = (spec: Record<string, unknown>) => resolveParams('decisionTree', treeParams, spec);

test('treeOptions turns fractions into row and feature counts as scikit-learn rounds them', () => {
  const options = treeOptions(
    'decisionTree',
    resolve({ minSamplesSplit: 0.1, minSamplesLeaf: 0.05, maxFeatures: 0.3 }),
    'regression',
    101,
    10,
  );
  assert.equal(options.minSamplesSplit, 11); // ceil(10.1)
  assert.equal(options.minSamplesLeaf, 6); // ceil(5.05)
  assert.equal(options.maxFeatures, 3); // floor(3)
  assert.equal(options.maxDepth, Number.POSITIVE_INFINITY);
  assert.equal(options.maxLeafNodes, Number.POSITIVE_INFINITY);
});

test('treeOptions: "sqrt" and "log2" round down, 1 means all features, null means all', () => {
  const features = (maxFeatures: unknown, nCols: number) =>
    treeOptions('decisionTree', resolve({ maxFeatures }), 'binary', 50, nCols).maxFeatures;
  assert.equal(features('sqrt', 10), 3);
  assert.equal(features('log2', 10), 3);
  assert.equal(features('log2', 1), 1);
  assert.equal(features(1, 7), 7);
  assert.equal(features(null, 7), 7);
  assert.equal(features(4, 7), 4);
  assert.equal(features(0.01, 7), 1);
});

test('treeOptions: "auto" is squared_error for regression and gini for classification', () => {
  assert.equal(treeOptions('t', resolve({}), 'regression', 10, 2).criterion, 'squared_error');
  assert.equal(treeOptions('t', resolve({}), 'multiclass', 10, 2).criterion, 'gini');
  assert.equal(treeOptions('t', resolve({ criterion: 'entropy' }), 'binary', 10, 2).criterion, 'entropy');
});
