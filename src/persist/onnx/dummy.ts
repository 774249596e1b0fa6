import type { LearnerConverter } from './converter.js';
import { attr } from './graph-builder.js';

/**
 * dummy: its constant output row repeated for every input row (Expand to [N, width], N read from
 * the input's shape).
 *
 * @example
 * convertDummy(model.state, model.info, 'X', context) // [N, width]
 */
export const convertDummy: LearnerConverter<{ readonly output: Float64Array }> = (
  { output },
  _info,
  input,
  { graph },
) => {
  const rows = graph.op('Gather', [graph.op('Shape', [input]), graph.int64([0])], { axis: attr.int(0) });
  const shape = graph.op('Concat', [rows, graph.int64([output.length])], { axis: attr.int(0) });
  return graph.op('Expand', [graph.constant(output, [1, output.length]), shape]);
};
