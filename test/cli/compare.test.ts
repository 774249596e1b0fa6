import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Row {
  name: string;
  scores: Record<string, number>;
  std?: Record<string, number>;
  fitTimeMs: number;
  predictTimeMs: number;
  error?: string;
}

test('compare on the bundled cars data ranks every regressor with R², MSE, MAE and times', () => {
  const { status, stdout, stderr } = run('compare', '--json', '--quiet');
  assert.equal(status, 0, stderr);
  const board = JSON.parse(stdout) as { task: string; target: string; rows: Row[] };
  assert.equal(board.task, 'regression');
  assert.equal(board.target, 'Miles_per_Gallon');
  const names = board.rows.map((r) => r.name);
  const required = [
    'linear regression',
    'ridge',
    'SGD',
    'SVR (linear)',
    'SVR (poly)',
    'SVR (rbf)',
    'KNN (uniform)',
    'KNN (distance)',
    'decision tree',
    'random forest',
    'extra trees',
    'gradient boosting',
    'hist. gradient boosting',
    'MLP',
    'baseline (mean)',
    'stacking → ridge',
    'blending → ridge',
    'ensemble selection',
    'voting (rf, et, gb, svr, knn)',
  ];
  for (const name of required) assert.ok(names.includes(name), `${name} is on the leaderboard`);
  for (const row of board.rows) {
    assert.equal(row.error, undefined, `${row.name}: ${row.error}`);
    for (const metric of ['r2', 'mse', 'rmse', 'mae', 'mape'])
      assert.ok(Number.isFinite(row.scores[metric]), `${row.name} ${metric}`);
    assert.ok(row.fitTimeMs >= 0 && row.predictTimeMs >= 0);
  }
  const r2 = board.rows.map((r) => r.scores.r2!);
  assert.deepEqual(
    r2,
    [...r2].sort((a, b) => b - a),
    'sorted by R², best first',
  );
  // Auto MPG is an easy problem: every real learner explains most of the variance.
  assert.ok(r2[0]! > 0.8, `best R² ${r2[0]}`);
});

test('compare prints a text leaderboard by default, and progress lines on stderr', () => {
  const { status, stdout, stderr } = run('compare', '--dataset', 'penguins');
  assert.equal(status, 0, stderr);
  assert.match(stdout, /target Species/);
  assert.match(stdout, /accuracy/);
  assert.match(stdout, /logistic regression/);
  assert.match(stderr, /\[\d+\/\d+\] logistic regression/);
});

test('compare --cv reports mean ± std over folds', () => {
  const { status, stdout, stderr } = run('compare', '--dataset', 'penguins', '--cv', '3', '--json', '-q');
  assert.equal(status, 0, stderr);
  const board = JSON.parse(stdout) as { evaluation: { kind: string; folds: number }; rows: Row[] };
  assert.deepEqual(board.evaluation, { kind: 'cv', folds: 3, rows: 344 });
  const best = board.rows[0]!;
  assert.ok(best.scores.accuracy! > 0.95, `best accuracy ${best.scores.accuracy}`);
  assert.ok(Number.isFinite(best.std?.accuracy));
});

test('compare --test-file scores on an explicit test set with columns in another order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stacklearn-'));
  const lines = readFileSync(join(root, 'data/cars.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const order = [...header.keys()].reverse();
  const reorder = (line: string): string => {
    const cells = line.split(',');
    return order.map((j) => cells[j]).join(',');
  };
  // Alternate rows: the file is ordered by model year, and a test set of the last years only would be extrapolation.
  const body = lines.slice(1);
  const trainLines = body.filter((_, i) => i % 4 !== 3);
  const testLines = body.filter((_, i) => i % 4 === 3);
  writeFileSync(join(dir, 'train.csv'), `${[lines[0]!, ...trainLines].join('\n')}\n`);
  writeFileSync(join(dir, 'test.csv'), `${[lines[0]!, ...testLines].map(reorder).join('\n')}\n`);
  const { status, stdout, stderr } = run(
    'compare',
    join(dir, 'train.csv'),
    '--target',
    'Miles_per_Gallon',
    '--test-file',
    join(dir, 'test.csv'),
    '--json',
    '-q',
  );
  assert.equal(status, 0, stderr);
  const board = JSON.parse(stdout) as { evaluation: { trainRows: number; testRows: number }; rows: Row[] };
  assert.equal(board.evaluation.trainRows, 299);
  assert.equal(board.evaluation.testRows, 99);
  assert.ok(board.rows[0]!.scores.r2! > 0.8, `best R² ${board.rows[0]!.scores.r2}`);
});

test('compare refuses a file without --target, and an unknown target, naming the columns', () => {
  const noTarget = run('compare', 'data/cars.csv');
  assert.equal(noTarget.status, 1);
  assert.match(
    noTarget.stderr,
    /--target is required with a file; the columns of data\/cars.csv are: Miles_per_Gallon, Cylinders/,
  );
  const unknown = run('compare', 'data/cars.csv', '--target', 'mpg');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /mpg/);
  assert.match(unknown.stderr, /Miles_per_Gallon/);
  assert.doesNotMatch(unknown.stderr, /\n\s+at /, 'no stack trace for bad input');
});

test('compare --help lists its options', () => {
  const { status, stdout } = run('compare', '--help');
  assert.equal(status, 0);
  for (const flag of ['--target', '--task', '--test-size', '--seed', '--test-file', '--cv', '--json']) {
    assert.match(stdout, new RegExp(flag));
  }
});
