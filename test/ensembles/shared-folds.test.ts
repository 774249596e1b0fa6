import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeClassification } from '../../src/data/synthetic.js';
import { sharedFolds } from '../../src/ensembles/shared-folds.js';
import { makeFolds } from '../../src/select/folds.js';

const data = makeClassification({ nSamples: 100, nFeatures: 5, nClasses: 2, seed: 1 });

test('cv = k gives the shuffled stratified folds of makeFolds with the ensemble seed; every row covered', () => {
  const shared = sharedFolds('stacking', 4, data, 7);
  assert.deepEqual(shared.folds, makeFolds(4, data, 7));
  assert.equal(shared.covered.length, 100);
  assert.equal(shared.source, 'outOfFold');
});

test('a holdout covers only the held-out rows, stratified by class', () => {
  const shared = sharedFolds('blending', { kind: 'holdout', testSize: 0.2 }, data, 3);
  assert.equal(shared.source, 'holdout');
  assert.equal(shared.folds.length, 1);
  assert.equal(shared.covered.length, 20);
  assert.deepEqual(shared.covered, shared.folds[0]!.test);
  const ones = Array.from(shared.covered).filter((i) => data.y[i] === 1).length;
  const share = data.y.reduce((a, c) => a + c, 0) / 100;
  assert.ok(Math.abs(ones - 20 * share) <= 1);
});

test('splitters whose test sets overlap, and bad holdouts, are refused naming "cv"', () => {
  assert.throws(
    () => sharedFolds('voting', { kind: 'repeatedStratifiedKFold', nSplits: 2, nRepeats: 2 }, data, 0),
    /voting: parameter "cv": row \d+ is in more than one test set/,
  );
  assert.throws(
    () => sharedFolds('voting', { kind: 'holdout', testSize: 0 }, data, 0),
    /voting: parameter "cv": holdout: parameter "testSize" must be a number > 0; received 0/,
  );
  assert.throws(
    () => sharedFolds('voting', { kind: 'nope' } as never, data, 0),
    /voting: parameter "cv": makeFolds: unknown splitter kind "nope"/,
  );
});
