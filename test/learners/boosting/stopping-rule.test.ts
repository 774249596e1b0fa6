import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStoppingRule } from '../../../src/learners/boosting/stopping-rule.js';

test('goes on while the loss beats one of the last nIterNoChange recorded losses by more than tol', () => {
  const keepGoing = createStoppingRule(2, 0.1);
  const losses = [1, 0.8, 0.75, 0.6, 0.72];
  // 1 and 0.8 beat ∞; 0.75 beats 1 (and replaces it); 0.6 beats 0.8 (and replaces it);
  // 0.72 is not better by 0.1 than 0.75 or 0.6.
  assert.deepEqual(
    losses.map((loss, i) => keepGoing(loss, i)),
    [true, true, true, true, false],
  );
});

test('tol 0: any improvement on one of the last losses counts', () => {
  const keepGoing = createStoppingRule(3, 0);
  assert.deepEqual(
    [5, 4, 3, 3, 3, 3].map((loss, i) => keepGoing(loss, i)),
    [true, true, true, true, true, false],
  );
});
