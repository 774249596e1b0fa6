// Dataset building shared by the columnar readers (Parquet, Arrow). Their files state each column's
// type, so nothing is inferred: numbers, booleans, dates and timestamps are numeric, text is
// categorical, and `kinds` can still turn one into the other as in CSV.
import { StacklearnError } from '../errors.js';
import { listNames, parseDecimal, type ReadOptions, sortLevels } from './columns.js';
import type { Column, Dataset } from './dataset.js';

/**
 * Options of `parseParquet` and `parseArrow`: the reader options plus the columns to read.
 * `missing` applies to text columns only and has no default (the files mark nulls themselves).
 *
 * @example
 * await parseParquet(bytes, { columns: ['delay', 'distance'], kinds: { distance: 'categorical' } })
 */
export interface ColumnarOptions extends ReadOptions {
  /** The columns to read, by name and in this order (default: every column, in file order). */
  readonly columns?: readonly string[];
}

/** A column as a columnar reader decoded it, before `kinds` and level sorting. */
export type ColumnDraft =
  | {
      readonly kind: 'numeric';
      readonly name: string;
      /** NaN = missing. */
      readonly values: Float64Array;
      /** How a value reads as a category when `kinds` makes the column categorical (default String). */
      readonly label?: (value: number) => string;
    }
  | {
      readonly kind: 'categorical';
      readonly name: string;
      /** Indexes into `levels`; NaN = missing. */
      readonly codes: Float64Array;
      /** The texts, in any order; some may never occur. */
      readonly levels: readonly string[];
    };

/**
 * The columns to read: `options.columns` checked against the file's columns (or all of them), with
 * `options.kinds` checked against those.
 *
 * @example
 * pickColumns(['a', 'b'], { columns: ['b'] }, 'Parquet') // ['b']
 */
export function pickColumns(
  available: readonly string[],
  options: ColumnarOptions,
  format: string,
): string[] {
  const duplicates = repeated(available);
  if (duplicates.length > 0) {
    throw new StacklearnError(`the ${format} data has duplicate column names: ${listNames(duplicates)}`);
  }
  const names = options.columns ? [...options.columns] : [...available];
  if (names.length === 0)
    throw new StacklearnError('columns: expected at least one column name; received []');
  const unknown = names.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new StacklearnError(
      `columns: unknown column ${listNames(unknown)}; the columns of the ${format} data are: ${listNames(available)}`,
    );
  }
  const twice = repeated(names);
  if (twice.length > 0) throw new StacklearnError(`columns: ${listNames(twice)} named more than once`);
  for (const [name, kind] of Object.entries(options.kinds ?? {})) {
    if (!names.includes(name)) {
      throw new StacklearnError(`kinds: unknown column "${name}"; the columns are: ${listNames(names)}`);
    }
    if (kind !== 'numeric' && kind !== 'categorical') {
      throw new StacklearnError(
        `kinds: the kind of column "${name}" must be "numeric" or "categorical"; received ${JSON.stringify(kind)}`,
      );
    }
  }
  return names;
}

function repeated(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) twice.add(name);
    seen.add(name);
  }
  return [...twice];
}

/**
 * Codes texts in first-seen order: `code('b')` 0, `code('a')` 1, `code('b')` 0; `levels` ['b', 'a'].
 *
 * @example
 * const coder = textCoder(); coder.code('x'); coder.levels // ['x']
 */
export function textCoder(): { code(text: string): number; readonly levels: string[] } {
  const seen = new Map<string, number>();
  const levels: string[] = [];
  return {
    code(text: string): number {
      let code = seen.get(text);
      if (code === undefined) {
        code = levels.length;
        seen.set(text, code);
        levels.push(text);
      }
      return code;
    },
    levels,
  };
}

/** Labels of dates (epoch milliseconds at midnight) as categories: '2001-01-31'. */
export const dateLabel = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** Labels of timestamps (epoch milliseconds) as categories: '2001-01-31T12:00:00.000Z'. */
export const timestampLabel = (ms: number): string => new Date(ms).toISOString();
/** Labels of booleans (1 / 0) as categories, as the JSON reader spells them. */
export const booleanLabel = (value: number): string => (value === 1 ? 'true' : 'false');

