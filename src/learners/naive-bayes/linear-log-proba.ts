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
    const row = i * cols;
    for (let c = 0; c < nClasses; c++) {
      const w = c * cols;
      let sum = 0;
      if (binarize === null) {
        for (let j = 0; j < cols; j++) sum += data[row + j]! * weights[w + j]!;
      } else {
        for (let j = 0; j < cols; j++) if (data[row + j]! > binarize) sum += weights[w + j]!;
      }
      out[i * nClasses + c] = sum + bias[c]!;
    }
  }
  return softmaxRowsInPlace(out, rows, nClasses);
}
