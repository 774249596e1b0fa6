import { StacklearnError } from '../../errors.js';
import { type ParamTable, types } from '../../learners/params.js';
import type { Feature } from '../../learners/types.js';
import type { Matrix } from '../matrix.js';
import type { TransformerDef } from '../transformer.js';

/** Parameters of {@link oneHotEncoder}, e.g. `{ kind: 'oneHotEncoder', handleUnknown: 'ignore' }`. */
export interface OneHotEncoderParams {
  readonly handleUnknown: 'error' | 'ignore';
  readonly drop: 'first' | 'if_binary' | null;
}

const params: ParamTable<OneHotEncoderParams> = {
  handleUnknown: {
    type: types.oneOf('error', 'ignore'),
    default: 'error',
    doc: 'an unknown level code or a missing value in a categorical column: "error", or "ignore" (all indicators 0)',
  },
  drop: {
    type: types.nullable(types.oneOf('first', 'if_binary')),
    default: null,
    doc: 'drop the first level\'s indicator of every categorical column ("first"), of two-level columns only ("if_binary"), or none (null)',
  },
};

interface OneHotEncoderState {
  readonly names: readonly string[];
  /** Levels per input column; -1 marks a numeric column, passed through. */
  readonly nLevels: Int32Array;
  /** 1 where the first level's indicator is dropped. */
  readonly dropFirst: Uint8Array;
  readonly handleUnknown: 'error' | 'ignore';
}

/**
 * Expands each categorical column into one indicator column per level, named `column=level`, in
 * place; numeric columns pass through unchanged. The levels are the features' levels (the training
 * schema), so the output columns are the same in every fold. A code outside the levels, or a
 * missing value, in a categorical column is an error naming the column and row, or with
 * `handleUnknown: 'ignore'` a row of zeros (impute first to keep the information).
 *
 * @example
 * { kind: 'pipeline', steps: [{ kind: 'simpleImputer' }, { kind: 'oneHotEncoder', drop: 'if_binary' }], estimator: { kind: 'ridge' } }
 */
export const oneHotEncoder: TransformerDef<OneHotEncoderParams, OneHotEncoderState> = {
  kind: 'oneHotEncoder',
  summary: 'Categorical columns to indicator columns (column=level); numeric columns pass through',
  params,
  handlesMissing: true,
  fit({ handleUnknown, drop }, { features }) {
    const nLevels = new Int32Array(features.length);
    const dropFirst = new Uint8Array(features.length);
    features.forEach((feature, j) => {
      if (feature.kind === 'numeric') {
        nLevels[j] = -1;
        return;
      }
      const k = feature.levels?.length ?? 0;
      if (k === 0)
        throw new StacklearnError(`oneHotEncoder: categorical column "${feature.name}" has no levels`);
      nLevels[j] = k;
      dropFirst[j] = drop === 'first' || (drop === 'if_binary' && k === 2) ? 1 : 0;
    });
    return { names: features.map((f) => f.name), nLevels, dropFirst, handleUnknown };
  },
  outputFeatures({ dropFirst }, input) {
    const out: Feature[] = [];
    input.forEach((feature, j) => {
      if (feature.kind === 'numeric') {
        out.push(feature);
        return;
      }
      const levels = feature.levels ?? [];
      for (let c = dropFirst[j]!; c < levels.length; c++) {
        out.push({ name: `${feature.name}=${levels[c]}`, kind: 'numeric' });
      }
    });
    return out;
  },
  transformer({ names, nLevels, dropFirst, handleUnknown }) {
    const { offsets, outCols } = layout(nLevels, dropFirst);
    return (X: Matrix): Matrix => {
      const out = new Float64Array(X.rows * outCols);
      for (let i = 0; i < X.rows; i++) {
        for (let j = 0; j < X.cols; j++) {
          const v = X.data[i * X.cols + j]!;
          const k = nLevels[j]!;
          const o = i * outCols + offsets[j]!;
          if (k < 0) out[o] = v;
          else if (v >= 0 && v < k && Number.isInteger(v)) {
            if (v >= dropFirst[j]!) out[o + v - dropFirst[j]!] = 1;
          } else if (handleUnknown === 'error') throw unknown(names[j]!, k, v, i);
        }
      }
      return { rows: X.rows, cols: outCols, data: out };
    };
  },
  rowTransformer({ names, nLevels, dropFirst, handleUnknown }) {
    const { offsets, outCols } = layout(nLevels, dropFirst);
    return (row, out) => {
      out.fill(0, 0, outCols);
      for (let j = 0; j < row.length; j++) {
        const v = row[j]!;
        const k = nLevels[j]!;
        const o = offsets[j]!;
        if (k < 0) out[o] = v;
        else if (v >= 0 && v < k && Number.isInteger(v)) {
          if (v >= dropFirst[j]!) out[o + v - dropFirst[j]!] = 1;
        } else if (handleUnknown === 'error') throw unknown(names[j]!, k, v, 0);
      }
    };
  },
};

/** Where each input column's output columns start, and the output width. */
function layout(nLevels: Int32Array, dropFirst: Uint8Array): { offsets: Int32Array; outCols: number } {
  const offsets = new Int32Array(nLevels.length);
  let outCols = 0;
  for (let j = 0; j < nLevels.length; j++) {
    offsets[j] = outCols;
    outCols += nLevels[j]! < 0 ? 1 : nLevels[j]! - dropFirst[j]!;
  }
  return { offsets, outCols };
}

function unknown(name: string, k: number, value: number, row: number): StacklearnError {
  return new StacklearnError(
    Number.isNaN(value)
      ? `oneHotEncoder: column "${name}" has a missing value at row ${row}; impute it first (simpleImputer) or set handleUnknown "ignore"`
      : `oneHotEncoder: column "${name}" has the unknown level code ${value} at row ${row}; expected a code in 0 … ${k - 1} (or set handleUnknown "ignore")`,
  );
}
