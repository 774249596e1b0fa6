import { StacklearnError } from '../../errors.js';
import { type ParamTable, types } from '../../learners/params.js';
import type { Feature } from '../../learners/types.js';
import type { Matrix } from '../matrix.js';
import type { TransformerDef } from '../transformer.js';

/** Parameters of {@link ordinalEncoder}, e.g. `{ kind: 'ordinalEncoder', handleUnknown: 'use_encoded_value', unknownValue: -1 }`. */
export interface OrdinalEncoderParams {
  readonly handleUnknown: 'error' | 'use_encoded_value';
  readonly unknownValue: number | null;
}

const params: ParamTable<OrdinalEncoderParams> = {
  handleUnknown: {
    type: types.oneOf('error', 'use_encoded_value'),
    default: 'error',
    doc: 'a level code outside the training levels: "error", or "use_encoded_value" (becomes unknownValue)',
  },
  unknownValue: {
    type: types.nullable({ type: 'number' }),
    default: null,
    doc: 'the number an unknown level becomes with handleUnknown "use_encoded_value" (not one of the codes 0 … k-1)',
  },
};

interface OrdinalEncoderState {
  readonly names: readonly string[];
  /** Levels per input column; -1 marks a numeric column. */
  readonly nLevels: Int32Array;
  /** NaN when unknown codes are an error. */
  readonly unknownValue: number;
}

/**
 * Categorical columns as plain numbers: level codes 0 … k-1 in the levels' (sorted) order, as
 * scikit-learn's `OrdinalEncoder` with `categories='auto'`; the output features are all numeric.
 * Numeric columns and missing values (NaN) pass through. A code outside the training levels is an
 * error naming the column and row, or `unknownValue` with `handleUnknown: 'use_encoded_value'`.
 *
 * @example
 * { kind: 'pipeline', steps: [{ kind: 'ordinalEncoder', handleUnknown: 'use_encoded_value', unknownValue: -1 }], estimator: { kind: 'decisionTree' } }
 */
export const ordinalEncoder: TransformerDef<OrdinalEncoderParams, OrdinalEncoderState> = {
  kind: 'ordinalEncoder',
  summary: 'Categorical level codes as numeric features; numeric columns pass through',
  params,
  handlesMissing: true,
  fit({ handleUnknown, unknownValue }, { features }) {
    if (handleUnknown === 'use_encoded_value' && unknownValue === null) {
      throw new StacklearnError(
        'ordinalEncoder: handleUnknown "use_encoded_value" needs unknownValue, a number; received null',
      );
    }
    if (handleUnknown === 'error' && unknownValue !== null) {
      throw new StacklearnError(
        `ordinalEncoder: unknownValue (${unknownValue}) is only used with handleUnknown "use_encoded_value"`,
      );
    }
    const nLevels = Int32Array.from(features, (f) => (f.kind === 'numeric' ? -1 : (f.levels?.length ?? 0)));
    if (unknownValue !== null && Number.isInteger(unknownValue) && unknownValue >= 0) {
      const clash = features.findIndex((_, j) => unknownValue < nLevels[j]!);
      if (clash >= 0) {
        throw new StacklearnError(
          `ordinalEncoder: unknownValue ${unknownValue} is the code of a training level of column "${features[clash]!.name}"; choose a value outside 0 … ${nLevels[clash]! - 1}, e.g. -1`,
        );
      }
    }
    return { names: features.map((f) => f.name), nLevels, unknownValue: unknownValue ?? Number.NaN };
  },
  outputFeatures(_state, input) {
    return input.map((f): Feature => ({ name: f.name, kind: 'numeric' }));
  },
  transformer({ names, nLevels, unknownValue }) {
    return (X: Matrix): Matrix => {
      const data = Float64Array.from(X.data);
      for (let i = 0; i < X.rows; i++) {
        for (let j = 0; j < X.cols; j++) {
          const k = nLevels[j]!;
          const v = data[i * X.cols + j]!;
          if (k < 0 || Number.isNaN(v) || (v >= 0 && v < k && Number.isInteger(v))) continue;
          if (Number.isNaN(unknownValue)) throw unknownCode(names[j]!, k, v, i);
          data[i * X.cols + j] = unknownValue;
        }
      }
      return { rows: X.rows, cols: X.cols, data };
    };
  },
  rowTransformer({ names, nLevels, unknownValue }) {
    return (row, out) => {
      for (let j = 0; j < row.length; j++) {
        const k = nLevels[j]!;
        const v = row[j]!;
        if (k < 0 || Number.isNaN(v) || (v >= 0 && v < k && Number.isInteger(v))) out[j] = v;
        else if (Number.isNaN(unknownValue)) throw unknownCode(names[j]!, k, v, 0);
        else out[j] = unknownValue;
      }
    };
  },
};

function unknownCode(name: string, k: number, value: number, row: number): StacklearnError {
  return new StacklearnError(
    `ordinalEncoder: column "${name}" has the unknown level code ${value} at row ${row}; expected a code in 0 … ${k - 1} (or set handleUnknown "use_encoded_value")`,
  );
}
