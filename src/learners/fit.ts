import type { Matrix } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { resolveParams } from './params.js';
import { getLearner } from './registry.js';
import type {
  Classifier,
  FitContext,
  LearnerDef,
  Model,
  ModelInfo,
  Regressor,
  SavedModel,
  Spec,
  TrainingData,
} from './types.js';
import { checkPredictInput, checkTrainingData } from './validate.js';

/**
 * Fits the learner a spec names on training data and returns an immutable model.
 *
 * @example
 * const model = await fit({ kind: 'knn', nNeighbors: 3 }, data);
 * const yHat = model.predict(XTest);
 */
export async function fit(spec: Spec, data: TrainingData, context: FitContext = {}): Promise<Model> {
  const def = getLearner(spec?.kind);
  const params = resolveParams(def.kind, def.params, spec as Record<string, unknown>);
  const family = data.task === 'regression' ? 'regression' : 'classification';
  if (!def.tasks.includes(family)) {
    throw new StacklearnError(`${def.kind}: does not do ${family} (it does ${def.tasks.join(' and ')})`);
  }
  checkTrainingData(data, def.kind, def.handlesMissing === true);
  const target = data.target === undefined ? {} : { target: data.target };
  const info: ModelInfo =
    data.task === 'regression'
      ? { task: data.task, features: data.features, ...target }
      : { task: data.task, features: data.features, classes: data.classes, ...target };
  const start = performance.now();
  const state = await def.fit(params, data, context);
  const fitTimeMs = performance.now() - start;
  return buildModel(def, {
    kind: def.kind,
    spec: { kind: def.kind, ...(params as object) },
    info,
    state,
    fitTimeMs,
  });
}

/**
 * A model back from its plain-data form (as stored in a model file).
 *
 * @example
 * const again = restoreModel(JSON.parse(JSON.stringify(toSaved(model))));
 */
export function restoreModel(saved: SavedModel): Model {
  const def = getLearner(saved.kind);
  return buildModel(def, saved);
}

/** The plain-data form of a model. */
export function toSavedModel(model: Model): SavedModel {
  const { kind, spec, info, state, fitTimeMs } = model;
  return { kind, spec, info, state, fitTimeMs };
}

function buildModel(def: LearnerDef, saved: SavedModel): Model {
  const { info } = saved;
  const raw = def.predictor(saved.state, info);
  const allowMissing = def.handlesMissing === true;
  const run = (X: Matrix): Float64Array => {
    checkPredictInput(X, info.features, def.kind, allowMissing);
    return raw(X);
  };
  // Spec and schema are plain data: frozen all the way down. The state's typed arrays cannot be
  // frozen in JavaScript; the model never writes to them, and callers must treat them as read-only.
  const base = {
    kind: saved.kind,
    spec: deepFreeze(saved.spec),
    info: deepFreeze(info),
    state: deepFreeze(saved.state),
    fitTimeMs: saved.fitTimeMs,
  };
  if (info.task === 'regression') {
    const model: Regressor = { ...base, task: 'regression', predict: run };
    return Object.freeze(model);
  }
  const classes = info.classes ?? [];
  const k = classes.length;
  const predictProba = (X: Matrix): Matrix => ({ rows: X.rows, cols: k, data: run(X) });
  const model: Classifier = {
    ...base,
    task: info.task,
    classes,
    predictProba,
    predict: (X) => argmaxRows(run(X), X.rows, k),
  };
  return Object.freeze(model);
}

/** Index of the largest value in each row (the first one on ties, as scikit-learn does). */
export function argmaxRows(values: Float64Array, rows: number, cols: number): Int32Array {
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    let bestValue = values[i * cols]!;
    for (let j = 1; j < cols; j++) {
      const v = values[i * cols + j]!;
      if (v > bestValue) {
        bestValue = v;
        best = j;
      }
    }
    out[i] = best;
  }
  return out;
}

/** Freezes plain objects and arrays all the way down (typed arrays, which cannot be frozen, are left as they are). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
