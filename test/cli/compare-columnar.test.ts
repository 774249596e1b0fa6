import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Board {
  task: string;
  rows: { name: string; scores: Record<string, number> }[];
}

test('compare on cars.parquet gives the scores of compare on cars.csv (same data, other format)', () => {
  const scores = (file: string) => {
    const { status, stdout, stderr } = run('compare', file, '--target', 'Miles_per_Gallon', '--json', '-q');
    assert.equal(status, 0, stderr);
    const board = JSON.parse(stdout) as Board;
    assert.equal(board.task, 'regression');
    return Object.fromEntries(board.rows.map((row) => [row.name, row.scores]));
  };
  const parquet = scores('test/fixtures/columnar/cars.parquet');
  assert.ok(Object.keys(parquet).length > 5);
  assert.deepEqual(parquet, scores('data/cars.csv'));
});

test('compare on an Arrow file without --target lists its columns', () => {
  const { status, stderr } = run('compare', 'test/fixtures/columnar/table-lz4.feather');
  assert.equal(status, 1);
  assert.match(
    stderr,
    /--target is required with a file; the columns of .*table-lz4\.feather are: id, count, small/,
  );
});
