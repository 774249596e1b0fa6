import { parse } from 'csv-parse/sync';
import { StacklearnError } from '../errors.js';
import { buildDataset, listNames, type ReadOptions } from './columns.js';
import type { Dataset } from './dataset.js';

/**
 * A dataset from CSV text with a header row (quoted fields, embedded newlines and a byte-order mark
 * are handled by `csv-parse`). Fields are trimmed; missing tokens become NaN; each column's kind is
 * inferred (every non-missing value a number → numeric, else categorical) unless `kinds` says.
 *
 * @example
 * const dataset = parseCsv('x,colour\n1.5,red\n,blue', { kinds: { x: 'numeric' } });
 * dataset.columns[0].values // Float64Array [1.5, NaN]
 */
export function parseCsv(text: string, options: ReadOptions = {}): Dataset {
  if (text.trim() === '')
    throw new StacklearnError('the CSV file is empty: expected a header row and data rows');
  const delimiter = options.delimiter ?? ',';
  const records = parseRecords(text, delimiter, false) as string[][];
  const header = records[0]!;
  checkHeader(header);
  if (records.length === 1) {
    throw new StacklearnError(`the CSV file has a header (${listNames(header, 10)}) but no data rows`);
  }
  // Line numbers (records may span lines) are only needed for error messages: parse again then.
  let lines: number[] | undefined;
  const lineOf = (row: number): number => {
    lines ??= (parseRecords(text, delimiter, true) as { info: { lines: number } }[]).map((r) => r.info.lines);
    return lines[row + 1]!;
  };
  const nCols = header.length;
  const nRows = records.length - 1;
  const cells = header.map(() => new Array<string>(nRows));
  for (let i = 0; i < nRows; i++) {
    const record = records[i + 1]!;
    if (record.length !== nCols) {
      throw new StacklearnError(
        `line ${lineOf(i)} of the CSV file has ${record.length} field${record.length === 1 ? '' : 's'}; the header has ${nCols}`,
      );
    }
    for (let j = 0; j < nCols; j++) cells[j]![i] = record[j]!;
  }
  return buildDataset(header, cells, nRows, options, (i) => `line ${lineOf(i)}`);
}

function parseRecords(text: string, delimiter: string, info: boolean): unknown[] {
  try {
    return parse(text, {
      delimiter,
      bom: true,
      trim: true,
      info,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new StacklearnError(`cannot read the CSV text: ${(error as Error).message}`);
  }
}

function checkHeader(names: readonly string[]): void {
  const empty = names.indexOf('');
  if (empty >= 0) {
    throw new StacklearnError(
      `the CSV header has an empty column name (column ${empty + 1} of ${names.length}); every column needs a name`,
    );
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  if (duplicates.size > 0) {
    throw new StacklearnError(`the CSV header has duplicate column names: ${listNames([...duplicates])}`);
  }
}
