import { type ParamTable, types } from '../../learners/params.js';
import type { Matrix } from '../matrix.js';
import type { TransformerDef } from '../transformer.js';

/** Parameters of {@link standardScaler}, e.g. `{ kind: 'standardScaler', withMean: false }`. */
export interface StandardScalerParams {
  readonly withMean: boolean;
  readonly withStd: boolean;
}

const params: ParamTable<StandardScalerParams> = {
  withMean: { type: types.bool(), default: true, doc: "subtract each numeric column's mean" },
  withStd: { type: types.bool(), default: true, doc: 'divide each numeric column by its standard deviation' },
};

interface StandardScalerState {
  /** Subtracted per column (0 for categorical columns and with withMean false). */
  readonly mean: Float64Array;
  /** Divided by per column (1 for categorical, constant or all-missing columns and with withStd false). */
  readonly scale: Float64Array;
}

/**
 * Standardises numeric columns to mean 0 and standard deviation 1 (population std, as
 * scikit-learn's `StandardScaler`). Missing values (NaN) are ignored in the statistics and stay
 * missing; a constant column gets scale 1; categorical (level code) columns pass through untouched.
 *
 * @example
 * { kind: 'pipeline', steps: [{ kind: 'standardScaler' }], estimator: { kind: 'knn' } }
 */
export const standardScaler: TransformerDef<StandardScalerParams, StandardScalerState> = {
  kind: 'standardScaler',
  summary: 'Standardises numeric columns (mean 0, std 1); NaN passes through',
  params,
  handlesMissing: true,
  fit({ withMean, withStd }, { X, features }) {
    const mean = new Float64Array(X.cols);
    const scale = new Float64Array(X.cols).fill(1);
    features.forEach((feature, j) => {
      if (feature.kind !== 'numeric') return;
      const stats = meanAndVariance(X, j);
      if (withMean) mean[j] = stats.mean;
      if (withStd && !isConstant(stats)) scale[j] = Math.sqrt(stats.variance);
    });
    return { mean, scale };
  },
  outputFeatures(_state, input) {
    return [...input];
  },
  transformer({ mean, scale }) {
    return (X: Matrix): Matrix => {
      const data = new Float64Array(X.data.length);
      // (v - 0) / 1 is exactly v, so categorical columns come out untouched.
      for (let i = 0; i < X.rows; i++) {
        const o = i * X.cols;
        for (let j = 0; j < X.cols; j++) data[o + j] = (X.data[o + j]! - mean[j]!) / scale[j]!;
      }
      return { rows: X.rows, cols: X.cols, data };
    };
  },
  rowTransformer({ mean, scale }) {
    return (row, out) => {
      for (let j = 0; j < row.length; j++) out[j] = (row[j]! - mean[j]!) / scale[j]!;
    };
  },
};

interface Moments {
  readonly count: number;
  readonly mean: number;
  readonly variance: number;
}

/** Mean and population variance of the non-missing values of column j (scikit-learn's corrected two-pass). */
function meanAndVariance(X: Matrix, j: number): Moments {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < X.rows; i++) {
    const v = X.data[i * X.cols + j]!;
    if (Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  if (count === 0) return { count, mean: 0, variance: 0 };
  const mean = sum / count;
  let correction = 0;
  let squares = 0;
  for (let i = 0; i < X.rows; i++) {
    const v = X.data[i * X.cols + j]!;
    if (Number.isNaN(v)) continue;
    correction += v - mean;
    squares += (v - mean) ** 2;
  }
  return { count, mean, variance: (squares - (correction * correction) / count) / count };
}

/** scikit-learn's test for a constant feature: a variance within rounding error of zero. */
function isConstant({ count, mean, variance }: Moments): boolean {
  const eps = Number.EPSILON;
  return variance <= count * eps * variance + (count * mean * eps) ** 2;
}
