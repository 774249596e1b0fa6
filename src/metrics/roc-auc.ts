import { column, type Matrix } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { checkCodes, checkLengths } from './inputs.js';

/** Options of rocAucScore. */
export interface RocAucOptions {
  /** Multiclass: the plain mean of the one-vs-rest AUCs ('macro', default) or weighted by class frequency. */
  readonly average?: 'macro' | 'weighted';
  /** Binary: the positive class code (default 1); with a 2-column matrix, also the column scored. */
  readonly posLabel?: number;
  readonly sampleWeight?: Float64Array;
}

/**
 * Area under the ROC curve. Binary: `scores` is one score per row for class `posLabel` (or a
 * rows × 2 probability matrix); tied scores count one half, as the trapezoidal rule and the
 * Mann–Whitney statistic both do. Multiclass: a rows × k probability matrix (rows summing to 1),
 * scored one-vs-rest per class and averaged. Throws when a class needed is missing from `yTrue`
 * (the AUC is then undefined), as scikit-learn does.
 *
 * @example
 * rocAucScore(Int32Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.75
 */
export function rocAucScore(
  yTrue: Int32Array,
  scores: Float64Array | Matrix,
  options: RocAucOptions = {},
): number {
  const metric = 'rocAucScore';
  const { average = 'macro', posLabel = 1, sampleWeight } = options;
  const rows = ArrayBuffer.isView(scores) ? scores.length : scores.rows;
  checkLengths(metric, yTrue, rows, 'scores', sampleWeight);
  checkCodes(metric, 'yTrue', yTrue);
  if (ArrayBuffer.isView(scores)) return binaryAuc(yTrue, posLabel, scores, sampleWeight);
  if (scores.cols === 2) {
    if (posLabel !== 0 && posLabel !== 1) {
      throw new StacklearnError(
        `${metric}: posLabel must be 0 or 1 with 2 score columns; received ${posLabel}`,
      );
    }
    return binaryAuc(yTrue, posLabel, column(scores, posLabel), sampleWeight);
  }
  if (scores.cols < 2) {
    throw new StacklearnError(`${metric}: scores need at least 2 columns (classes); received ${scores.cols}`);
  }
  if (average !== 'macro' && average !== 'weighted') {
    throw new StacklearnError(
      `${metric}: average must be "macro" or "weighted"; received ${JSON.stringify(average)}`,
    );
  }
  return oneVsRestAuc(yTrue, scores, average, sampleWeight);
}

function oneVsRestAuc(
  yTrue: Int32Array,
  proba: Matrix,
  average: 'macro' | 'weighted',
  sampleWeight: Float64Array | undefined,
): number {
  const k = proba.cols;
  checkCodes('rocAucScore', 'yTrue', yTrue, k);
  for (let i = 0; i < proba.rows; i++) {
    let sum = 0;
    for (let j = i * k; j < (i + 1) * k; j++) sum += proba.data[j]!;
    // numpy's allclose(1, sum): scikit-learn refuses scores that are not probabilities.
    if (!(Math.abs(sum - 1) <= 1e-8 + 1e-5)) {
      throw new StacklearnError(
        `rocAucScore: multiclass scores must be probabilities; row ${i} sums to ${sum}, expected 1`,
      );
    }
  }
  const classWeight = new Float64Array(k);
  for (let i = 0; i < yTrue.length; i++) classWeight[yTrue[i]!]! += sampleWeight ? sampleWeight[i]! : 1;
  let sum = 0;
  let total = 0;
  for (let c = 0; c < k; c++) {
    const weight = average === 'weighted' ? classWeight[c]! : 1;
    sum += weight * binaryAuc(yTrue, c, column(proba, c), sampleWeight);
    total += weight;
  }
  return sum / total;
}

/** The trapezoidal area under (fpr, tpr) over the distinct score thresholds, as scikit-learn's roc_curve + auc. */
function binaryAuc(
  yTrue: Int32Array,
  posLabel: number,
  scores: Float64Array,
  sampleWeight: Float64Array | undefined,
): number {
  const n = yTrue.length;
  let positives = 0;
  let negatives = 0;
  let positiveRows = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scores[i]!)) throw new StacklearnError(`rocAucScore: the score at row ${i} is NaN`);
    const w = sampleWeight ? sampleWeight[i]! : 1;
    if (yTrue[i] === posLabel) {
      positives += w;
      positiveRows++;
    } else negatives += w;
  }
  if (positiveRows === 0 || positiveRows === n) {
    throw new StacklearnError(
      `rocAucScore: only one class present in yTrue (${positiveRows === 0 ? 'no rows' : 'every row'} of ` +
        `class ${posLabel}); the ROC AUC is not defined then`,
    );
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b]! - scores[a]!);
  let tp = 0;
  let fp = 0;
  let previousTpr = 0;
  let previousFpr = 0;
  let area = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const w = sampleWeight ? sampleWeight[i]! : 1;
    if (yTrue[i] === posLabel) tp += w;
    else fp += w;
    // One ROC point per distinct score: tied rows move tpr and fpr together, a diagonal step.
    if (r + 1 < n && scores[order[r + 1]!] === scores[i]) continue;
    const tpr = tp / positives;
    const fpr = fp / negatives;
    area += ((fpr - previousFpr) * (tpr + previousTpr)) / 2;
    previousTpr = tpr;
    previousFpr = fpr;
  }
  return area;
}
