import type { Kernel } from '../../learners/svm/kernel.js';
import { attr, type GraphBuilder } from './graph-builder.js';

/**
 * The kernel values K(x, sv) of every row and support vector, [N, nSupport], from the dot products
 * as the library computes them: linear ⟨x, sv⟩; poly (γ⟨x, sv⟩ + coef0)^degree; rbf
 * exp(−γ(‖sv‖² + ‖x‖² − 2⟨x, sv⟩)); sigmoid tanh(γ⟨x, sv⟩ + coef0).
 *
 * @example
 * const K = kernelValues(graph, 'X', state.kernel, state.supportVectors, nFeatures);
 */
export function kernelValues(
  graph: GraphBuilder,
  input: string,
  { kernel, gamma, degree, coef0 }: Kernel,
  supportVectors: Float64Array,
  nFeatures: number,
): string {
  const nSupport = supportVectors.length / nFeatures;
  const scalar = (v: number) => graph.constant([v], [1]);
  if (kernel === 'poly' || kernel === 'sigmoid') {
    // γ⟨x, sv⟩ + coef0 as one Gemm over γ·sv: onnxruntime's optimiser fuses a Mul after a MatMul
    // into a kernel that lost digits in float64 (1e-7 relative).
    const scaled = graph.constant(
      supportVectors.map((v) => gamma * v),
      [nSupport, nFeatures],
    );
    const affine = graph.op(
      'Gemm',
      [input, scaled, graph.constant(new Float64Array(nSupport).fill(coef0), [nSupport])],
      {
        transB: attr.int(1),
      },
    );
    return kernel === 'poly' ? integerPower(graph, affine, degree) : graph.op('Tanh', [affine]);
  }
  const transposed = new Float64Array(supportVectors.length);
  for (let s = 0; s < nSupport; s++) {
    for (let j = 0; j < nFeatures; j++) transposed[j * nSupport + s] = supportVectors[s * nFeatures + j]!;
  }
  const dot = graph.op('MatMul', [input, graph.constant(transposed, [nFeatures, nSupport])]);
  switch (kernel) {
    case 'linear':
      return dot;
    case 'rbf': {
      const svNorms = new Float64Array(nSupport);
      for (let s = 0; s < nSupport; s++) {
        for (let j = 0; j < nFeatures; j++) svNorms[s]! += supportVectors[s * nFeatures + j]! ** 2;
      }
      const xNorms = graph.op('ReduceSum', [graph.op('Mul', [input, input]), graph.int64([1])], {
        keepdims: attr.int(1),
      });
      const squared = graph.op('Sub', [
        graph.op('Add', [graph.constant(svNorms, [nSupport]), xNorms]),
        graph.op('Mul', [dot, scalar(2)]),
      ]);
      return graph.op('Exp', [graph.op('Mul', [squared, scalar(-gamma)])]);
    }
  }
}

/** base^degree by squaring, the multiplications in the library's order (so float64 results agree to the bit). */
function integerPower(graph: GraphBuilder, base: string, degree: number): string {
  if (degree === 0)
    return graph.op('Add', [graph.op('Mul', [base, graph.constant([0], [1])]), graph.constant([1], [1])]);
  let result: string | undefined;
  let power = base;
  for (let t = degree; t > 0; t = Math.floor(t / 2)) {
    if (t % 2 === 1) result = result === undefined ? power : graph.op('Mul', [result, power]);
    if (t > 1) power = graph.op('Mul', [power, power]);
  }
  return result!;
}
