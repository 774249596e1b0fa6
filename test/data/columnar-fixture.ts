// The columnar fixtures (written by scripts/fixtures/columnar.ts) and the checks the Parquet and Arrow
// tests share.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/data/csv.js';
import type { Dataset } from '../../src/data/dataset.js';

/** The absolute path of a file in test/fixtures/columnar/. */
export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/columnar/${name}`, import.meta.url));

/** The bytes of a file in test/fixtures/columnar/. */
export const fixtureBytes = (name: string): Uint8Array => readFileSync(fixturePath(name));

/** The values the generator wrote, per column: numbers, texts, null for missing. */
export const expected = JSON.parse(readFileSync(fixturePath('expected.json'), 'utf8')) as Record<
  string,
  { kind: 'numeric' | 'categorical'; values: (number | string | null)[] }
>;

/** The levels each categorical column must have: the texts that occur, sorted as sortLevels does. */
export const expectedLevels: Record<string, string[]> = {
  colour: ['10', 'blue', 'green', 'grün', 'red', 'Ω-7'], // code-point order: digits, lower case, then non-ASCII
  cylinders: ['4', '6', '8', '10', '12'], // all numbers: numeric order
  grade: ['A', 'B', 'C', 'D'], // the Arrow dictionary is [C, A, B, D, E]; E never occurs
};

/** The value a dataset holds at a row, as the generator wrote it (a level's text for categories). */
export function cell(dataset: Dataset, name: string, row: number): number | string | null {
  const column = dataset.columns.find((c) => c.name === name)!;
  const value = column.values[row]!;
  if (Number.isNaN(value)) return null;
  return column.kind === 'categorical' ? column.levels![value]! : value;
}

/** Asserts the dataset holds the fixture table exactly: names, kinds, levels, every value. */
export function assertFixtureTable(dataset: Dataset): void {
  const names = Object.keys(expected);
  assert.equal(dataset.nRows, 300);
  assert.deepEqual(
    dataset.columns.map((c) => c.name),
    names,
  );
  for (const column of dataset.columns) {
    const { kind, values } = expected[column.name]!;
    assert.equal(column.kind, kind, column.name);
    if (kind === 'categorical') assert.deepEqual(column.levels, expectedLevels[column.name], column.name);
    const actual = values.map((_, row) => cell(dataset, column.name, row));
    assert.deepEqual(actual, values, column.name);
  }
}

/** The same table read from its CSV copy by parseCsv (cylinders are digits: categorical as in the file). */
export function csvCopy(): Dataset {
  return parseCsv(readFileSync(fixturePath('table.csv'), 'utf8'), { kinds: { cylinders: 'categorical' } });
}
