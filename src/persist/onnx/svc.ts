import type { SvcState } from '../../learners/svm/svc-predict.js';
import type { LearnerConverter } from './converter.js';
import { convertDummy } from './dummy.js';
import { attr, castTo } from './graph-builder.js';
import { kernelValues } from './svm-kernel.js';

/**
 * svc without Platt scaling (probability: false), or with it for two classes: the pairwise
 * decision values f_ab = Σ coef·K(sv, x) + intercept_ab as one Gemm over the kernel values; then
 * the one-vs-one vote as a 0/1 row (votes for a where f_ab > 0, the lowest class on ties, ArgMax's
 * first index), or for two classes p_a = σ(−(A·f + B)) clipped to [1e-7, 1 − 1e-7]. The model
 * classes map to the model's class columns through a 0/1 matrix. Several classes with Platt
 * scaling are refused: libsvm's coupling of the pairwise probabilities is iterative.
 *
 * @example
 * convertSvc(model.state, model.info, 'X', context)
 */
export const convertSvc: LearnerConverter<SvcState> = (state, info, input, context) => {
  const { graph } = context;
  const k = info.classes?.length ?? 0;
  const { classIndex, nSupport, dualCoef, intercept } = state;
  const m = classIndex.length;
  if (m === 1) {
    const output = new Float64Array(k);
    output[classIndex[0]!] = 1;
    return convertDummy({ output }, info, input, context);
  }
  const usePlatt = state.probA.length > 0;
  if (usePlatt && m > 2) {
    context.refuse(
      `with probability: true and ${m} classes its probabilities couple the pairwise Platt sigmoids by libsvm's iterative method, which ONNX cannot express without a Loop (fit it with probability: false to export its votes)`,
    );
  }
  const nSV = state.support.length;
  const nPairs = (m * (m - 1)) / 2;
  const start = new Int32Array(m);
  for (let c = 1; c < m; c++) start[c] = start[c - 1]! + nSupport[c - 1]!;
  // Row p of the pair weights: class a's coefficients (sv_coef row b − 1), then class b's (row a).
  const weights = new Float64Array(nPairs * nSV);
  const votesFor = new Float64Array(nPairs * m);
  const votesAgainst = new Float64Array(m);
  let pair = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      for (let s = start[a]!; s < start[a]! + nSupport[a]!; s++)
        weights[pair * nSV + s] = dualCoef[(b - 1) * nSV + s]!;
      for (let s = start[b]!; s < start[b]! + nSupport[b]!; s++)
        weights[pair * nSV + s] = dualCoef[a * nSV + s]!;
      // votes = [f > 0]·(A − B) + Σ B: a's vote when positive, b's otherwise.
      votesFor[pair * m + a] = 1;
      votesFor[pair * m + b] = -1;
      votesAgainst[b]! += 1;
      pair++;
    }
  }
  const K = kernelValues(graph, input, state.kernel, state.supportVectors, info.features.length);
  const decision = graph.op(
    'Gemm',
    [K, graph.constant(weights, [nPairs, nSV]), graph.constant(intercept, [nPairs])],
    {
      transB: attr.int(1),
    },
  );
  let modelProba: string;
  if (usePlatt) {
    const fApB = graph.op('Add', [
      graph.op('Mul', [decision, graph.constant([state.probA[0]!], [1])]),
      graph.constant([state.probB[0]!], [1]),
    ]);
    const first = graph.op('Clip', [
      graph.op('Sigmoid', [graph.op('Neg', [fApB])]),
      graph.constant([1e-7], []),
      graph.constant([1 - 1e-7], []),
    ]);
    const second = graph.op('Sub', [graph.constant([1], [1]), first]);
    modelProba = graph.op('Concat', [first, second], { axis: attr.int(1) });
  } else {
    const positive = graph.op('Cast', [graph.op('Greater', [decision, graph.constant([0], [1])])], {
      to: attr.int(castTo[graph.elementType]),
    });
    const votes = graph.op('Gemm', [
      positive,
      graph.constant(votesFor, [nPairs, m]),
      graph.constant(votesAgainst, [m]),
    ]);
    const best = graph.op('ArgMax', [votes], { axis: attr.int(1), keepdims: attr.int(1) });
    const codes = graph.int64(Array.from({ length: m }, (_, c) => c));
    modelProba = graph.op('Cast', [graph.op('Equal', [best, codes])], {
      to: attr.int(castTo[graph.elementType]),
    });
  }
  // Model class c is class column classIndex[c].
  const toClasses = new Float64Array(m * k);
  classIndex.forEach((column, c) => {
    toClasses[c * k + column] = 1;
  });
  return graph.op('MatMul', [modelProba, graph.constant(toClasses, [m, k])]);
};
