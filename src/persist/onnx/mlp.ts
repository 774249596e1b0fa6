import type { Activation, OutputActivation } from '../../learners/mlp/activations.js';
import type { LearnerConverter } from './converter.js';
import { attr } from './graph-builder.js';
import { binaryProbabilities } from './probabilities.js';

/** mlp's state (see src/learners/mlp.ts). */
interface MlpState {
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly outActivation: OutputActivation;
  readonly residual: boolean;
  /** Per layer: fanIn × fanOut weights, row-major. */
  readonly coefs: readonly Float64Array[];
  readonly intercepts: readonly Float64Array[];
}

const hiddenOps: Readonly<Record<Activation, string | null>> = {
  identity: null,
  relu: 'Relu',
  tanh: 'Tanh',
  logistic: 'Sigmoid',
};

/**
 * mlp: per layer a Gemm (h·W + b) and the hidden activation (Relu, Tanh, Sigmoid), adding the
 * layer's input back where the network has residual connections (hidden layers after the first);
 * the output is the value, [1 − p, p] of a sigmoid, or a softmax.
 *
 * @example
 * convertMlp(model.state, model.info, 'X', context)
 */
export const convertMlp: LearnerConverter<MlpState> = (state, _info, input, { graph }) => {
  const { sizes, coefs, intercepts } = state;
  const nLayers = coefs.length;
  let h = input;
  for (let l = 0; l < nLayers; l++) {
    const weights = graph.constant(coefs[l]!, [sizes[l]!, sizes[l + 1]!]);
    const affine = graph.op('Gemm', [h, weights, graph.constant(intercepts[l]!, [sizes[l + 1]!])]);
    if (l + 1 === nLayers) {
      if (state.outActivation === 'logistic')
        return binaryProbabilities(graph, graph.op('Sigmoid', [affine]));
      if (state.outActivation === 'softmax') return graph.op('Softmax', [affine], { axis: attr.int(1) });
      return affine;
    }
    const op = hiddenOps[state.activation];
    const activated = op ? graph.op(op, [affine]) : affine;
    // As the network's hasSkip: hidden layers after the first, when residual.
    const skip = state.residual && l >= 1 && l + 2 < sizes.length;
    h = skip ? graph.op('Add', [activated, h]) : activated;
  }
  return h;
};
