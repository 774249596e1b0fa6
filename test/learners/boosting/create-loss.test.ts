import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLoss, resolveLoss } from '../../../src/learners/boosting/create-loss.js';

test('"auto" is squared_error for regression and log_loss for classification', () => {
  assert.equal(resolveLoss('gb', 'auto', 'regression'), 'squared_error');
  assert.equal(resolveLoss('gb', 'auto', 'binary'), 'log_loss');
  assert.equal(resolveLoss('gb', 'quantile', 'regression'), 'quantile');
});

test('a loss of the other task is refused, naming it', () => {
  assert.throws(
    () => resolveLoss('gb', 'log_loss', 'regression'),
    /gb: loss "log_loss" is for classification/,
  );
  assert.throws(
    () => resolveLoss('gb', 'absolute_error', 'multiclass'),
    /gb: loss "absolute_error" is for regression/,
  );
});

test('log loss fits one tree per stage for two classes, one per class for more', () => {
  assert.equal(createLoss('log_loss', 0.9, 2).nOutputs, 1);
  assert.equal(createLoss('log_loss', 0.9, 4).nOutputs, 4);
  assert.equal(createLoss('huber', 0.9, 1).nOutputs, 1);
});
