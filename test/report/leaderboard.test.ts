import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLeaderboard, formatNumber } from '../../src/report/leaderboard.js';
import type { Leaderboard } from '../../src/select/compare.js';

const board: Leaderboard = {
  task: 'regression',
  metrics: [
    { name: 'r2', label: 'R²', greaterIsBetter: true },
    { name: 'mse', label: 'MSE', greaterIsBetter: false },
  ],
  main: { name: 'r2', label: 'R²', greaterIsBetter: true },
  evaluation: { kind: 'holdout', trainRows: 300, testRows: 100 },
  rows: [
    {
      name: 'ridge',
      group: 'learner',
      spec: { kind: 'ridge' },
      scores: { r2: 0.81234, mse: 12.5 },
      fitTimeMs: 1.25,
      predictTimeMs: 0.0421,
    },
    {
      name: 'baseline (mean)',
      group: 'baseline',
      spec: { kind: 'dummy' },
      scores: { r2: -0.002, mse: 64 },
      fitTimeMs: 0.1,
      predictTimeMs: 0.01,
    },
    {
      name: 'knn',
      group: 'learner',
      spec: { kind: 'knn' },
      scores: {},
      fitTimeMs: Number.NaN,
      predictTimeMs: Number.NaN,
      error: 'boom',
    },
  ],
};

test('formatLeaderboard prints a ranked, aligned table with every metric, times, and failures last', () => {
  const lines = formatLeaderboard(board).split('\n');
  assert.match(
    lines[0]!,
    /regression — 300 training rows, 100 test rows; sorted by R² \(higher is better\); \+ = ensemble, \* = baseline/,
  );
  assert.match(lines[1]!, /#\s+model\s+R²\s+MSE\s+fit ms\s+predict ms/);
  assert.match(lines[3]!, /^1\s+ridge\s+0\.8123\s+12\.5\s+1\.3\s+0\.042$/);
  assert.match(lines[4]!, /^2\s+baseline \(mean\) \*/);
  assert.match(lines[5]!, /^-\s+knn\s+failed: boom$/);
  assert.equal(lines[1]!.length, lines[3]!.length);
});

test('formatNumber keeps four significant digits without exponents for everyday values', () => {
  assert.equal(formatNumber(0.123456), '0.1235');
  assert.equal(formatNumber(12345.678), '12345.7');
  assert.equal(formatNumber(1.5e-7), '1.500e-7');
  assert.equal(formatNumber(0), '0');
});
