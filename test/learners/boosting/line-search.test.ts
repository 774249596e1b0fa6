import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoostingLoss } from '../../../src/learners/boosting/boosting-loss.js';
import { lineSearchLeaves } from '../../../src/learners/boosting/line-search.js';

test('each leaf gets the loss’s value over its own rows, in ascending row order; empty leaves keep theirs', () => {
  const seen: number[][] = [];
  const loss: BoostingLoss = {
    nOutputs: 1,
    initRaw: () => Float64Array.of(0),
    negativeGradient: () => {},
    value: () => 0,
    leafValue: (_target, _raw, _k, _residual, rows, start, end) => {
      seen.push([...rows.subarray(start, end)]);
      return end - start;
    },
  };
  const leafOf = Int32Array.of(2, 1, 2, 4, 1, 2);
  const values = Float64Array.of(-1, -1, -1, -1, -1);
  const target = { y: new Float64Array(6), sampleWeight: undefined };
  const rows = Uint32Array.of(0, 1, 2, 4, 5); // row 3 is out of the sample
  lineSearchLeaves(loss, target, new Float64Array(6), 0, new Float64Array(6), rows, leafOf, values);
  assert.deepEqual(seen, [
    [1, 4],
    [0, 2, 5],
  ]);
  assert.deepEqual([...values], [-1, 2, 3, -1, -1]);
});
