import { StacklearnError } from '../errors.js';
import type { ClassificationData, Feature, RegressionData, TrainingData } from '../learners/types.js';
import { listNames, parseDecimal, sortLevels } from './columns.js';
import type { Matrix } from './matrix.js';

/** One column of a dataset: `{ name: 'Origin', kind: 'categorical', values: Float64Array [2, 1, …], levels: ['Europe', 'Japan', 'USA'] }`. */
export interface Column {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** Numeric values, or categorical level codes 0 … levels.length-1; NaN = missing. */
  readonly values: Float64Array;
  /** The categorical levels, in code order. */
  readonly levels?: readonly string[];
}

/**
 * A table as read from a file: named, typed columns (column-major).
 *
 * @example
 * const dataset = parseCsv('x,y\n1,a\n2,b'); dataset.columns[1].levels // ['a', 'b']
 */
export interface Dataset {
  readonly nRows: number;
  readonly columns: readonly Column[];
}

/** What `toTrainingData` needs to know: `{ target: 'Species', task: 'classification', features: ['Island'], groups: 'Site' }`. */
export interface TrainingOptions {
  readonly target: string;
  /** Default: categorical target → classification, numeric target → regression. */
  readonly task?: 'regression' | 'classification' | 'binary' | 'multiclass';
  /** Feature columns, by name (default: every column but the target and the groups). */
  readonly features?: readonly string[];
  /**
   * A column whose values (numeric or categorical) group the rows, for `{ kind: 'groupKFold' }`:
   * they become `data.groups` (codes in sorted value order) and the column is not a feature.
   */
  readonly groups?: string;
}

/**
 * Training data from a dataset: the target column by name, the features as a row-major matrix
 * (categorical features as level codes, their levels on the feature list). Classes are sorted
 * (level order for text, numeric order for numbers). With `groups`, that column gives each row a
 * group code (`data.groups`) instead of being a feature; a missing group value is refused.
 *
 * @example
 * const data = toTrainingData(await readDataset('data/cars.csv'), { target: 'Miles_per_Gallon' });
 * toTrainingData(dataset, { target: 'y', groups: 'patient' }).groups // Int32Array [0, 0, 1, …]
 */
export function toTrainingData(dataset: Dataset, options: TrainingOptions): TrainingData {
  const { target } = options;
  const names = dataset.columns.map((c) => c.name);
  const column = dataset.columns.find((c) => c.name === target);
  if (!column) {
    throw new StacklearnError(`unknown target column "${target}"; the columns are: ${listNames(names)}`);
  }
  const groups = options.groups === undefined ? undefined : groupCodes(dataset, options.groups, target);
  const featureColumns = pickFeatures(dataset, target, options.features, options.groups);
  const features: Feature[] = featureColumns.map((c) =>
    c.kind === 'categorical'
      ? { name: c.name, kind: c.kind, levels: c.levels ?? [] }
      : { name: c.name, kind: c.kind },
  );
  const X = toMatrix(featureColumns, dataset.nRows);
  checkTargetPresent(column, dataset.nRows);
  const task = options.task ?? (column.kind === 'categorical' ? 'classification' : 'regression');
  if (task === 'regression') {
    if (column.kind === 'categorical') {
      throw new StacklearnError(
        `the target "${target}" is categorical (levels: ${listNames(column.levels ?? [], 10)}); ` +
          'regression needs a numeric target (use task "classification")',
      );
    }
    const y = Float64Array.from(column.values);
    const data: RegressionData = { task, X, features, y, target, ...(groups && { groups }) };
    return data;
  }
  const { y, classes } = classCodes(column, dataset.nRows);
  if (classes.length < 2) {
    throw new StacklearnError(
      `the target "${target}" has a single class "${classes[0]}"; classification needs at least two`,
    );
  }
  if (task === 'binary' && classes.length !== 2) {
    throw new StacklearnError(
      `task "binary" needs exactly 2 classes; the target "${target}" has ${classes.length}: ${listNames(classes, 10)}`,
    );
  }
  const data: ClassificationData = {
    task: task === 'classification' ? (classes.length === 2 ? 'binary' : 'multiclass') : task,
    X,
    features,
    y,
    classes,
    target,
    ...(groups && { groups }),
  };
  return data;
}

function pickFeatures(
  dataset: Dataset,
  target: string,
  names: readonly string[] | undefined,
  groups: string | undefined,
): Column[] {
  if (!names) return dataset.columns.filter((c) => c.name !== target && c.name !== groups);
  const byName = new Map(dataset.columns.map((c) => [c.name, c]));
  return names.map((name) => {
    const column = byName.get(name);
    if (!column) {
      throw new StacklearnError(
        `unknown feature column "${name}"; the columns are: ${listNames([...byName.keys()])}`,
      );
    }
    if (name === target) throw new StacklearnError(`the target "${target}" cannot also be a feature`);
    if (name === groups) throw new StacklearnError(`the groups column "${groups}" cannot also be a feature`);
    return column;
  });
}

