import type { WeightedState } from '../../ensembles/weighted-members.js';
import type { ConvertContext, LearnerConverter } from './converter.js';
import { attr, castTo } from './graph-builder.js';

/**
 * voting and ensembleSelection: the weighted mean of the members' outputs (Mul by wₘ / Σw, then
 * Sum), or for hard voting the weighted vote shares: each member's most probable class (ArgMax,
 * the first on ties, as the library) compared with every class code, cast and weighted.
 *
 * @example
 * convertWeightedMembers(model.state, model.info, 'X', context)
 */
export const convertWeightedMembers: LearnerConverter<WeightedState> = (
  { combine, members },
  info,
  input,
  context,
) => {
  const total = members.reduce((sum, member) => sum + member.weight, 0);
  const k = info.classes?.length ?? 1;
  const parts = members.map((member) => {
    const output = context.convert(member.model, input);
    const share = combine === 'vote' ? votes(context, output, k) : output;
    return weighted(context, share, member.weight / total);
  });
  return sum(context, parts);
};

/** Each row's most probable class as a one-hot row ([N, k] → [N, k] of 0 and 1). */
export function votes({ graph }: ConvertContext, probabilities: string, k: number): string {
  const best = graph.op('ArgMax', [probabilities], { axis: attr.int(1), keepdims: attr.int(1) });
  const codes = graph.int64(Array.from({ length: k }, (_, c) => c));
  return graph.op('Cast', [graph.op('Equal', [best, codes])], { to: attr.int(castTo[graph.elementType]) });
}

/** `values` times a constant weight (the tensor itself for weight 1). */
export function weighted({ graph }: ConvertContext, values: string, weight: number): string {
  return weight === 1 ? values : graph.op('Mul', [values, graph.constant([weight], [1])]);
}

/** The element-wise sum of tensors of one shape (the tensor itself for one). */
export function sum({ graph }: ConvertContext, parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : graph.op('Sum', parts);
}
