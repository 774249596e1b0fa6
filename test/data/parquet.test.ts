import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseParquet } from '../../src/data/parquet.js';
import { readDataset } from '../../src/data/read-file.js';
import {
  assertFixtureTable,
  cell,
  csvCopy,
  expected,
  fixtureBytes,
  fixturePath,
} from './columnar-fixture.js';

// Both files are written by arrow-rs (parquet-wasm): snappy + dictionary pages + data page v1 in row
// groups of 128, and zstd + plain encoding + data page v2 in row groups of 64 with small pages.
for (const file of ['table.parquet', 'table-zstd.parquet']) {
  test(`parseParquet reads ${file} as written: ints, int64, floats, decimal, booleans, text, date, timestamp, nulls`, async () => {
    assertFixtureTable(await parseParquet(fixtureBytes(file)));
  });
}

test('parseParquet gives the same dataset as parseCsv on the CSV copy of the table', async () => {
  const parquet = await parseParquet(fixtureBytes('table.parquet'));
  assert.deepEqual(parquet, csvCopy());
});

test('parseParquet accepts an ArrayBuffer and a Uint8Array view into a larger buffer', async () => {
  const bytes = fixtureBytes('table.parquet');
  const padded = new Uint8Array(bytes.length + 16);
  padded.set(bytes, 8);
  const fromView = await parseParquet(padded.subarray(8, 8 + bytes.length));
  const fromBuffer = await parseParquet(padded.slice(8, 8 + bytes.length).buffer);
  assertFixtureTable(fromView);
  assert.deepEqual(fromBuffer, fromView);
});

test('parseParquet reads only the columns asked for, in that order', async () => {
  const dataset = await parseParquet(fixtureBytes('table.parquet'), { columns: ['grade', 'price'] });
  assert.deepEqual(
    dataset.columns.map((c) => [c.name, c.kind]),
    [
      ['grade', 'categorical'],
      ['price', 'numeric'],
    ],
  );
  assert.equal(cell(dataset, 'price', 0), expected.price!.values[0]);
  await assert.rejects(
    parseParquet(fixtureBytes('table.parquet'), { columns: ['price', 'weight'] }),
    /columns: unknown column "weight"; the columns of the Parquet data are: "id", "count", "small"/,
  );
  await assert.rejects(
    parseParquet(fixtureBytes('table.parquet'), { columns: ['price', 'price'] }),
    /columns: "price" named more than once/,
  );
});

test('parseParquet kinds: a date, a boolean and a number become categories; digits become numbers', async () => {
  const dataset = await parseParquet(fixtureBytes('table.parquet'), {
    kinds: { day: 'categorical', flag: 'categorical', small: 'categorical', cylinders: 'numeric' },
  });
  assert.equal(cell(dataset, 'day', 0), '2001-01-01');
  assert.equal(cell(dataset, 'day', 3), '1967-04-07'); // 1000 days before 1970-01-01
  assert.equal(cell(dataset, 'day', 7), null);
  assert.deepEqual(dataset.columns.find((c) => c.name === 'flag')!.levels, ['false', 'true']);
  assert.equal(cell(dataset, 'flag', 0), 'true');
  assert.equal(cell(dataset, 'small', 0), '-300');
  const cylinders = dataset.columns.find((c) => c.name === 'cylinders')!;
  assert.equal(cylinders.kind, 'numeric');
  assert.deepEqual([...cylinders.values.subarray(0, 6)], [4, 6, 8, 10, 12, 4]);
  await assert.rejects(
    parseParquet(fixtureBytes('table.parquet'), { kinds: { colour: 'numeric' } }),
    /column "colour" is declared numeric but row 0 has "red", not a number/,
  );
  await assert.rejects(
    parseParquet(fixtureBytes('table.parquet'), { kinds: { weight: 'numeric' } }),
    /kinds: unknown column "weight"; the columns are: "id"/,
  );
});

test('parseParquet reads the texts listed in missing as missing, and no text by default', async () => {
  const plain = await parseParquet(fixtureBytes('table.parquet'), { columns: ['colour'] });
  assert.equal(cell(plain, 'colour', 0), 'red');
  const dataset = await parseParquet(fixtureBytes('table.parquet'), {
    columns: ['colour'],
    missing: ['red'],
  });
  assert.equal(cell(dataset, 'colour', 0), null);
  assert.deepEqual(dataset.columns[0]!.levels, ['10', 'blue', 'green', 'grün', 'Ω-7']);
});

test('parseParquet refuses an int64 beyond ±2^53, naming the column and row (2^53 itself is exact)', async () => {
  await assert.rejects(
    parseParquet(fixtureBytes('big-int64.parquet')),
    /column "big", row 2: the 64-bit integer 9007199254740993 is beyond ±2\^53/,
  );
  const x = await parseParquet(fixtureBytes('big-int64.parquet'), { columns: ['x'] });
  assert.deepEqual([...x.columns[0]!.values], [1, 2, 3]);
});

test('parseParquet refuses a nested column, naming it and its type, unless left out', async () => {
  await assert.rejects(
    parseParquet(fixtureBytes('nested.parquet')),
    /column "tags" has the Parquet type LIST, which cannot be a feature/,
  );
  const dataset = await parseParquet(fixtureBytes('nested.parquet'), { columns: ['x'] });
  assert.deepEqual([...dataset.columns[0]!.values], [1, 2]);
});

test('parseParquet refuses bytes that are not Parquet', async () => {
  await assert.rejects(
    parseParquet(new TextEncoder().encode('x,y\n1,2\n')),
    /cannot read the Parquet data: .*parquet/i,
  );
});

test('readDataset reads .parquet files, and prefixes their errors with the path', async () => {
  assertFixtureTable(await readDataset(fixturePath('table.parquet')));
  const dataset = await readDataset(fixturePath('cars.parquet'), { kinds: { Cylinders: 'categorical' } });
  assert.equal(dataset.nRows, 398);
  assert.deepEqual(dataset.columns.find((c) => c.name === 'Cylinders')!.levels, ['3', '4', '5', '6', '8']);
  const path = fixturePath('nested.parquet');
  await assert.rejects(readDataset(path), (error: Error) =>
    error.message.startsWith(`${path}: column "tags"`),
  );
});
