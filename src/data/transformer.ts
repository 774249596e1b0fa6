import type { ParamTable } from '../learners/params.js';
import type { Feature } from '../learners/types.js';
import type { Matrix } from './matrix.js';

/** What a transformer is fitted on: the features, and the target when it helps (it may ignore it). */
export interface TransformerInput {
  readonly X: Matrix;
  readonly features: readonly Feature[];
}

/**
 * Transforms one row into `out` (as long as the step's output features) without allocating.
 *
 * @example
 * const scaleRow = standardScaler.rowTransformer!(state);
 * scaleRow(Float64Array.of(3, 1), out);
 */
export type RowTransformFn = (row: Float64Array, out: Float64Array) => void;

/**
 * A preprocessing step (encoder, scaler, imputer) as a spec. `fit` returns a plain state that a
 * model file can store; `transformer` turns it back into a function. Used as pipeline steps.
 */
export interface TransformerDef<P = unknown, S = unknown> {
  readonly kind: string;
  readonly summary: string;
  readonly params: ParamTable<P>;
  /** Accepts NaN in its input (an imputer does; a scaler passes NaN through). */
  readonly handlesMissing?: boolean;
  fit(params: P, input: TransformerInput): S;
  /** The features of the output, e.g. one-hot turns a categorical column into indicator columns. */
  outputFeatures(state: S, input: readonly Feature[]): Feature[];
  transformer(state: S): (X: Matrix) => Matrix;
  /**
   * Optional single-row path (a pipeline's row predictor uses it): the values and errors of
   * `transformer` on a 1-row matrix (errors name row 0), written into a preallocated `out`.
   */
  rowTransformer?(state: S): RowTransformFn;
}
