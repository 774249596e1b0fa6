import type { Matrix } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { argmaxRows } from '../learners/fit.js';
import type { ClassificationData, Model, Task, TrainingData } from '../learners/types.js';
import {
  accuracyScore,
  balancedAccuracyScore,
  f1Score,
  precisionScore,
  recallScore,
} from './classification.js';
import { logLoss } from './log-loss.js';
import {
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from './regression.js';
import { rocAucScore } from './roc-auc.js';

/** A metric as the leaderboard and cross-validation name it. */
export interface MetricInfo {
  /** The key in score records: 'r2', 'accuracy' … */
  readonly name: string;
  /** A short column heading: 'R²', 'accuracy' … */
  readonly label: string;
  readonly greaterIsBetter: boolean;
}

/** What a classification metric sees: the truth, the probabilities and their argmax classes. */
interface ClassPredictions {
  readonly data: ClassificationData;
  readonly proba: Matrix;
  readonly predicted: Int32Array;
}

interface RegressionMetric extends MetricInfo {
  score(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number;
}

interface ClassificationMetric extends MetricInfo {
  score(p: ClassPredictions): number;
}

const regressionMetrics: readonly RegressionMetric[] = [
  { name: 'r2', label: 'R²', greaterIsBetter: true, score: r2Score },
  { name: 'mse', label: 'MSE', greaterIsBetter: false, score: meanSquaredError },
  { name: 'rmse', label: 'RMSE', greaterIsBetter: false, score: rootMeanSquaredError },
  { name: 'mae', label: 'MAE', greaterIsBetter: false, score: meanAbsoluteError },
  { name: 'mape', label: 'MAPE', greaterIsBetter: false, score: meanAbsolutePercentageError },
];

function classificationMetrics(task: 'binary' | 'multiclass'): readonly ClassificationMetric[] {
  const binary = task === 'binary';
  return [
    {
      name: 'accuracy',
      label: 'accuracy',
      greaterIsBetter: true,
      score: ({ data, predicted }) => accuracyScore(data.y, predicted, data.sampleWeight),
    },
    {
      name: 'balancedAccuracy',
      label: 'bal. accuracy',
      greaterIsBetter: true,
      score: ({ data, predicted }) => balancedAccuracyScore(data.y, predicted, data.sampleWeight),
    },
    {
      name: 'precision',
      label: binary ? 'precision' : 'precision (macro)',
      greaterIsBetter: true,
      score: ({ data, predicted }) =>
        precisionScore(data.y, predicted, {
          average: binary ? 'binary' : 'macro',
          sampleWeight: data.sampleWeight,
        }),
    },
    {
      name: 'recall',
      label: binary ? 'recall' : 'recall (macro)',
      greaterIsBetter: true,
      score: ({ data, predicted }) =>
        recallScore(data.y, predicted, {
          average: binary ? 'binary' : 'macro',
          sampleWeight: data.sampleWeight,
        }),
    },
    {
      name: 'f1',
      label: binary ? 'F1' : 'F1 (macro)',
      greaterIsBetter: true,
      score: ({ data, predicted }) =>
        f1Score(data.y, predicted, { average: binary ? 'binary' : 'macro', sampleWeight: data.sampleWeight }),
    },
    {
      name: 'logLoss',
      label: 'log loss',
      greaterIsBetter: false,
      score: ({ data, proba }) => logLoss(data.y, proba, data.sampleWeight),
    },
    {
      name: 'rocAuc',
      label: binary ? 'ROC AUC' : 'ROC AUC (ovr)',
      greaterIsBetter: true,
      // Undefined (NaN) when a class is missing from these rows, rather than failing the whole evaluation.
      score: ({ data, proba }) =>
        everyClassOccurs(data) ? rocAucScore(data.y, proba, { sampleWeight: data.sampleWeight }) : Number.NaN,
    },
  ];
}

const binaryMetrics = classificationMetrics('binary');
const multiclassMetrics = classificationMetrics('multiclass');

function metricsOf(task: Task): readonly (RegressionMetric | ClassificationMetric)[] {
  return task === 'regression' ? regressionMetrics : task === 'binary' ? binaryMetrics : multiclassMetrics;
}

/**
 * The metrics reported for a task, the main one first. Regression: r2, mse, rmse, mae, mape.
 * Classification: accuracy, balancedAccuracy, precision, recall and f1 (binary: of the positive class,
 * the second class in sorted order, code 1 — e.g. "yes" of "no"/"yes"; multiclass: macro average),
 * logLoss, rocAuc (binary; multiclass: one-vs-rest, macro average).
 *
 * @example
 * taskMetrics('binary').map((m) => m.name) // ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'logLoss', 'rocAuc']
 */
export function taskMetrics(task: Task): readonly MetricInfo[] {
  return metricsOf(task).map(({ name, label, greaterIsBetter }) => ({ name, label, greaterIsBetter }));
}

/**
 * The metric leaderboards rank by: R² for regression, accuracy for classification.
 *
 * @example
 * mainMetric('regression') // { name: 'r2', label: 'R²', greaterIsBetter: true }
 */
export function mainMetric(task: Task): MetricInfo {
  return taskMetrics(task)[0]!;
}

/**
 * Checks metric names against a task's metrics (every one of them when `names` is absent), so a
 * typo fails before anything is fitted.
 *
 * @example
 * resolveMetricNames('regression', ['r2', 'mae']) // ['r2', 'mae']
 */
export function resolveMetricNames(task: Task, names?: readonly string[]): string[] {
  const known = metricsOf(task).map((m) => m.name);
  if (!names) return known;
  for (const name of names) {
    if (!known.includes(name)) {
      throw new StacklearnError(
        `evaluate: unknown metric ${JSON.stringify(name)} for a ${task} task; known metrics: ${known.join(', ')}`,
      );
    }
  }
  return [...names];
}

/**
 * Scores a model on data: its predictions (classification: its probabilities) go through
 * evaluatePredictions. The model's classes must be the data's, in the same order.
 *
 * @example
 * evaluateModel(model, test) // { r2: 0.81, mse: 12.5, rmse: 3.5, mae: 2.6, mape: 0.11 }
 */
export function evaluateModel(
  model: Model,
  data: TrainingData,
  names?: readonly string[],
): Record<string, number> {
  if (model.task === 'regression') {
    if (data.task !== 'regression') {
      throw new StacklearnError(`evaluateModel: the model is a regressor but the data are ${data.task}`);
    }
    return evaluatePredictions(data, model.predict(data.X), names);
  }
  if (data.task === 'regression') {
    throw new StacklearnError('evaluateModel: the model is a classifier but the data are regression');
  }
  if (model.classes.join('\u0000') !== data.classes.join('\u0000')) {
    throw new StacklearnError(
      `evaluateModel: the model's classes [${model.classes.join(', ')}] differ from the data's ` +
        `[${data.classes.join(', ')}]`,
    );
  }
  return evaluatePredictions(data, model.predictProba(data.X), names);
}

/**
 * Scores predictions against the data's target, weighted by its sampleWeight: regression takes one
 * value per row, classification a rows × classes probability matrix (the predicted class is the
 * argmax, the first on ties). Returns the named metrics (all of the task's by default). A metric
 * undefined on these rows is NaN: R² of one row, ROC AUC when a class does not occur.
 *
 * @example
 * evaluatePredictions(test, model.predictProba(test.X), ['accuracy', 'logLoss'])
 */
export function evaluatePredictions(
  data: TrainingData,
  predicted: Float64Array | Matrix,
  names?: readonly string[],
): Record<string, number> {
  const wanted = resolveMetricNames(data.task, names);
  const out: Record<string, number> = {};
  const n = data.y.length;
  if (data.task === 'regression') {
    if (!ArrayBuffer.isView(predicted) || predicted.length !== n) {
      throw new StacklearnError(
        `evaluate: regression needs one predicted value per row (a Float64Array of ${n}); received ${describe(predicted)}`,
      );
    }
    for (const name of wanted) {
      const metric = regressionMetrics.find((m) => m.name === name)!;
      out[name] = metric.score(data.y, predicted, data.sampleWeight);
    }
    return out;
  }
  const k = data.classes.length;
  if (ArrayBuffer.isView(predicted) || predicted.rows !== n || predicted.cols !== k) {
    throw new StacklearnError(
      `evaluate: classification needs a probability matrix of ${n} rows × ${k} classes; received ${describe(predicted)}`,
    );
  }
  const p: ClassPredictions = { data, proba: predicted, predicted: argmaxRows(predicted.data, n, k) };
  const metrics = data.task === 'binary' ? binaryMetrics : multiclassMetrics;
  for (const name of wanted) out[name] = metrics.find((m) => m.name === name)!.score(p);
  return out;
}

function everyClassOccurs(data: ClassificationData): boolean {
  const seen = new Uint8Array(data.classes.length);
  for (let i = 0; i < data.y.length; i++) seen[data.y[i]!] = 1;
  return seen.every((s) => s === 1);
}

function describe(value: Float64Array | Matrix): string {
  return ArrayBuffer.isView(value) ? `${value.length} values` : `a ${value.rows} × ${value.cols} matrix`;
}
