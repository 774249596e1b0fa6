import type { TransformerConverter } from './converter.js';

/** standardScaler's state (see src/data/encoders/standard-scaler.ts). */
interface StandardScalerState {
  readonly mean: Float64Array;
  readonly scale: Float64Array;
}

/**
 * standardScaler: (x − mean) / scale per column (a Sub and a Div; categorical columns have mean 0
 * and scale 1, so they pass through unchanged, and NaN stays NaN, as in the transformer).
 *
 * @example
 * const scaled = convertStandardScaler(step.state, 'X', graph);
 */
export const convertStandardScaler: TransformerConverter<StandardScalerState> = (
  { mean, scale },
  input,
  graph,
) => {
  const centred = graph.op('Sub', [input, graph.constant(mean, [mean.length])]);
  return graph.op('Div', [centred, graph.constant(scale, [scale.length])]);
};
