// Shared by the serve tests: small models on the bundled data sets, and their rows as JSON records.
import type { Dataset } from '../../src/data/dataset.js';
import { encodeFeatures, toTrainingData } from '../../src/data/dataset.js';
import type { Matrix } from '../../src/data/matrix.js';
import { loadBundled } from '../../src/data/read-file.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { Classifier, Model, Regressor, Spec } from '../../src/learners/types.js';
import { preprocessed } from '../../src/select/candidates.js';

export type JsonRow = Record<string, string | number | null>;

/** The rows of a dataset as JSON records (categories as text, NaN as null), as a client sends them. */
export function records(dataset: Dataset): JsonRow[] {
  return Array.from({ length: dataset.nRows }, (_, i) => {
    const row: JsonRow = {};
    for (const column of dataset.columns) {
      const v = column.values[i]!;
      row[column.name] = Number.isNaN(v) ? null : column.kind === 'categorical' ? column.levels![v]! : v;
    }
    return row;
  });
}

export interface Fitted<M extends Model> {
  readonly model: M;
  readonly rows: JsonRow[];
  /** The rows encoded for the model by the library (encodeFeatures), independent of the service. */
  readonly X: Matrix;
}

async function fitted(name: string, spec: Spec): Promise<Fitted<Model>> {
  const { dataset, target } = await loadBundled(name);
  const data = toTrainingData(dataset, { target });
  const model = await fit(preprocessed(spec, data.features), data);
  return { model, rows: records(dataset), X: encodeFeatures(dataset, model.info.features) };
}

/** A regressor on cars (target Miles_per_Gallon; missing Horsepower, categorical Origin). */
export async function carsModel(
  spec: Spec = { kind: 'decisionTree', maxDepth: 5 },
): Promise<Fitted<Regressor>> {
  const result = await fitted('cars', spec);
  if (result.model.task !== 'regression') throw new Error('expected a regressor');
  return result as Fitted<Regressor>;
}

/** A classifier on penguins (3 classes; missing values; categorical Island and Sex). */
export async function penguinsModel(
  spec: Spec = { kind: 'logisticRegression' },
): Promise<Fitted<Classifier>> {
  const result = await fitted('penguins', spec);
  if (result.model.task === 'regression') throw new Error('expected a classifier');
  return result as Fitted<Classifier>;
}
