import type { ParamTable } from '../learners/params.js';
import type { Feature } from '../learners/types.js';
import type { Matrix } from './matrix.js';

/** What a transformer is fitted on: the features, and the target when it helps (it may ignore it). */
export interface TransformerInput {
  readonly X: Matrix;
  readonly features: readonly Feature[];
}

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
}
