import { StacklearnError } from '../../errors.js';
import { type ParamTable, types } from '../../learners/params.js';
import type { Feature } from '../../learners/types.js';
import { column, type Matrix } from '../matrix.js';
import type { TransformerDef } from '../transformer.js';

/** Parameters of {@link simpleImputer}, e.g. `{ kind: 'simpleImputer', strategy: 'median' }`. */
export interface SimpleImputerParams {
  readonly strategy: 'mean' | 'median' | 'most_frequent' | 'constant';
  readonly fillValue: number | string | null;
}

const params: ParamTable<SimpleImputerParams> = {
  strategy: {
    type: types.oneOf('mean', 'median', 'most_frequent', 'constant'),
    default: 'mean',
    doc: 'what replaces a missing numeric value; categorical columns get their most frequent level unless "constant"',
  },
  fillValue: {
    type: types.anyOf({ type: 'number' }, { type: 'string' }, { type: 'null' }),
    default: null,
    doc: 'the value of strategy "constant": null means 0 for numeric columns and the level "missing_value" for categorical ones',
  },
};

interface SimpleImputerState {
  /** The value (or level code) that replaces NaN, per column. */
  readonly fill: Float64Array;
  /** Per column: a level that "constant" appends to a categorical column's levels, or null. */
  readonly addedLevels: readonly (string | null)[];
}

/**
 * Replaces missing values (NaN) column by column, as scikit-learn's `SimpleImputer`: numeric
 * columns by their mean, median, most frequent value (the smallest on ties) or a constant;
 * categorical columns by their most frequent level, or with "constant" by `fillValue` (a level
 * appended to the column's levels when new). A column with no observed value cannot be imputed
 * from its statistics: that is an error naming it (use "constant", or drop the column).
 *
 * @example
 * { kind: 'pipeline', steps: [{ kind: 'simpleImputer', strategy: 'median' }], estimator: { kind: 'ridge' } }
 */
export const simpleImputer: TransformerDef<SimpleImputerParams, SimpleImputerState> = {
  kind: 'simpleImputer',
  summary: 'Replaces missing values by the mean / median / most frequent value, or a constant',
  params,
  handlesMissing: true,
  fit({ strategy, fillValue }, { X, features }) {
    const fill = new Float64Array(X.cols);
    const addedLevels: (string | null)[] = [];
    features.forEach((feature, j) => {
      addedLevels.push(null);
      if (strategy === 'constant') {
        if (feature.kind === 'numeric') {
          if (typeof fillValue === 'string') {
            throw new StacklearnError(
              `simpleImputer: fillValue ${JSON.stringify(fillValue)} is not a number, but column "${feature.name}" is numeric`,
            );
          }
          fill[j] = fillValue ?? 0;
          return;
        }
        const level = fillValue === null ? 'missing_value' : String(fillValue);
        const levels = feature.levels ?? [];
        const code = levels.indexOf(level);
        fill[j] = code >= 0 ? code : levels.length;
        if (code < 0) addedLevels[j] = level;
        return;
      }
      const observed = column(X, j)
        .filter((v) => !Number.isNaN(v))
        .sort();
      if (observed.length === 0) {
        throw new StacklearnError(
          `simpleImputer: column "${feature.name}" has no observed values to take a ${strategy === 'most_frequent' || feature.kind === 'categorical' ? 'most frequent value' : strategy} from; use strategy "constant" or drop the column`,
        );
      }
      if (feature.kind === 'categorical' || strategy === 'most_frequent') fill[j] = mostFrequent(observed);
      else if (strategy === 'median') fill[j] = median(observed);
      else fill[j] = mean(observed);
    });
    return { fill, addedLevels };
  },
  outputFeatures({ addedLevels }, input) {
    return input.map((feature, j): Feature => {
      const added = addedLevels[j];
      return added == null ? feature : { ...feature, levels: [...(feature.levels ?? []), added] };
    });
  },
  transformer({ fill }) {
    return (X: Matrix): Matrix => {
      const data = Float64Array.from(X.data);
      const cols = X.cols;
      for (let i = 0; i < X.rows; i++) {
        const o = i * cols;
        for (let j = 0; j < cols; j++) if (Number.isNaN(data[o + j]!)) data[o + j] = fill[j]!;
      }
      return { rows: X.rows, cols, data };
    };
  },
  rowTransformer({ fill }) {
    return (row, out) => {
      for (let j = 0; j < row.length; j++) {
        const v = row[j]!;
        out[j] = Number.isNaN(v) ? fill[j]! : v;
      }
    };
  },
};

/** The most frequent value of sorted values; the smallest one on ties. */
function mostFrequent(sorted: Float64Array): number {
  let best = sorted[0]!;
  let bestCount = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = sorted[i]!;
    }
    i = j;
  }
  return best;
}

function median(sorted: Float64Array): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}
