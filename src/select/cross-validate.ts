import { type Matrix, takeRows } from '../data/matrix.js';
import { subsetData } from '../data/subset.js';
import { StacklearnError } from '../errors.js';
import { fit } from '../learners/fit.js';
import type { ClassificationData, RegressionData, Spec, TrainingData } from '../learners/types.js';
import { evaluatePredictions, resolveMetricNames } from '../metrics/evaluate.js';
import { type Fold, makeFolds, type SplitterSpec } from './folds.js';

/** Options of crossValidate and crossValPredict. */
export interface CrossValidateOptions {
  /** Folds: k (shuffled, stratified for classification) or a splitter spec; default 5. */
  readonly cv?: number | SplitterSpec;
  /** Seed of the folds when `cv` does not carry one; default 0. The learner's own seed is in its spec. */
  readonly seed?: number;
  /** Metric names (see taskMetrics); default every metric of the task. crossValPredict ignores them. */
  readonly metrics?: readonly string[];
  /** Called after each fold with the number of folds done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The scores of one fold. */
export interface FoldScores {
  readonly scores: Readonly<Record<string, number>>;
  /** Time the learner took to fit on the training rows. */
  readonly fitTimeMs: number;
  /** Time to predict the test rows and score them. */
  readonly scoreTimeMs: number;
  readonly trainRows: number;
  readonly testRows: number;
}

/** Per-fold scores plus, per metric, their mean and (population, numpy's default) standard deviation. */
export interface CrossValidationResult {
  readonly metrics: readonly string[];
  readonly folds: readonly FoldScores[];
  readonly mean: Readonly<Record<string, number>>;
  readonly std: Readonly<Record<string, number>>;
}

/**
 * Fits the spec on each fold's training rows and scores it on the fold's test rows (sample weights
 * follow the rows into both). The folds depend only on `cv`, `seed` and the data, so every learner
 * cross-validated with the same options sees the same folds.
 *
 * @example
 * const result = await crossValidate({ kind: 'ridge' }, data, { cv: 5, metrics: ['r2', 'mae'] });
 * result.mean.r2; result.std.r2; result.folds[0].scores.mae;
 */
export async function crossValidate(
  spec: Spec,
  data: TrainingData,
  options: CrossValidateOptions = {},
): Promise<CrossValidationResult> {
  const metrics = resolveMetricNames(data.task, options.metrics);
  const folds = makeFolds(options.cv ?? 5, data, options.seed ?? 0);
  const results: FoldScores[] = [];
  for (const [index, fold] of folds.entries()) {
    const model = await fit(spec, subsetData(data, fold.train));
    const test = subsetData(data, fold.test);
    const start = performance.now();
    const predicted = model.task === 'regression' ? model.predict(test.X) : model.predictProba(test.X);
    const scores = evaluatePredictions(test, predicted, metrics);
    const scoreTimeMs = performance.now() - start;
    results.push({
      scores,
      fitTimeMs: model.fitTimeMs,
      scoreTimeMs,
      trainRows: fold.train.length,
      testRows: fold.test.length,
    });
    options.onProgress?.(index + 1, folds.length);
  }
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  for (const name of metrics) {
    const values = results.map((r) => r.scores[name]!);
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    mean[name] = m;
    std[name] = Math.sqrt(values.reduce((a, b) => a + (b - m) * (b - m), 0) / values.length);
  }
  return { metrics, folds: results, mean, std };
}

/**
 * Out-of-fold predictions: each row predicted by the model fitted on the folds that do not hold it,
 * in the original row order (regression: one value per row; classification: class probabilities).
 * This is what a stacking ensemble trains its final estimator on, free of training-set leakage.
 * The splitter's test sets must partition the rows (so not the repeated kinds).
 *
 * @example
 * const oof = await crossValPredict({ kind: 'knn' }, data, { cv: 5 });
 */
export async function crossValPredict(
  spec: Spec,
  data: RegressionData,
  options?: CrossValidateOptions,
): Promise<Float64Array>;
export async function crossValPredict(
  spec: Spec,
  data: ClassificationData,
  options?: CrossValidateOptions,
): Promise<Matrix>;
export async function crossValPredict(
  spec: Spec,
  data: TrainingData,
  options?: CrossValidateOptions,
): Promise<Float64Array | Matrix>;
export async function crossValPredict(
  spec: Spec,
  data: TrainingData,
  options: CrossValidateOptions = {},
): Promise<Float64Array | Matrix> {
  const folds = makeFolds(options.cv ?? 5, data, options.seed ?? 0);
  checkPartition(folds, data.y.length);
  const width = data.task === 'regression' ? 1 : data.classes.length;
  const out = new Float64Array(data.y.length * width);
  for (const [index, fold] of folds.entries()) {
    const model = await fit(spec, subsetData(data, fold.train));
    const X = takeRows(data.X, fold.test);
    const predicted = model.task === 'regression' ? model.predict(X) : model.predictProba(X).data;
    for (let t = 0; t < fold.test.length; t++) {
      out.set(predicted.subarray(t * width, (t + 1) * width), fold.test[t]! * width);
    }
    options.onProgress?.(index + 1, folds.length);
  }
  return data.task === 'regression' ? out : { rows: data.y.length, cols: width, data: out };
}

function checkPartition(folds: readonly Fold[], n: number): void {
  const seen = new Uint32Array(n);
  for (const fold of folds) for (const i of fold.test) seen[i]!++;
  const row = seen.findIndex((count) => count !== 1);
  if (row >= 0) {
    throw new StacklearnError(
      `crossValPredict: the folds' test sets must hold every row exactly once, but row ${row} is in ` +
        `${seen[row]}; use kFold or stratifiedKFold, not a repeated splitter`,
    );
  }
}
