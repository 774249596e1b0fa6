import { StacklearnError } from '../errors.js';
import { checkCodes, checkLengths, weightedMean } from './inputs.js';

/** How per-class scores are combined, as scikit-learn's `average`. */
export type Average = 'binary' | 'macro' | 'weighted' | 'micro';

/** Options of precisionScore, recallScore and f1Score. */
export interface AverageOptions {
  /**
   * 'binary' (default): the score of class `posLabel` alone (at most two classes may occur);
   * 'macro': the plain mean over the classes that occur in yTrue or yPred; 'weighted': the mean
   * weighted by each class's (weighted) count in yTrue; 'micro': from the totals over all classes.
   */
  readonly average?: Average;
  /** The positive class code for average 'binary'; default 1. */
  readonly posLabel?: number;
  readonly sampleWeight?: Float64Array;
}

/**
 * The confusion matrix: entry [t][p] is the (weighted) number of rows of true class t predicted as
 * class p. Plain `number[][]` rather than an Int32Array, so that fractional sample weights fit and
 * the result prints and serialises as is.
 *
 * @example
 * confusionMatrix(Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1), 2) // [[1, 0], [1, 1]]
 */
export function confusionMatrix(
  yTrue: Int32Array,
  yPred: Int32Array,
  nClasses: number,
  sampleWeight?: Float64Array,
): number[][] {
  const metric = 'confusionMatrix';
  checkLengths(metric, yTrue, yPred.length, 'yPred', sampleWeight);
  if (!Number.isInteger(nClasses) || nClasses < 1) {
    throw new StacklearnError(`${metric}: nClasses must be an integer ≥ 1; received ${nClasses}`);
  }
  checkCodes(metric, 'yTrue', yTrue, nClasses);
  checkCodes(metric, 'yPred', yPred, nClasses);
  const out = Array.from({ length: nClasses }, () => new Array<number>(nClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) out[yTrue[i]!]![yPred[i]!]! += sampleWeight ? sampleWeight[i]! : 1;
  return out;
}

/**
 * The (weighted) fraction of rows whose predicted class is the true one.
 *
 * @example
 * accuracyScore(Int32Array.of(0, 1, 1, 2), Int32Array.of(0, 1, 2, 2)) // 0.75
 */
export function accuracyScore(yTrue: Int32Array, yPred: Int32Array, sampleWeight?: Float64Array): number {
  checkLengths('accuracyScore', yTrue, yPred.length, 'yPred', sampleWeight);
  return weightedMean(yTrue.length, sampleWeight, (i) => (yTrue[i] === yPred[i] ? 1 : 0));
}

/**
 * The mean of the per-class recalls over the classes that occur in `yTrue` (classes only predicted
 * are left out, as scikit-learn does): accuracy that a majority class cannot dominate.
 *
 * @example
 * balancedAccuracyScore(Int32Array.of(0, 0, 0, 1), Int32Array.of(0, 0, 0, 0)) // 0.5
 */
export function balancedAccuracyScore(
  yTrue: Int32Array,
  yPred: Int32Array,
  sampleWeight?: Float64Array,
): number {
  const { hits, truth } = classTotals('balancedAccuracyScore', yTrue, yPred, sampleWeight);
  let sum = 0;
  let count = 0;
  for (let c = 0; c < truth.length; c++) {
    if (truth[c]! === 0) continue;
    sum += hits[c]! / truth[c]!;
    count++;
  }
  return sum / count;
}

/**
 * Precision tp / (tp + fp), averaged as `options.average` says; 0 where nothing was predicted
 * (scikit-learn's default zero-division result).
 *
 * @example
 * precisionScore(Int32Array.of(0, 1, 1), Int32Array.of(1, 1, 0)) // 0.5
 */
export function precisionScore(yTrue: Int32Array, yPred: Int32Array, options: AverageOptions = {}): number {
  return averagedScore('precisionScore', yTrue, yPred, options, (hit, _truth, predicted) =>
    ratio(hit, predicted),
  );
}

/**
 * Recall tp / (tp + fn), averaged as `options.average` says; 0 for a class with no true rows.
 *
 * @example
 * recallScore(Int32Array.of(0, 1, 1), Int32Array.of(1, 1, 0)) // 0.5
 */
export function recallScore(yTrue: Int32Array, yPred: Int32Array, options: AverageOptions = {}): number {
  return averagedScore('recallScore', yTrue, yPred, options, (hit, truth) => ratio(hit, truth));
}

/**
 * F1, the harmonic mean of precision and recall, averaged as `options.average` says ('macro'
 * averages the per-class F1s; 'micro' is the F1 of the pooled counts).
 *
 * @example
 * f1Score(Int32Array.of(0, 1, 1, 1), Int32Array.of(1, 1, 0, 1)) // 0.6666…
 */
export function f1Score(yTrue: Int32Array, yPred: Int32Array, options: AverageOptions = {}): number {
  return averagedScore('f1Score', yTrue, yPred, options, (hit, truth, predicted) => {
    const precision = ratio(hit, predicted);
    const recall = ratio(hit, truth);
    const sum = precision + recall;
    return sum === 0 ? 0 : (2 * precision * recall) / sum;
  });
}

/** Per class: (weighted) correct predictions, true rows, predicted rows, and whether it occurs at all. */
interface ClassTotals {
  readonly hits: Float64Array;
  readonly truth: Float64Array;
  readonly predicted: Float64Array;
  readonly present: Uint8Array;
}

function classTotals(
  metric: string,
  yTrue: Int32Array,
  yPred: Int32Array,
  sampleWeight: Float64Array | undefined,
): ClassTotals {
  checkLengths(metric, yTrue, yPred.length, 'yPred', sampleWeight);
  checkCodes(metric, 'yTrue', yTrue);
  checkCodes(metric, 'yPred', yPred);
  let k = 0;
  for (let i = 0; i < yTrue.length; i++) k = Math.max(k, yTrue[i]! + 1, yPred[i]! + 1);
  const hits = new Float64Array(k);
  const truth = new Float64Array(k);
  const predicted = new Float64Array(k);
  const present = new Uint8Array(k);
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    const w = sampleWeight ? sampleWeight[i]! : 1;
    truth[t]! += w;
    predicted[p]! += w;
    if (t === p) hits[t]! += w;
    present[t] = 1;
    present[p] = 1;
  }
  return { hits, truth, predicted, present };
}

