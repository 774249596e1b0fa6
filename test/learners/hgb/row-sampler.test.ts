import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowSampler } from '../../../src/learners/hgb/row-sampler.js';

test('without subsampling every row is used, in order', () => {
  const sampler = rowSampler(5, 1, 0);
  sampler.draw();
  const partition = new Uint32Array(5);
  assert.equal(sampler.fill(partition), 5);
  assert.deepEqual([...partition], [0, 1, 2, 3, 4]);
  assert.equal(sampler.outOfSample.length, 0);
});

test('a sample holds round(fraction · n) distinct rows, ascending; the others are out of sample', () => {
  const sampler = rowSampler(100, 0.3, 7);
  const partition = new Uint32Array(100);
  sampler.draw();
  const m = sampler.fill(partition);
  assert.equal(m, 30);
  const sample = [...partition.subarray(0, m)];
  assert.deepEqual(
    sample,
    [...sample].sort((a, b) => a - b),
  );
  assert.equal(new Set(sample).size, 30);
  assert.deepEqual(
    [...sample, ...sampler.outOfSample].sort((a, b) => a - b),
    Array.from({ length: 100 }, (_, i) => i),
  );
});

test('samples are seeded and change from one draw to the next', () => {
  const draws = (seed: number): number[][] => {
    const sampler = rowSampler(50, 0.5, seed);
    const partition = new Uint32Array(50);
    return [0, 1].map(() => {
      sampler.draw();
      return [...partition.subarray(0, sampler.fill(partition))];
    });
  };
  assert.deepEqual(draws(3), draws(3));
  assert.notDeepEqual(draws(3)[0], draws(3)[1]);
  assert.notDeepEqual(draws(3)[0], draws(4)[0]);
});
