import type { SavedModel } from '../../learners/types.js';
import type { LearnerConverter } from './converter.js';
import { attr } from './graph-builder.js';
import { sum, weighted } from './voting.js';

/** bagging's state (see src/ensembles/bagging.ts). */
interface BaggingState {
  readonly members: readonly { readonly model: SavedModel; readonly features: Uint32Array | null }[];
}

/**
 * bagging: the mean of the members' outputs, each member reading its own feature columns (Gather).
 *
 * @example
 * convertBagging(model.state, model.info, 'X', context)
 */
export const convertBagging: LearnerConverter<BaggingState> = ({ members }, _info, input, context) => {
  const { graph } = context;
  const outputs = members.map(({ model, features }) => {
    const columns = features
      ? graph.op('Gather', [input, graph.int64(features)], { axis: attr.int(1) })
      : input;
    return weighted(context, context.convert(model, columns), 1 / members.length);
  });
  return sum(context, outputs);
};
