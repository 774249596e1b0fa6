import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'stacklearn-search-'));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('search ranks every grid candidate by cross-validated R² and saves the refitted best', () => {
  const out = join(dir, 'best.slm');
  const result = run(
    'search',
    '--learner',
    'knn',
    '--space',
    'examples/knn-space.json',
    '--cv',
    '3',
    '--json',
    '-q',
    '--out',
    out,
  );
  assert.equal(result.status, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as {
    candidates: { meanScore: number; rank: number }[];
    best: { params: Record<string, unknown> };
  };
  assert.equal(parsed.candidates.length, 12);
  const scores = parsed.candidates.map((c) => c.meanScore);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  );
  assert.ok('estimator.nNeighbors' in parsed.best.params);
  const predicted = run('predict', '--model', out, '--data', 'data/cars.csv');
  assert.equal(predicted.status, 0, predicted.stderr);
});

test('search --random draws the asked number of candidates; a bad space names the parameter', () => {
  writeFileSync(
    join(dir, 'space.json'),
    JSON.stringify({ alpha: { distribution: 'logUniform', low: 0.001, high: 100 } }),
  );
  const random = run(
    'search',
    '--learner',
    'ridge',
    '--space',
    join(dir, 'space.json'),
    '--random',
    '4',
    '--cv',
    '3',
    '-q',
  );
  assert.equal(random.status, 0, random.stderr);
  assert.equal((random.stdout.match(/alpha=/g) ?? []).length, 5, random.stdout); // 4 rows + the best line
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ nNeighbours: [1, 2] }));
  const bad = run('search', '--learner', 'knn', '--space', join(dir, 'bad.json'), '-q');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /nNeighbours/);
});
