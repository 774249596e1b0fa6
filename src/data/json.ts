import { StacklearnError } from '../errors.js';
import { buildDataset, type Cell, type ReadOptions } from './columns.js';
import type { Dataset } from './dataset.js';

/**
 * A dataset from an array of records (JSON text or already parsed). Columns are the union of the
 * keys, in first-seen order; null, undefined and absent keys are missing; numbers stay numbers,
 * booleans become the categories "true" / "false"; kinds are inferred as for CSV.
 *
 * @example
 * const dataset = parseJsonRecords('[{"x": 1, "c": "a"}, {"x": null, "c": "b"}]');
 * dataset.columns.map((c) => c.kind) // ['numeric', 'categorical']
 */
export function parseJsonRecords(
  input: string | readonly Record<string, unknown>[],
  options: ReadOptions = {},
): Dataset {
  const records = typeof input === 'string' ? parseText(input) : (input as unknown);
  if (!Array.isArray(records)) {
    throw new StacklearnError(`JSON data must be an array of records; received ${describe(records)}`);
  }
  if (records.length === 0)
    throw new StacklearnError('the JSON array is empty: expected at least one record');
  const names: string[] = [];
  const index = new Map<string, number>();
  const cells: Cell[][] = [];
  const nRows = records.length;
  for (let i = 0; i < nRows; i++) {
    const record: unknown = records[i];
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new StacklearnError(
        `record ${i} must be an object of column values; received ${describe(record)}`,
      );
    }
    for (const [key, value] of Object.entries(record)) {
      let j = index.get(key);
      if (j === undefined) {
        j = names.length;
        index.set(key, j);
        names.push(key);
        cells.push(new Array<Cell>(nRows).fill(null));
      }
      cells[j]![i] = toCell(value, i, key);
    }
  }
  if (names.length === 0) throw new StacklearnError('the JSON records have no keys: expected named columns');
  if (index.has('')) throw new StacklearnError('a JSON record has an empty key; every column needs a name');
  return buildDataset(names, cells, nRows, options, (i) => `record ${i}`);
}

function parseText(text: string): unknown {
  if (text.trim() === '') throw new StacklearnError('the JSON text is empty: expected an array of records');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StacklearnError(`the JSON text is not valid JSON: ${(error as Error).message}`);
  }
}

function toCell(value: unknown, row: number, key: string): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    if (Number.isFinite(value)) return value;
  }
  throw new StacklearnError(
    `record ${row}, key "${key}": expected a number, a string, a boolean or null; received ${describe(value)}`,
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
