import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { classCounts } from '../../../src/learners/naive-bayes/class-counts.js';
import type { ClassificationData } from '../../../src/learners/types.js';

const data: ClassificationData = {
  task: 'binary',
  X: matrix([
    [1, 0],
    [2, 3],
    [0, 5],
  ]),
  features: [
    { name: 'a', kind: 'numeric' },
    { name: 'b', kind: 'numeric' },
  ],
  y: Int32Array.of(0, 1, 1),
  classes: ['n', 'y'],
  sampleWeight: Float64Array.of(2, 1, 0.5),
};

test('classCounts sums the weighted rows of each class', () => {
  const { classCount, featureCount } = classCounts(data, null);
  assert.deepEqual([...classCount], [2, 1.5]);
  assert.deepEqual([...featureCount], [2, 0, 2, 5.5]);
});

test('classCounts with a threshold counts the weight of rows whose value is above it', () => {
  const { featureCount } = classCounts(data, 1);
  assert.deepEqual([...featureCount], [0, 0, 1, 1.5]);
});