type ClassScore = (hit: number, truth: number, predicted: number) => number;

function averagedScore(
  metric: string,
  yTrue: Int32Array,
  yPred: Int32Array,
  options: AverageOptions,
  score: ClassScore,
): number {
  const { average = 'binary', posLabel = 1, sampleWeight } = options;
  const { hits, truth, predicted, present } = classTotals(metric, yTrue, yPred, sampleWeight);
  const occurring: number[] = [];
  for (let c = 0; c < present.length; c++) if (present[c]) occurring.push(c);
  switch (average) {
    case 'binary': {
      if (occurring.length > 2) {
        throw new StacklearnError(
          `${metric}: average "binary" needs at most two classes, but yTrue and yPred hold ` +
            `${occurring.join(', ')}; use average "macro", "weighted" or "micro"`,
        );
      }
      if (!Number.isInteger(posLabel) || posLabel < 0) {
        throw new StacklearnError(`${metric}: posLabel must be a class code ≥ 0; received ${posLabel}`);
      }
      if (occurring.length === 2 && !occurring.includes(posLabel)) {
        throw new StacklearnError(
          `${metric}: posLabel ${posLabel} does not occur in yTrue or yPred; expected one of ${occurring.join(', ')}`,
        );
      }
      const c = posLabel;
      return c < present.length ? score(hits[c]!, truth[c]!, predicted[c]!) : 0;
    }
    case 'micro': {
      let hit = 0;
      let t = 0;
      let p = 0;
      for (const c of occurring) {
        hit += hits[c]!;
        t += truth[c]!;
        p += predicted[c]!;
      }
      return score(hit, t, p);
    }
    case 'macro': {
      let sum = 0;
      for (const c of occurring) sum += score(hits[c]!, truth[c]!, predicted[c]!);
      return sum / occurring.length;
    }
    case 'weighted': {
      let sum = 0;
      let total = 0;
      for (const c of occurring) {
        sum += truth[c]! * score(hits[c]!, truth[c]!, predicted[c]!);
        total += truth[c]!;
      }
      return total === 0 ? 0 : sum / total;
    }
    default:
      throw new StacklearnError(
        `${metric}: average must be one of "binary", "macro", "weighted", "micro"; received ${JSON.stringify(average)}`,
      );
  }
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
