import type { ModelInfo, SavedModel } from '../../learners/types.js';
import type { GraphBuilder } from './graph-builder.js';

/** What a converter works in: the graph, and a way to convert nested models (members, estimators). */
export interface ConvertContext {
  readonly graph: GraphBuilder;
  /** Adds a nested model reading tensor `input`; returns its output tensor (see LearnerConverter). */
  convert(model: Pick<SavedModel, 'kind' | 'info' | 'state'>, input: string): string;
  /** Adds a fitted transformer (a pipeline step) reading tensor `input`; returns its output tensor. */
  transform(step: { readonly kind: string; readonly state: unknown }, input: string): string;
  /** Refuses the model being converted: a StacklearnError naming it, where it sits, and `reason`. */
  refuse(reason: string): never;
}

/**
 * Adds one learner's prediction to the graph. `input` is a [N, features] tensor of the model's
 * element type; the result is the name of a [N, width] tensor of that type, as `modelOutputs`
 * gives: width 1 (the value) for regression, the class probabilities for classification.
 *
 * @example
 * const convertRidge: LearnerConverter<RidgeState> = (state, _info, input, { graph }) => linearScores(graph, input, ...);
 */
// biome-ignore lint/suspicious/noExplicitAny: each converter types its own state; the table holds them all.
export type LearnerConverter<S = any> = (
  state: S,
  info: ModelInfo,
  input: string,
  context: ConvertContext,
) => string;

/**
 * Adds one pipeline step (a fitted transformer) to the graph: [N, features in] → [N, features out],
 * both of the model's element type.
 *
 * @example
 * const convertScaler: TransformerConverter<ScalerState> = (state, input, graph) => graph.op('Div', [...]);
 */
// biome-ignore lint/suspicious/noExplicitAny: as LearnerConverter.
export type TransformerConverter<S = any> = (state: S, input: string, graph: GraphBuilder) => string;
