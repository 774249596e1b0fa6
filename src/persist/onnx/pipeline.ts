import type { SavedModel, Spec } from '../../learners/types.js';
import type { LearnerConverter } from './converter.js';

/** pipeline's state (see src/learners/pipeline.ts). */
interface PipelineState {
  readonly steps: readonly { readonly kind: string; readonly spec: Spec; readonly state: unknown }[];
  readonly estimator: SavedModel;
}

/**
 * pipeline: its steps' subgraphs one after the other, then its estimator's.
 *
 * @example
 * convertPipeline(model.state, model.info, 'X', context)
 */
export const convertPipeline: LearnerConverter<PipelineState> = (
  { steps, estimator },
  _info,
  input,
  context,
) => {
  let current = input;
  for (const step of steps) current = context.transform(step, current);
  return context.convert(estimator, current);
};
