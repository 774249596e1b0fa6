// Column building shared by the readers (CSV, JSON): missing tokens, kind inference, level coding.
import { StacklearnError } from '../errors.js';
import type { Column, Dataset } from './dataset.js';

/** Options of the readers (CSV, TSV, JSON records), e.g. `{ kinds: { Cylinders: 'categorical' }, missing: ['?'] }`. */
export interface ReadOptions {
  /** Forces the kind of some columns, by name: `{ Cylinders: 'categorical' }`. */
  readonly kinds?: Readonly<Record<string, 'numeric' | 'categorical'>>;
  /** Text that means "missing" (after trimming); default {@link defaultMissing}. */
  readonly missing?: readonly string[];
  /** Field separator of CSV text: ',' by default, '\t' for .tsv files. */
  readonly delimiter?: string;
}

/**
 * The text read as a missing value unless `missing` says otherwise.
 *
 * @example
 * parseCsv(text, { missing: [...defaultMissing, '?'] })
 */
export const defaultMissing: readonly string[] = ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan'];

/** One raw cell as a reader found it: text (`'3.5'`, `'NA'`), a number, or null when absent. */
export type Cell = string | number | null;

/** Where a row sits, for error messages: "line 12" (CSV), "record 3" (JSON). */
export type RowName = (row: number) => string;

// Decimal numbers only: "0x10", "Infinity" or "1_000" stay text (a model needs finite numbers).
const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Builds a column-major dataset from raw cells (one array per column). A column whose every
 * non-missing cell is a finite number (or decimal text) is numeric, otherwise categorical;
 * `options.kinds` overrides the inference.
 *
 * @example
 * buildDataset(['a', 'b'], [[1, null], ['x', 'y']], 2, {}, (i) => `row ${i}`)
 */
export function buildDataset(
  names: readonly string[],
  cells: readonly (readonly Cell[])[],
  nRows: number,
  options: ReadOptions,
  rowName: RowName,
): Dataset {
  const kinds = options.kinds ?? {};
  for (const [name, kind] of Object.entries(kinds)) {
    if (!names.includes(name)) {
      throw new StacklearnError(`kinds: unknown column "${name}"; the columns are: ${listNames(names)}`);
    }
    if (kind !== 'numeric' && kind !== 'categorical') {
      throw new StacklearnError(
        `kinds: the kind of column "${name}" must be "numeric" or "categorical"; received ${JSON.stringify(kind)}`,
      );
    }
  }
  const missing = new Set(options.missing ?? defaultMissing);
  const columns = names.map((name, j) => buildColumn(name, cells[j]!, nRows, kinds[name], missing, rowName));
  return { nRows, columns };
}

function buildColumn(
  name: string,
  cells: readonly Cell[],
  nRows: number,
  forced: 'numeric' | 'categorical' | undefined,
  missing: ReadonlySet<string>,
  rowName: RowName,
): Column {
  const values = new Float64Array(nRows);
  let firstText = -1;
  for (let i = 0; i < nRows; i++) {
    const cell = cells[i] ?? null;
    const value = typeof cell === 'string' ? parseText(cell, missing) : cell === null ? Number.NaN : cell;
    values[i] = value === undefined ? Number.NaN : value;
    if (value === undefined && firstText < 0) firstText = i;
  }
  const kind = forced ?? (firstText < 0 ? 'numeric' : 'categorical');
  if (kind === 'numeric') {
    if (firstText >= 0) {
      throw new StacklearnError(
        `column "${name}" is declared numeric but ${rowName(firstText)} has ${JSON.stringify(String(cells[firstText]).trim())}, not a number`,
      );
    }
    return { name, kind, values };
  }
  return categorical(name, cells, nRows, missing);
}

/** A number, NaN for a missing token, or undefined for other text. */
function parseText(text: string, missing: ReadonlySet<string>): number | undefined {
  const trimmed = text.trim();
  if (missing.has(trimmed)) return Number.NaN;
  const value = parseDecimal(trimmed);
  return Number.isNaN(value) ? undefined : value;
}

/**
 * The finite number that decimal text spells, or NaN ("0x10", "Infinity", "1,5" are not numbers).
 *
 * @example
 * parseDecimal(' 2.5e3 ') // 2500
 */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  if (!decimal.test(trimmed)) return Number.NaN;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

function categorical(
  name: string,
  cells: readonly Cell[],
  nRows: number,
  missing: ReadonlySet<string>,
): Column {
  const seen = new Map<string, number>();
  const firstCodes = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const cell = cells[i] ?? null;
    const text = cell === null ? null : typeof cell === 'number' ? String(cell) : cell.trim();
    if (text === null || Number.isNaN(cell) || (typeof cell === 'string' && missing.has(text))) {
      firstCodes[i] = Number.NaN;
      continue;
    }
    let code = seen.get(text);
    if (code === undefined) {
      code = seen.size;
      seen.set(text, code);
    }
    firstCodes[i] = code;
  }
  const levels = sortLevels([...seen.keys()]);
  // Recode from first-seen order to sorted order.
  const recode = new Float64Array(levels.length);
  levels.forEach((level, code) => {
    recode[seen.get(level)!] = code;
  });
  const values = firstCodes.map((code) => (Number.isNaN(code) ? code : recode[code]!));
  return { name, kind: 'categorical', values, levels };
}

/**
 * Levels in a stable sorted order: numeric order when every level is a number, otherwise
 * code-point order (the order of numpy's `np.unique`, so categories match scikit-learn's).
 *
 * @example
 * sortLevels(['b', 'a']) // ['a', 'b'];  sortLevels(['10', '8']) // ['8', '10']
 */
export function sortLevels(levels: readonly string[]): string[] {
  const allNumbers = levels.every((level) => decimal.test(level));
  return allNumbers
    ? [...levels].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))
    : [...levels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Names for an error message, quoted and shortened after `max`.
 *
 * @example
 * listNames(['a', 'b']) // '"a", "b"'
 */
export function listNames(names: readonly string[], max = 20): string {
  const shown = names.slice(0, max).map((name) => JSON.stringify(name));
  return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}
