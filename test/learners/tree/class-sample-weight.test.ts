import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrix } from '../../../src/data/matrix.js';
import { classSampleWeight, weightedRows } from '../../../src/learners/tree/class-sample-weight.js';

const X = matrix([[0], [1], [2], [3]]);
const features = [{ name: 'x', kind: 'numeric' as const }];
const binary = { task: 'binary' as const, X, features, y: Int32Array.of(0, 0, 0, 1), classes: ['no', 'yes'] };

test('classSampleWeight: "balanced" weighs each class n / (classes · count), times sampleWeight', () => {
  assert.deepEqual([...classSampleWeight('t', 'balanced', binary)!], [2 / 3, 2 / 3, 2 / 3, 2]);
  const weighted = { ...binary, sampleWeight: Float64Array.of(1, 2, 3, 4) };
  assert.deepEqual([...classSampleWeight('t', 'balanced', weighted)!], [2 / 3, 4 / 3, 2, 8]);
});

test('classSampleWeight: a record weighs the classes it names, others 1; null keeps sampleWeight', () => {
  assert.deepEqual([...classSampleWeight('t', { yes: 5 }, binary)!], [1, 1, 1, 5]);
  assert.equal(classSampleWeight('t', null, binary), undefined);
  const sampleWeight = Float64Array.of(1, 2, 3, 4);
  assert.equal(classSampleWeight('t', null, { ...binary, sampleWeight }), sampleWeight);
});

test('classSampleWeight refuses class weights for regression and unknown labels, naming them', () => {
  const regression = { task: 'regression' as const, X, features, y: Float64Array.of(1, 2, 3, 4) };
  assert.throws(
    () => classSampleWeight('decisionTree', { a: 1 }, regression),
    /decisionTree: classWeight is for classification; received \{"a":1\} with a regression target/,
  );
  assert.throws(
    () => classSampleWeight('decisionTree', { maybe: 1 }, binary),
    /decisionTree: classWeight names class "maybe", which is not among the classes \(no, yes\)/,
  );
});

test('weightedRows keeps the rows weighing more than 0, and refuses all-zero weights', () => {
  assert.deepEqual([...weightedRows('t', Float64Array.of(1, 0, 2, 0), 4)], [0, 2]);
  assert.deepEqual([...weightedRows('t', undefined, 3)], [0, 1, 2]);
  assert.throws(
    () => weightedRows('randomForest', Float64Array.of(0, 0), 2),
    /randomForest: every row weighs 0/,
  );
});
