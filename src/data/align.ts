import { StacklearnError } from '../errors.js';
import type { TrainingData } from '../learners/types.js';
import { type Dataset, encodeFeatures } from './dataset.js';

/**
 * A second data set (an explicit test file, new labelled data) as training data in the same terms as
 * `reference`: features matched by name and re-coded to the reference's categorical levels (an unseen
 * level becomes missing), the target re-coded to the reference's classes.
 *
 * @example
 * const test = alignData(testDataset, train, 'Miles_per_Gallon');
 */
export function alignData(dataset: Dataset, reference: TrainingData, target: string): TrainingData {
  const column = dataset.columns.find((c) => c.name === target);
  if (!column) {
    throw new StacklearnError(
      `the target column "${target}" is not in the test data; its columns are: ${dataset.columns.map((c) => c.name).join(', ')}`,
    );
  }
  const X = encodeFeatures(dataset, reference.features, { unknownCategory: 'missing' });
  const label = (i: number): string | undefined => {
    const v = column.values[i]!;
    if (Number.isNaN(v)) return undefined;
    return column.kind === 'categorical' ? column.levels![v]! : String(v);
  };
  if (reference.task === 'regression') {
    if (column.kind === 'categorical') {
      throw new StacklearnError(`the target column "${target}" of the test data is not numeric`);
    }
    const y = Float64Array.from(column.values);
    const missing = y.findIndex((v) => Number.isNaN(v));
    if (missing >= 0)
      throw new StacklearnError(`the target "${target}" of the test data is missing at row ${missing}`);
    return { ...reference, X, y, sampleWeight: undefined };
  }
  const codes = new Map(reference.classes.map((c, i) => [c, i]));
  const y = new Int32Array(dataset.nRows);
  for (let i = 0; i < dataset.nRows; i++) {
    const value = label(i);
    if (value === undefined)
      throw new StacklearnError(`the target "${target}" of the test data is missing at row ${i}`);
    const code = codes.get(value);
    if (code === undefined) {
      throw new StacklearnError(
        `the test data has class "${value}" at row ${i}, which the training data does not have (classes: ${reference.classes.join(', ')})`,
      );
    }
    y[i] = code;
  }
  return { ...reference, X, y, sampleWeight: undefined };
}
