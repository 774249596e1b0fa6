import type { Matrix } from '../data/matrix.js';
import type { Model, TrainingData } from '../learners/types.js';

/**
 * What a model outputs for X as one flat array: a value per row (regressor), or rows × classes
 * probabilities, row-major (classifier). Ensembles combine members through this form.
 *
 * @example
 * modelOutputs(classifier, X) // Float64Array of X.rows × classes.length
 */
export function modelOutputs(model: Model, X: Matrix): Float64Array {
  return model.task === 'regression' ? model.predict(X) : model.predictProba(X).data;
}

/**
 * Values per row of a model's output on this data: 1 for regression, the number of classes otherwise.
 *
 * @example
 * outputWidth(penguins) // 3
 */
export function outputWidth(data: TrainingData): number {
  return data.task === 'regression' ? 1 : data.classes.length;
}
