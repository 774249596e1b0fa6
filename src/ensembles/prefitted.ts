import { StacklearnError } from '../errors.js';
import { restoreModel, toSavedModel } from '../learners/fit.js';
import { type ParamTable, resolveParams, types } from '../learners/params.js';
import type { LearnerDef, Model, SavedModel, Spec, TrainingData } from '../learners/types.js';
import { fromPlain, toPlain } from '../persist/plain.js';
import { modelOutputs } from './model-outputs.js';

/** Parameters of prefitted: `{ kind: 'prefitted', model: toPlain(toSavedModel(model)) }`. */
export interface PrefittedParams {
  readonly model: Record<string, unknown> | null;
}

const params: ParamTable<PrefittedParams> = {
  model: {
    type: types.nullable({ type: 'object' }),
    default: null,
    doc: 'the fitted model as plain JSON: toPlain(toSavedModel(model)) (see prefittedSpec)',
  },
};

/**
 * A model fitted elsewhere, as a learner: "fitting" checks it against the data (same task, classes
 * and feature columns) and keeps it as it is. In stacking, voting and ensemble selection a
 * prefitted member is never refitted, and its predictions on the training rows are used as they
 * are (scikit-learn's cv="prefit"). Caveat: if the model was trained on those same rows, its
 * predictions there are in-sample — optimistic — and the combiner will overrate it; give it
 * models trained on other rows.
 *
 * @example
 * await fit(prefittedSpec(oldModel), data) // oldModel, checked against data
 */
export const prefitted: LearnerDef<PrefittedParams, SavedModel> = {
  kind: 'prefitted',
  summary: 'A model fitted elsewhere, used as is (an ensemble member that is never refitted)',
  tasks: ['regression', 'classification'],
  params,
  // The wrapped model checks its input itself.
  handlesMissing: true,
  fit({ model }, data) {
    return toSavedModel(restoreChecked(model, data));
  },
  predictor(state) {
    const model = restoreModel(state);
    return (X) => modelOutputs(model, X);
  },
};

/**
 * The spec of a prefitted member: the model as plain JSON.
 *
 * @example
 * const stack = { kind: 'stacking', estimators: { old: prefittedSpec(oldModel), knn: { kind: 'knn' } } };
 */
export function prefittedSpec(model: Model): Spec {
  return { kind: 'prefitted', model: toPlain(toSavedModel(model)) };
}

/** The model a `prefitted` spec carries, checked against the data (see `prefitted`). */
export function restorePrefitted(spec: Spec, data: TrainingData): Model {
  const { model } = resolveParams('prefitted', params, spec as Record<string, unknown>);
  return restoreChecked(model, data);
}

function restoreChecked(plain: Record<string, unknown> | null, data: TrainingData): Model {
  if (plain === null || typeof plain.kind !== 'string' || typeof plain.info !== 'object') {
    throw new StacklearnError(
      'prefitted: parameter "model" must be a saved model (toPlain(toSavedModel(model))); received ' +
        (plain === null ? 'null' : `an object with keys ${Object.keys(plain).join(', ')}`),
    );
  }
  // toPlain first, so a saved model given with live typed arrays is accepted too.
  const model = restoreModel(fromPlain(toPlain(plain)) as SavedModel);
  const family = (task: string): string => (task === 'regression' ? 'regression' : 'classification');
  if (family(model.task) !== family(data.task)) {
    throw new StacklearnError(
      `prefitted: the model (${model.kind}) does ${family(model.task)} but the data are ${data.task}`,
    );
  }
  if (model.task !== 'regression' && data.task !== 'regression') {
    if (model.classes.join('\u0000') !== data.classes.join('\u0000')) {
      throw new StacklearnError(
        `prefitted: the model's classes [${model.classes.join(', ')}] differ from the data's [${data.classes.join(', ')}]`,
      );
    }
  }
  const expected = model.info.features.map((f) => f.name);
  const received = data.features.map((f) => f.name);
  if (expected.join('\u0000') !== received.join('\u0000')) {
    throw new StacklearnError(
      `prefitted: the model was fitted on the columns (${expected.join(', ')}); the data have (${received.join(', ')})`,
    );
  }
  return model;
}