/**
 * The dataset from decoded columns: `kinds` applied, categorical levels restricted to those that occur
 * and sorted as `sortLevels` does, `missing` texts turned into NaN.
 *
 * @example
 * finishDataset([{ kind: 'categorical', name: 'c', codes: Float64Array.of(0, 1), levels: ['b', 'a'] }], 2, {})
 */
export function finishDataset(
  drafts: readonly ColumnDraft[],
  nRows: number,
  options: ColumnarOptions,
): Dataset {
  const kinds = options.kinds ?? {};
  const missing = new Set(options.missing ?? []);
  const columns = drafts.map((draft): Column => {
    const kind = kinds[draft.name] ?? draft.kind;
    if (draft.kind === 'numeric') {
      return kind === 'numeric'
        ? { name: draft.name, kind, values: draft.values }
        : labelled(draft.name, draft.values, draft.label ?? String, missing);
    }
    const column = categorical(draft.name, draft.codes, draft.levels, missing);
    return kind === 'categorical' ? column : numericFromText(column);
  });
  return { nRows, columns };
}

/** Recodes level indexes to the sorted levels that occur. */
function categorical(
  name: string,
  codes: Float64Array,
  levels: readonly string[],
  missing: ReadonlySet<string>,
): Column {
  const used = new Uint8Array(levels.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (!Number.isNaN(code)) used[code] = 1;
  }
  const present = levels.filter((level, code) => used[code] === 1 && !missing.has(level));
  const sorted = sortLevels([...new Set(present)]);
  const rank = new Map(sorted.map((level, code) => [level, code]));
  const recode = Float64Array.from(levels, (level) => rank.get(level) ?? Number.NaN);
  const values = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    values[i] = Number.isNaN(code) ? code : recode[code]!;
  }
  return { name, kind: 'categorical', values, levels: sorted };
}

/** A numeric column made categorical (`kinds`): each distinct value labelled. */
function labelled(
  name: string,
  numbers: Float64Array,
  label: (value: number) => string,
  missing: ReadonlySet<string>,
): Column {
  const coder = textCoder();
  const codeOf = new Map<number, number>();
  const codes = new Float64Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    const value = numbers[i]!;
    if (Number.isNaN(value)) {
      codes[i] = Number.NaN;
      continue;
    }
    let code = codeOf.get(value);
    if (code === undefined) {
      code = coder.code(label(value));
      codeOf.set(value, code);
    }
    codes[i] = code;
  }
  return categorical(name, codes, coder.levels, missing);
}

/** A text column made numeric (`kinds`): every level must be a decimal number. */
function numericFromText(column: Column): Column {
  const levels = column.levels!;
  const numbers = levels.map(parseDecimal);
  const values = column.values.map((code) => (Number.isNaN(code) ? code : numbers[code]!));
  const bad = column.values.findIndex((code, i) => !Number.isNaN(code) && Number.isNaN(values[i]!));
  if (bad >= 0) {
    throw new StacklearnError(
      `column "${column.name}" is declared numeric but row ${bad} has ${JSON.stringify(levels[column.values[bad]!])}, not a number`,
    );
  }
  return { name: column.name, kind: 'numeric', values };
}

/**
 * The error for a 64-bit integer that a double cannot hold exactly.
 *
 * @example
 * throw int64Error('id', 3, 9007199254740993n)
 */
export function int64Error(name: string, row: number, value: bigint): StacklearnError {
  return new StacklearnError(
    `column "${name}", row ${row}: the 64-bit integer ${value} is beyond ±2^53, where numbers lose precision; ` +
      'drop the column (options.columns) or store it as a float or text',
  );
}

/** Above this magnitude a 64-bit integer is refused: ±2^53 itself is still exact. */
export const maxSafeMagnitude = 2 ** 53;
