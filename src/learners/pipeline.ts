import type { Matrix } from '../data/matrix.js';
import type { RowTransformFn } from '../data/transformer.js';
import { StacklearnError } from '../errors.js';
import { checkedRowPathOf } from './compile.js';
import { fit, restoreModel, toSavedModel } from './fit.js';
import { type ParamTable, resolveParams } from './params.js';
import { getTransformer } from './registry.js';
import type { Feature, LearnerDef, Model, RowPredictFn, SavedModel, Spec } from './types.js';
import { checkPredictInput } from './validate.js';

export interface PipelineParams {
  readonly steps: readonly Spec[];
  readonly estimator: Spec;
}

const params: ParamTable<PipelineParams> = {
  steps: {
    type: { type: 'array', items: { type: 'object' } },
    default: [],
    doc: 'transformer specs applied in order (simpleImputer, oneHotEncoder, standardScaler ...)',
  },
  estimator: {
    type: { type: 'object' },
    default: { kind: 'dummy' },
    doc: 'the learner fitted on the transformed data',
  },
};

interface StepState {
  readonly kind: string;
  readonly spec: Spec;
  readonly state: unknown;
}

interface PipelineState {
  readonly steps: readonly StepState[];
  readonly estimator: SavedModel;
}

/**
 * Transformers then a learner, as one learner: preprocessing is fitted on the training rows only,
 * so it can sit inside cross-validation and ensembles without leaking.
 *
 * @example
 * await fit({ kind: 'pipeline', steps: [{ kind: 'simpleImputer' }, { kind: 'standardScaler' }], estimator: { kind: 'knn' } }, data)
 */
export const pipeline: LearnerDef<PipelineParams, PipelineState> = {
  kind: 'pipeline',
  summary: 'Preprocessing steps followed by a learner, fitted as one',
  tasks: ['regression', 'classification'],
  params,
  // Each step and the estimator check missing values themselves.
  handlesMissing: true,
  async fit({ steps, estimator }, data, context) {
    let X = data.X;
    let features = data.features;
    const fitted: StepState[] = [];
    for (const [index, step] of steps.entries()) {
      const def = getTransformer(step?.kind);
      const stepParams = resolveParams(def.kind, def.params, step as Record<string, unknown>);
      checkPredictInput(X, features, `pipeline step ${index} (${def.kind})`, def.handlesMissing === true);
      const state = def.fit(stepParams, { X, features });
      const nextFeatures = def.outputFeatures(state, features);
      X = def.transformer(state)(X);
      features = nextFeatures;
      fitted.push({ kind: def.kind, spec: { kind: def.kind, ...(stepParams as object) }, state });
    }
    if (typeof estimator?.kind !== 'string') {
      throw new StacklearnError('pipeline: parameter "estimator" must be a learner spec with a "kind"');
    }
    const model = await fit(estimator, { ...data, X, features }, context);
    return { steps: fitted, estimator: toSavedModel(model) };
  },
  predictor(state) {
    const transforms = state.steps.map((step) => getTransformer(step.kind).transformer(step.state));
    const model: Model = restoreModel(state.estimator);
    return (X: Matrix) => {
      let current = X;
      for (const apply of transforms) current = apply(current);
      return model.task === 'regression' ? model.predict(current) : model.predictProba(current).data;
    };
  },
  // As predictor: each step's row path into its own preallocated row, then the estimator's row
  // path with the check its predict does. Undefined when a step or the estimator has none.
  rowPredictor(state, info) {
    const estimator = checkedRowPathOf(state.estimator);
    if (estimator === undefined) return undefined;
    const transforms: RowTransformFn[] = [];
    const buffers: Float64Array[] = [];
    let features: readonly Feature[] = info.features;
    for (const step of state.steps) {
      const def = getTransformer(step.kind);
      const transform = def.rowTransformer?.(step.state);
      if (transform === undefined) return undefined;
      features = def.outputFeatures(step.state, features);
      transforms.push(transform);
      buffers.push(new Float64Array(features.length));
    }
    return pipelineRow(transforms, buffers, estimator);
  },
};

function pipelineRow(
  transforms: readonly RowTransformFn[],
  buffers: readonly Float64Array[],
  estimator: RowPredictFn,
): RowPredictFn {
  const n = transforms.length;
  return (row, out) => {
    let current = row;
    for (let s = 0; s < n; s++) {
      const next = buffers[s]!;
      transforms[s]!(current, next);
      current = next;
    }
    estimator(current, out);
  };
}
