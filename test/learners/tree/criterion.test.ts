import assert from 'node:assert/strict';
import { test } from 'node:test';
import { range } from '../../../src/data/matrix.js';
import { createCriterion } from '../../../src/learners/tree/criterion.js';

const close = (actual: number, expected: number): void =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

test('squared_error: node impurity is the variance; children and proxy follow the left part', () => {
  const criterion = createCriterion('squared_error', { kind: 'regression', y: Float64Array.of(1, 2, 3, 6) });
  const rows = range(4);
  close(criterion.startNode(rows, 0, 4), 3.5); // mean 3, squared deviations 4 1 0 9
  criterion.moveLeft(rows, 0, 2);
  assert.equal(criterion.weightedLeft, 2);
  assert.equal(criterion.weightedRight, 2);
  const out = new Float64Array(2);
  criterion.childImpurities(out);
  close(out[0]!, 0.25);
  close(out[1]!, 2.25);
  close(criterion.proxyImprovement(), 3 ** 2 / 2 + 9 ** 2 / 2);
  const value = new Float64Array(1);
  criterion.nodeValue(value, 0);
  assert.equal(value[0], 3);
});

test('squared_error with sample weights: weighted mean and variance', () => {
  const criterion = createCriterion('squared_error', {
    kind: 'regression',
    y: Float64Array.of(0, 4),
    sampleWeight: Float64Array.of(3, 1),
  });
  // Weighted mean 1; weighted variance (3·1 + 1·9) / 4 = 3.
  close(criterion.startNode(range(2), 0, 2), 3);
  assert.equal(criterion.weightedNode, 4);
});

test('gini is 1 - Σ p² and entropy is in bits', () => {
  const target = { kind: 'classification' as const, y: Int32Array.of(0, 0, 1, 1), nClasses: 2 };
  close(createCriterion('gini', target).startNode(range(4), 0, 4), 0.5);
  close(createCriterion('entropy', target).startNode(range(4), 0, 4), 1);
  const three = { kind: 'classification' as const, y: Int32Array.of(0, 1, 2, 2), nClasses: 3 };
  close(createCriterion('gini', three).startNode(range(4), 0, 4), 1 - (1 / 16 + 1 / 16 + 1 / 4));
  close(createCriterion('entropy', three).startNode(range(4), 0, 4), 1.5);
});

test('class counts: a pure left part has impurity 0 and the node value is class proportions', () => {
  const criterion = createCriterion('gini', {
    kind: 'classification',
    y: Int32Array.of(1, 1, 0, 2),
    nClasses: 3,
  });
  const rows = range(4);
  criterion.startNode(rows, 0, 4);
  criterion.moveLeft(rows, 0, 2);
  const out = new Float64Array(2);
  criterion.childImpurities(out);
  assert.equal(out[0], 0);
  close(out[1]!, 0.5);
  // Proxy: -(2 · 0.5 + 2 · 0).
  close(criterion.proxyImprovement(), -1);
  const value = new Float64Array(3);
  criterion.nodeValue(value, 0);
  assert.deepEqual([...value], [0.25, 0.5, 0.25]);
});
