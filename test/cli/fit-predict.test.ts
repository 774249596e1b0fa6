import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { encodeFeatures } from '../../src/data/dataset.js';
import { readDataset } from '../../src/data/read-file.js';
import '../../src/learners/builtins.js';
import { loadModel } from '../../src/persist/model-io.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'stacklearn-cli-'));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('fit saves a model whose CLI predictions equal the library predictions, columns in any order', async () => {
  const model = join(dir, 'cars.slm');
  const fitted = run('fit', '--learner', 'knn', '--out', model, '--cv', '3', '-q');
  assert.equal(fitted.status, 0, fitted.stderr);
  assert.match(fitted.stdout, /fitted knn on 398 rows × 7 features/);
  assert.match(fitted.stdout, /3-fold cross-validation/);
  // New data: columns reversed, an extra column, the target absent.
  const lines = readFileSync(join(root, 'data/cars.csv'), 'utf8').trim().split('\n').slice(0, 21);
  const rows = lines.map((line, i) => {
    const cells = line.split(',').slice(1).reverse();
    return [...cells, i === 0 ? 'note' : `car ${i}`].join(',');
  });
  writeFileSync(join(dir, 'new.csv'), `${rows.join('\n')}\n`);
  const predicted = run('predict', '--model', model, '--data', join(dir, 'new.csv'), '--id', 'note');
  assert.equal(predicted.status, 0, predicted.stderr);
  const table = parse(predicted.stdout, { columns: true }) as Record<string, string>[];
  assert.equal(table.length, 20);
  assert.deepEqual(Object.keys(table[0]!), ['note', 'Miles_per_Gallon']);
  assert.equal(table[0]!.note, 'car 1');
  const loaded = await loadModel(model);
  assert.ok(loaded.task === 'regression');
  const X = encodeFeatures(await readDataset(join(dir, 'new.csv')), loaded.info.features);
  assert.deepEqual(
    table.map((r) => Number(r.Miles_per_Gallon)),
    Array.from(loaded.predict(X)),
  );
});

test('predict --proba writes class labels and one probability column per class, to --out', () => {
  const model = join(dir, 'penguins.slm');
  assert.equal(
    run('fit', '--dataset', 'penguins', '--learner', 'logisticRegression', '--out', model, '-q').status,
    0,
  );
  const out = join(dir, 'penguins-pred.csv');
  const result = run(
    'predict',
    '--model',
    model,
    '--data',
    join(root, 'data/penguins.csv'),
    '--proba',
    '--out',
    out,
  );
  assert.equal(result.status, 0, result.stderr);
  const table = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
  assert.equal(table.length, 344);
  assert.deepEqual(Object.keys(table[0]!), ['Species', 'proba_Adelie', 'proba_Chinstrap', 'proba_Gentoo']);
  const truth = parse(readFileSync(join(root, 'data/penguins.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const correct = table.filter((r, i) => r.Species === truth[i]!.Species).length;
  assert.ok(correct > 330, `${correct} of 344 in-sample labels right`);
  for (const r of table) {
    const sum = Number(r.proba_Adelie) + Number(r.proba_Chinstrap) + Number(r.proba_Gentoo);
    assert.ok(Math.abs(sum - 1) < 1e-9);
  }
});

test('predict names a missing column, an unseen category (or treats it as missing), and text in a numeric column', () => {
  const model = join(dir, 'cars2.slm');
  assert.equal(run('fit', '--learner', 'ridge', '--out', model, '-q').status, 0);
  const header = 'Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,Origin';
  writeFileSync(join(dir, 'no-origin.csv'), `${header.replace(',Origin', '')}\n8,307,130,3504,12,1970\n`);
  const missing = run('predict', '--model', model, '--data', join(dir, 'no-origin.csv'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /Origin/);
  writeFileSync(
    join(dir, 'mars.csv'),
    `${header}\n8,307,130,3504,12,1970,USA\n4,97,88,2130,14.5,1970,Mars\n`,
  );
  const unseen = run('predict', '--model', model, '--data', join(dir, 'mars.csv'));
  assert.equal(unseen.status, 1);
  assert.match(unseen.stderr, /Mars/);
  assert.match(unseen.stderr, /Origin/);
  assert.match(unseen.stderr, /row 1/);
  const tolerated = run('predict', '--model', model, '--data', join(dir, 'mars.csv'), '--unknown', 'missing');
  assert.equal(tolerated.status, 0, tolerated.stderr);
  assert.equal(tolerated.stdout.trim().split('\n').length, 3);
  writeFileSync(join(dir, 'text.csv'), `${header}\n8,307,lots,3504,12,1970,USA\n`);
  const text = run('predict', '--model', model, '--data', join(dir, 'text.csv'));
  assert.equal(text.status, 1);
  assert.match(text.stderr, /Horsepower/);
});

test('fit refuses a spec file that is not JSON, or has no kind, and an unknown learner', () => {
  writeFileSync(join(dir, 'bad.json'), '{ kind: knn }');
  const bad = run('fit', '--spec', join(dir, 'bad.json'), '--out', join(dir, 'x.slm'));
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--spec: .*bad\.json is not valid JSON/);
  writeFileSync(join(dir, 'nokind.json'), '{ "nNeighbors": 3 }');
  assert.match(
    run('fit', '--spec', join(dir, 'nokind.json'), '--out', join(dir, 'x.slm')).stderr,
    /must hold one object with a "kind"/,
  );
  assert.match(
    run('fit', '--learner', 'forest', '--out', join(dir, 'x.slm')).stderr,
    /unknown learner kind "forest"; known kinds:/,
  );
});
