import type { StackState } from '../../ensembles/stack.js';
import type { LearnerConverter } from './converter.js';
import { attr, castTo } from './graph-builder.js';
import { sum, weighted } from './voting.js';

/**
 * stacking and blending: each member's output (its fold models averaged, for refit
 * "foldAverage"), turned into its meta-features — the value, chosen probability columns
 * (Gather), or the class code (ArgMax, cast) — then the passed-through raw columns, concatenated
 * in the library's order and fed to the final estimator's subgraph.
 *
 * @example
 * convertStack(model.state, model.info, 'X', context)
 */
export const convertStack: LearnerConverter<StackState> = (
  { members, passthrough, finalEstimator },
  _info,
  input,
  context,
) => {
  const { graph } = context;
  const columns: string[] = [];
  for (const member of members) {
    const outputs = member.models.map((model) => context.convert(model, input));
    const output = sum(
      context,
      outputs.map((o) => weighted(context, o, 1 / outputs.length)),
    );
    const { meta } = member;
    if (meta.kind === 'value') columns.push(output);
    else if (meta.kind === 'proba') {
      columns.push(graph.op('Gather', [output, graph.int64(meta.columns)], { axis: attr.int(1) }));
    } else {
      const code = graph.op('ArgMax', [output], { axis: attr.int(1), keepdims: attr.int(1) });
      columns.push(graph.op('Cast', [code], { to: attr.int(castTo[graph.elementType]) }));
    }
  }
  if (passthrough.length > 0) {
    columns.push(graph.op('Gather', [input, graph.int64(passthrough)], { axis: attr.int(1) }));
  }
  const meta = columns.length === 1 ? columns[0]! : graph.op('Concat', columns, { axis: attr.int(1) });
  return context.convert(finalEstimator, meta);
};
