import type { Matrix } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { checkCodes, checkLengths, weightedMean } from './inputs.js';

/**
 * Cross-entropy of class probabilities (rows × classes) against the true class codes, natural log,
 * (weighted) mean over rows. As scikit-learn 1.2 does, probabilities are first clipped to
 * [ε, 1 − ε] with ε = 2.220446049250313e-16 (float64 machine epsilon, its `eps="auto"`) and each row
 * is renormalised to sum to 1, so a confident wrong answer costs about 36, not infinity.
 *
 * @example
 * logLoss(Int32Array.of(0, 1), matrix([[0.9, 0.1], [0.2, 0.8]])) // (−ln 0.9 − ln 0.8) / 2 ≈ 0.164
 */
export function logLoss(yTrue: Int32Array, proba: Matrix, sampleWeight?: Float64Array): number {
  const metric = 'logLoss';
  checkLengths(metric, yTrue, proba.rows, 'proba (rows)', sampleWeight);
  const k = proba.cols;
  if (k < 2) throw new StacklearnError(`${metric}: proba needs at least 2 columns (classes); received ${k}`);
  checkCodes(metric, 'yTrue', yTrue, k);
  const p = proba.data;
  const low = Number.EPSILON;
  const high = 1 - Number.EPSILON;
  return weightedMean(yTrue.length, sampleWeight, (i) => {
    let sum = 0;
    for (let j = i * k; j < (i + 1) * k; j++) sum += Math.min(Math.max(p[j]!, low), high);
    const own = Math.min(Math.max(p[i * k + yTrue[i]!]!, low), high);
    return -Math.log(own / sum);
  });
}
