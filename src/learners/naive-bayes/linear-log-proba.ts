import type { Matrix } from '../../data/matrix.js';
import { softmaxRowsInPlace } from '../softmax-rows.js';

/**
 * Class probabilities of a naive Bayes model whose joint log-likelihood is linear in the features:
 * jll(x, c) = Σⱼ xⱼ·weights[c, j] + bias[c] (multinomial, and Bernoulli once rearranged), normalised
 * through log-sum-exp. With a `binarize` threshold each value is first mapped to 1 (above) or 0.
 *
 * @example
 * linearLogProba(X, featureLogProb, classLogPrior, 3, null) // rows × 3 probabilities
 */
export function linearLogProba(
  X: Matrix,
  weights: Float64Array,
  bias: Float64Array,
  nClasses: number,
  binarize: number | null,
): Float64Array {
  const { rows, cols, data } = X;
  const out = new Float64Array(rows * nClasses);
  for (let i = 0; i < rows; i++) {
    linearJointLogLikelihood(data, i * cols, cols, weights, bias, nClasses, binarize, out, i * nClasses);
  }
  return softmaxRowsInPlace(out, rows, nClasses);
}

/**
 * The joint log-likelihoods of one row (the `cols` values of `data` from `start`) into `out` from
 * `outStart`: the per-row part of linearLogProba, before normalisation. Allocates nothing.
 *
 * @example
 * linearJointLogLikelihood(row, 0, row.length, weights, bias, 3, null, out, 0);
 * softmaxRowsInPlace(out, 1, 3); // as one row of linearLogProba
 */
export function linearJointLogLikelihood(
  data: Float64Array,
  start: number,
  cols: number,
  weights: Float64Array,
  bias: Float64Array,
  nClasses: number,
  binarize: number | null,
  out: Float64Array,
  outStart: number,
): void {
  for (let c = 0; c < nClasses; c++) {
    const w = c * cols;
    let sum = 0;
    if (binarize === null) {
      for (let j = 0; j < cols; j++) sum += data[start + j]! * weights[w + j]!;
    } else {
      for (let j = 0; j < cols; j++) if (data[start + j]! > binarize) sum += weights[w + j]!;
    }
    out[outStart + c] = sum + bias[c]!;
  }
}
