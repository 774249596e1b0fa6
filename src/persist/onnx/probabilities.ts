import { attr, type GraphBuilder } from './graph-builder.js';

/**
 * The two-class probabilities [1 − p, p] from p, the positive class's probability ([N, 1] → [N, 2]).
 *
 * @example
 * const proba = binaryProbabilities(graph, graph.op('Sigmoid', [logit]));
 */
export function binaryProbabilities(graph: GraphBuilder, positive: string): string {
  const negative = graph.op('Sub', [graph.constant([1], [1]), positive]);
  return graph.op('Concat', [negative, positive], { axis: attr.int(1) });
}

/**
 * Each row divided by its sum ([N, k] → [N, k]).
 *
 * @example
 * const proba = normalizeRows(graph, graph.op('Sigmoid', [scores])); // one-vs-rest
 */
export function normalizeRows(graph: GraphBuilder, values: string): string {
  const sums = graph.op('ReduceSum', [values, graph.int64([1])], { keepdims: attr.int(1) });
  return graph.op('Div', [values, sums]);
}
