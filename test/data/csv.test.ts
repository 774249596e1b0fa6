import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../../src/data/csv.js';
import type { Dataset } from '../../src/data/dataset.js';

interface TableFacts {
  rows: number;
  columns: string[];
  numeric: string[];
  missing: Record<string, number>;
  levels: Record<string, string[]>;
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/preprocessing.json', import.meta.url), 'utf8'),
) as {
  cars: TableFacts;
  penguins: TableFacts;
};

function missingCount(dataset: Dataset, name: string): number {
  const column = dataset.columns.find((c) => c.name === name)!;
  return column.values.filter(Number.isNaN).length;
}

for (const name of ['cars', 'penguins'] as const) {
  test(`parseCsv reads data/${name}.csv as pandas does: rows, kinds, missing counts, levels`, () => {
    const text = readFileSync(new URL(`../../data/${name}.csv`, import.meta.url), 'utf8');
    const dataset = parseCsv(text);
    const facts = fixture[name];
    assert.equal(dataset.nRows, facts.rows);
    assert.deepEqual(
      dataset.columns.map((c) => c.name),
      facts.columns,
    );
    for (const column of dataset.columns) {
      assert.equal(column.kind, facts.numeric.includes(column.name) ? 'numeric' : 'categorical', column.name);
      assert.equal(missingCount(dataset, column.name), facts.missing[column.name], column.name);
      assert.equal(column.values.length, facts.rows);
      if (column.kind === 'categorical') assert.deepEqual(column.levels, facts.levels[column.name]);
    }
  });
}

test('parseCsv infers kinds, trims fields and reads the default missing tokens as NaN', () => {
  const dataset = parseCsv('x , colour,z\n 1.5 , red ,NA\n,blue,N/A\n-2e1,red,null\nNaN,NULL,nan\n');
  assert.equal(dataset.nRows, 4);
  const [x, colour, z] = dataset.columns;
  assert.deepEqual(
    dataset.columns.map((c) => [c.name, c.kind]),
    [
      ['x', 'numeric'],
      ['colour', 'categorical'],
      ['z', 'numeric'],
    ],
  );
  assert.deepEqual([...x!.values], [1.5, Number.NaN, -20, Number.NaN]);
  assert.deepEqual(colour!.levels, ['blue', 'red']);
  assert.deepEqual([...colour!.values], [1, 0, 1, Number.NaN]);
  assert.ok(z!.values.every(Number.isNaN));
});

test('parseCsv keeps text that is not a decimal number as a category (hex, Infinity)', () => {
  const dataset = parseCsv('a,b\n0x10,1\nInfinity,2\n');
  assert.equal(dataset.columns[0]!.kind, 'categorical');
  assert.deepEqual(dataset.columns[0]!.levels, ['0x10', 'Infinity']);
});

test('parseCsv sorts categorical levels: numbers numerically, text by code point', () => {
  const dataset = parseCsv('n,t\n10,b\n8,B\n9,a\n', { kinds: { n: 'categorical' } });
  assert.deepEqual(dataset.columns[0]!.levels, ['8', '9', '10']);
  assert.deepEqual([...dataset.columns[0]!.values], [2, 0, 1]);
  assert.deepEqual(dataset.columns[1]!.levels, ['B', 'a', 'b']);
});

test('parseCsv handles quoted fields with commas and newlines, a BOM, CRLF and blank lines', () => {
  const dataset = parseCsv('\uFEFFname,v\r\n"Smith, J.",1\r\n\r\n"two\nlines",2\r\n');
  assert.equal(dataset.nRows, 2);
  assert.deepEqual(dataset.columns[0]!.levels, ['Smith, J.', 'two\nlines']);
  assert.deepEqual([...dataset.columns[1]!.values], [1, 2]);
});

test('parseCsv takes a delimiter and custom missing tokens', () => {
  const dataset = parseCsv('a;b\n1;?\n2;3\n', { delimiter: ';', missing: ['?'] });
  assert.deepEqual([...dataset.columns[1]!.values], [Number.NaN, 3]);
  // With custom tokens, "NA" is text again.
  assert.equal(parseCsv('a\nNA\n1\n', { missing: ['?'] }).columns[0]!.kind, 'categorical');
});

test('parseCsv kinds force numeric columns to categorical', () => {
  const dataset = parseCsv('Cylinders,y\n8,1\n4,2\n', { kinds: { Cylinders: 'categorical' } });
  assert.equal(dataset.columns[0]!.kind, 'categorical');
  assert.deepEqual(dataset.columns[0]!.levels, ['4', '8']);
});

test('parseCsv refuses bad files with messages that say what is wrong and where', () => {
  const cases: [string, object, RegExp][] = [
    ['', {}, /the CSV file is empty/],
    ['  \n\n', {}, /the CSV file is empty/],
    ['a,b\n', {}, /has a header \("a", "b"\) but no data rows/],
    ['a,b\n1,2\n3\n', {}, /line 3 of the CSV file has 1 field; the header has 2/],
    ['a,b\n1,2,3\n', {}, /line 2 of the CSV file has 3 fields; the header has 2/],
    ['a,b,a,b,c\n1,2,3,4,5\n', {}, /duplicate column names: "a", "b"/],
    ['a,,c\n1,2,3\n', {}, /empty column name \(column 2 of 3\)/],
    ['a,b\n1,"x\n', {}, /cannot read the CSV text: .*Quote Not Closed/],
    [
      'a,b\n1,x\n2,y\n',
      { kinds: { b: 'numeric' } },
      /column "b" is declared numeric but line 2 has "x", not a number/,
    ],
    ['a,b\n1,x\n', { kinds: { c: 'numeric' } }, /kinds: unknown column "c"; the columns are: "a", "b"/],
    [
      'a,b\n1,x\n',
      { kinds: { a: 'text' } },
      /kinds: the kind of column "a" must be "numeric" or "categorical"; received "text"/,
    ],
  ];
  for (const [text, options, message] of cases) assert.throws(() => parseCsv(text, options), message);
});
