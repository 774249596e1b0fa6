import type { Matrix } from '../data/matrix.js';
import type { Executor } from './executor.js';
import type { ParamTable } from './params.js';

/** What is being predicted. */
export type Task = 'regression' | 'binary' | 'multiclass';

/** How a learner family is used: a regressor, a classifier, or both (chosen by the data's task). */
export type LearnerTask = 'regression' | 'classification';

/** A feature column: numeric, or categorical with its levels (the matrix holds level codes 0 … k-1). */
export interface Feature {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  readonly levels?: readonly string[];
}

interface DataBase {
  readonly X: Matrix;
  readonly features: readonly Feature[];
  /** Non-negative weight per row; absent means all 1. */
  readonly sampleWeight?: Float64Array;
  /**
   * Group code per row (a patient, a site, a user): rows of one group stay in one fold under
   * `{ kind: 'groupKFold' }`. Absent means no groups.
   */
  readonly groups?: Int32Array;
  /** The target column's name, when the data came from a table (recorded on the model). */
  readonly target?: string;
}

export interface RegressionData extends DataBase {
  readonly task: 'regression';
  readonly y: Float64Array;
}

export interface ClassificationData extends DataBase {
  readonly task: 'binary' | 'multiclass';
  /** Class codes 0 … classes.length-1. */
  readonly y: Int32Array;
  readonly classes: readonly string[];
}

/** What a learner is fitted on. */
export type TrainingData = RegressionData | ClassificationData;

/** A plain-JSON description of a learner and its parameters: `{ kind: 'knn', nNeighbors: 5 }`. */
export interface Spec {
  readonly kind: string;
  readonly [param: string]: unknown;
}

/** Options of one fit that are not part of the spec (they do not change the result). */
export interface FitContext {
  /** Called with the fraction done, for long fits. */
  readonly onProgress?: (fraction: number, message?: string) => void;
  /**
   * Runs parallel work (e.g. trees) on threads; learners with an `nJobs` parameter use it (at most
   * nJobs at once). Without it, nJobs > 1 uses the installed default (worker threads under
   * `stacklearn/node`), or the calling thread.
   */
  readonly executor?: Executor;
}

/** What every model records about the data it was fitted on. */
export interface ModelInfo {
  readonly task: Task;
  readonly features: readonly Feature[];
  /** Class labels in code order (classification only). */
  readonly classes?: readonly string[];
  /** The target column's name, when known. */
  readonly target?: string;
}

/** Maps rows to outputs: one value per row (regression) or rows × classes probabilities (classification). */
export type PredictFn = (X: Matrix) => Float64Array;

/**
 * Predicts one row without allocating: writes the row's outputs into `out[0 …]` (one value for
 * regression, nClasses probabilities for classification). The row is already checked (length,
 * missing values), as for PredictFn.
 */
export type RowPredictFn = (row: Float64Array, out: Float64Array) => void;

/**
 * One learner family. `fit` returns a plain state (numbers, strings, typed arrays, nested plain
 * objects) that a model file can store; `predictor` turns a state back into a prediction function.
 */
export interface LearnerDef<P = unknown, S = unknown> {
  readonly kind: string;
  /** One line for docs and `--help`. */
  readonly summary: string;
  readonly tasks: readonly LearnerTask[];
  readonly params: ParamTable<P>;
  /** Accepts NaN in X (otherwise fit and predict refuse it, naming row and column). */
  readonly handlesMissing?: boolean;
  /** Benefits from standardised inputs (compare puts a scaler in front). */
  readonly scaleSensitive?: boolean;
  /** Randomised: fits with the same seed give the same model; `seed` must be a parameter. */
  readonly randomized?: boolean;
  fit(params: P, data: TrainingData, context: FitContext): S | Promise<S>;
  predictor(state: S, info: ModelInfo): PredictFn;
  /**
   * Optional single-row fast path (used by compileRowPredictor); must give the same values as
   * `predictor`. Without it, or when it returns undefined (e.g. a composite whose parts have no
   * row path), a row is predicted through `predictor` on a 1-row matrix.
   */
  rowPredictor?(state: S, info: ModelInfo): RowPredictFn | undefined;
}

interface ModelBase {
  readonly kind: string;
  /** The spec with every default filled in. */
  readonly spec: Spec;
  readonly info: ModelInfo;
  /** What the learner learned, as plain data (see LearnerDef). */
  readonly state: unknown;
  readonly fitTimeMs: number;
}

/** A fitted regressor: immutable, synchronous prediction. */
export interface Regressor extends ModelBase {
  readonly task: 'regression';
  predict(X: Matrix): Float64Array;
}

/** A fitted classifier: `predict` gives class codes into `classes`, `predictProba` one row of probabilities per row. */
export interface Classifier extends ModelBase {
  readonly task: 'binary' | 'multiclass';
  readonly classes: readonly string[];
  predict(X: Matrix): Int32Array;
  predictProba(X: Matrix): Matrix;
}

export type Model = Regressor | Classifier;

/** A model as plain data: what a model file stores and `restoreModel` reads. */
export interface SavedModel {
  readonly kind: string;
  readonly spec: Spec;
  readonly info: ModelInfo;
  readonly state: unknown;
  readonly fitTimeMs: number;
}