/** The group code of every row: the column's distinct values in sorted order (as np.unique). */
function groupCodes(dataset: Dataset, name: string, target: string): Int32Array {
  const column = dataset.columns.find((c) => c.name === name);
  if (!column) {
    throw new StacklearnError(
      `unknown groups column "${name}"; the columns are: ${listNames(dataset.columns.map((c) => c.name))}`,
    );
  }
  if (name === target) throw new StacklearnError(`the target "${target}" cannot also be the groups column`);
  const row = column.values.findIndex((v) => Number.isNaN(v));
  if (row >= 0) {
    throw new StacklearnError(
      `the groups column "${name}" is missing at row ${row}; every row needs a group (drop or fill those rows)`,
    );
  }
  return classCodes(column, dataset.nRows).y;
}

function toMatrix(columns: readonly Column[], nRows: number): Matrix {
  const cols = columns.length;
  const data = new Float64Array(nRows * cols);
  for (let j = 0; j < cols; j++) {
    const values = columns[j]!.values;
    for (let i = 0; i < nRows; i++) data[i * cols + j] = values[i]!;
  }
  return { rows: nRows, cols, data };
}

function checkTargetPresent(column: Column, nRows: number): void {
  let count = 0;
  let first = -1;
  for (let i = 0; i < nRows; i++) {
    if (Number.isNaN(column.values[i]!)) {
      count++;
      if (first < 0) first = i;
    }
  }
  if (count > 0) {
    throw new StacklearnError(
      `the target "${column.name}" is missing in ${count} of ${nRows} rows (first at row ${first}); ` +
        'drop those rows or fill them in',
    );
  }
}

/** Class codes in sorted class order: the levels that occur, or the distinct numbers. */
function classCodes(column: Column, nRows: number): { y: Int32Array; classes: string[] } {
  const values = column.values;
  const label = (v: number): string => (column.kind === 'categorical' ? column.levels![v]! : String(v));
  const distinct = [...new Set(values)];
  if (column.kind === 'numeric') distinct.sort((a, b) => a - b);
  else {
    const rank = new Map(sortLevels(distinct.map(label)).map((level, r) => [level, r]));
    distinct.sort((a, b) => rank.get(label(a))! - rank.get(label(b))!);
  }
  const codeOf = new Map(distinct.map((v, code) => [v, code]));
  const y = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) y[i] = codeOf.get(values[i]!)!;
  return { y, classes: distinct.map(label) };
}

/** How `encodeFeatures` treats a categorical value the training data did not have: `{ unknownCategory: 'missing' }`. */
export interface EncodeOptions {
  /** 'error' (default) names the row, column and value; 'missing' turns it into NaN. */
  readonly unknownCategory?: 'error' | 'missing';
}

/**
 * X for new data (a test file, rows at predict time) in a fitted model's terms: columns matched by
 * name in any order (extra columns ignored), categorical values re-coded to the training levels.
 *
 * @example
 * const X = encodeFeatures(await readDataset('new.csv'), model.info.features);
 * model.predict(X);
 */
export function encodeFeatures(
  dataset: Dataset,
  features: readonly Feature[],
  options: EncodeOptions = {},
): Matrix {
  const byName = new Map(dataset.columns.map((c) => [c.name, c]));
  const { nRows } = dataset;
  const cols = features.length;
  const data = new Float64Array(nRows * cols);
  features.forEach((feature, j) => {
    const column = byName.get(feature.name);
    if (!column) {
      throw new StacklearnError(
        `the data has no column "${feature.name}" (a feature of the model); its columns are: ${listNames([...byName.keys()])}`,
      );
    }
    const values = featureValues(column, feature, nRows, options.unknownCategory ?? 'error');
    for (let i = 0; i < nRows; i++) data[i * cols + j] = values[i]!;
  });
  return { rows: nRows, cols, data };
}

function featureValues(
  column: Column,
  feature: Feature,
  nRows: number,
  unknown: 'error' | 'missing',
): Float64Array {
  if (feature.kind === 'numeric') {
    if (column.kind === 'numeric') return column.values;
    // Categorical text is accepted only where every level is a number ("8" read as a category).
    const asNumbers = column.levels!.map(parseDecimal);
    return column.values.map((code, i) => {
      if (Number.isNaN(code)) return code;
      const value = asNumbers[code]!;
      if (!Number.isFinite(value)) {
        throw new StacklearnError(
          `column "${column.name}" must be numeric (as in training) but row ${i} has ${JSON.stringify(column.levels![code])}`,
        );
      }
      return value;
    });
  }
  const training = new Map((feature.levels ?? []).map((level, code) => [level, code]));
  const text = (v: number): string => (column.kind === 'categorical' ? column.levels![v]! : String(v));
  const out = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const v = column.values[i]!;
    if (Number.isNaN(v)) {
      out[i] = v;
      continue;
    }
    const code = training.get(text(v));
    if (code === undefined && unknown === 'error') {
      throw new StacklearnError(
        `row ${i}, column "${column.name}": value ${JSON.stringify(text(v))} is not one of the training levels (${listNames(feature.levels ?? [], 10)})`,
      );
    }
    out[i] = code ?? Number.NaN;
  }
  return out;
}
