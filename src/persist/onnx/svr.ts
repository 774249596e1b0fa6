import type { SvrState } from '../../learners/svm/svr.js';
import type { LearnerConverter } from './converter.js';
import { attr } from './graph-builder.js';
import { linearScores } from './linear.js';
import { kernelValues } from './svm-kernel.js';

/**
 * svr: Σₛ dualCoefₛ K(x, svₛ) + intercept (the kernel values, then a Gemm; for the linear kernel
 * one weight vector Σₛ dualCoefₛ svₛ).
 *
 * @example
 * convertSvr(model.state, model.info, 'X', context) // [N, 1]
 */
export const convertSvr: LearnerConverter<SvrState> = (state, info, input, { graph }) => {
  const nFeatures = info.features.length;
  if (state.kernel.kernel === 'linear') {
    // Σ αₛ⟨x, svₛ⟩ = ⟨x, Σ αₛ svₛ⟩: one weight vector, without float32 cancellation between support vectors.
    const coef = new Float64Array(nFeatures);
    state.dualCoef.forEach((alpha, s) => {
      for (let j = 0; j < nFeatures; j++) coef[j]! += alpha * state.supportVectors[s * nFeatures + j]!;
    });
    return linearScores(graph, input, coef, Float64Array.of(state.intercept));
  }
  const K = kernelValues(graph, input, state.kernel, state.supportVectors, nFeatures);
  const weights = graph.constant(state.dualCoef, [1, state.dualCoef.length]);
  return graph.op('Gemm', [K, weights, graph.constant([state.intercept], [1])], { transB: attr.int(1) });
};
