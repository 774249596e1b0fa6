import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bundledDatasets, loadBundled, readDataset } from '../../src/data/read-file.js';

const folder = mkdtempSync(join(tmpdir(), 'stacklearn-read-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

test('readDataset reads .csv, .tsv and .json files by extension', async () => {
  const csv = await readDataset(file('a.csv', 'x,c\n1,a\n2,b\n'));
  const tsv = await readDataset(file('a.TSV', 'x\tc\n1\ta\n2\tb\n'));
  const json = await readDataset(file('a.json', '[{"x": 1, "c": "a"}, {"x": 2, "c": "b"}]'));
  for (const dataset of [csv, tsv, json]) {
    assert.equal(dataset.nRows, 2);
    assert.deepEqual(
      dataset.columns.map((c) => [c.name, c.kind]),
      [
        ['x', 'numeric'],
        ['c', 'categorical'],
      ],
    );
  }
  const options = await readDataset(file('b.csv', 'x,c\n1,a\n'), { kinds: { x: 'categorical' } });
  assert.equal(options.columns[0]!.kind, 'categorical');
});

test('readDataset refuses an unknown extension and a missing file, naming the path', async () => {
  await assert.rejects(
    readDataset(file('a.xlsx', '')),
    /cannot read ".*a\.xlsx": unknown file type "\.xlsx"; expected \.csv, \.tsv, \.json, \.parquet, \.arrow, \.feather, \.ipc or \.arrows/,
  );
  await assert.rejects(readDataset(join(folder, 'nope.csv')), /file not found: ".*nope\.csv"/);
  mkdirSync(join(folder, 'dir.csv'));
  await assert.rejects(readDataset(join(folder, 'dir.csv')), /".*dir\.csv" is a directory, not a data file/);
});

test('readDataset prefixes parse errors with the file path', async () => {
  const path = file('empty.csv', '');
  await assert.rejects(
    readDataset(path),
    (error: Error) => error.message === `${path}: the CSV file is empty: expected a header row and data rows`,
  );
});

test('bundledDatasets lists cars (the default) and penguins with existing files', async () => {
  assert.deepEqual(
    bundledDatasets.map((d) => [d.name, d.target, d.task]),
    [
      ['cars', 'Miles_per_Gallon', 'regression'],
      ['penguins', 'Species', 'classification'],
    ],
  );
  const cars = await loadBundled('cars');
  assert.equal(cars.dataset.nRows, 398);
  assert.equal(cars.target, 'Miles_per_Gallon');
  const penguins = await loadBundled('penguins');
  assert.equal(penguins.dataset.nRows, 344);
  assert.equal(penguins.task, 'classification');
  await assert.rejects(loadBundled('iris'), /unknown bundled data set "iris"; available: cars, penguins/);
});
