import assert from 'node:assert/strict';
import { test } from 'node:test';
import { range } from '../../../src/data/matrix.js';
import { absoluteError } from '../../../src/learners/boosting/absolute-error.js';

const target = { y: Float64Array.of(1, 2, 10, 20), sampleWeight: undefined };

test('init is the interpolated median; the gradient the sign of the residual (−1 at 0)', () => {
  const loss = absoluteError();
  assert.deepEqual([...loss.initRaw(target)], [6]);
  const out = new Float64Array(4);
  loss.negativeGradient(target, Float64Array.of(0, 2, 11, 0), 0, range(4), out);
  assert.deepEqual([...out], [1, -1, -1, 1]);
  assert.equal(loss.value(target, Float64Array.of(0, 2, 11, 0), range(4)), (1 + 0 + 1 + 20) / 4);
});

test('a leaf takes the lower (weighted) median of y − raw over its rows', () => {
  const loss = absoluteError();
  const raw = new Float64Array(4);
  const rows = Uint32Array.of(3, 0, 1, 2);
  assert.equal(loss.leafValue!(target, raw, 0, raw, rows, 1, 4), 2); // rows 0 1 2: 1 2 10
  assert.equal(loss.leafValue!(target, raw, 0, raw, rows, 0, 4), 2); // 1 2 10 20: lower median
  const weighted = { ...target, sampleWeight: Float64Array.of(1, 1, 1, 4) };
  assert.equal(loss.leafValue!(weighted, raw, 0, raw, rows, 0, 4), 20);
});
