import { StacklearnError } from '../errors.js';
import { type ParamTable, types } from './params.js';
import type { LearnerDef } from './types.js';

export interface DummyParams {
  readonly strategy: 'auto' | 'mean' | 'median' | 'prior' | 'most_frequent';
}

const params: ParamTable<DummyParams> = {
  strategy: {
    type: types.oneOf('auto', 'mean', 'median', 'prior', 'most_frequent'),
    default: 'auto',
    doc: 'regression: "mean" or "median"; classification: "prior" (class frequencies) or "most_frequent"; "auto" is mean / prior',
  },
};

/** The state: one constant output row (a value, or class probabilities). */
interface DummyState {
  readonly output: Float64Array;
}

/**
 * The baseline every model must beat: predicts the (weighted) mean or median of the target, or the
 * class frequencies / the most frequent class, whatever the features.
 *
 * @example
 * await fit({ kind: 'dummy' }, data)
 */
export const dummy: LearnerDef<DummyParams, DummyState> = {
  kind: 'dummy',
  summary: 'Baseline: the mean / median target, or the class priors / most frequent class',
  tasks: ['regression', 'classification'],
  params,
  handlesMissing: true,
  fit({ strategy }, data) {
    const w = data.sampleWeight;
    const weight = (i: number): number => (w ? w[i]! : 1);
    if (data.task === 'regression') {
      if (strategy === 'prior' || strategy === 'most_frequent') {
        throw new StacklearnError(
          `dummy: strategy "${strategy}" is for classification; use "mean" or "median"`,
        );
      }
      const y = data.y;
      if (strategy === 'median') return { output: Float64Array.of(weightedMedian(y, w)) };
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        sum += weight(i) * y[i]!;
        total += weight(i);
      }
      return { output: Float64Array.of(sum / total) };
    }
    if (strategy === 'mean' || strategy === 'median') {
      throw new StacklearnError(
        `dummy: strategy "${strategy}" is for regression; use "prior" or "most_frequent"`,
      );
    }
    const counts = new Float64Array(data.classes.length);
    let total = 0;
    for (let i = 0; i < data.y.length; i++) {
      counts[data.y[i]!]! += weight(i);
      total += weight(i);
    }
    if (strategy === 'most_frequent') {
      let best = 0;
      for (let c = 1; c < counts.length; c++) if (counts[c]! > counts[best]!) best = c;
      const output = new Float64Array(counts.length);
      output[best] = 1;
      return { output };
    }
    return { output: counts.map((c) => c / total) };
  },
  predictor({ output }) {
    return (X) => {
      const out = new Float64Array(X.rows * output.length);
      for (let i = 0; i < X.rows; i++) out.set(output, i * output.length);
      return out;
    };
  },
  rowPredictor({ output }) {
    return (_row, out) => out.set(output);
  },
};

/** The weighted median: the smallest value whose cumulative weight reaches half the total. */
function weightedMedian(y: Float64Array, w: Float64Array | undefined): number {
  if (!w) {
    const sorted = Float64Array.from(y).sort();
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  const order = Array.from(y.keys()).sort((a, b) => y[a]! - y[b]!);
  let total = 0;
  for (const i of order) total += w[i]!;
  let cumulative = 0;
  for (const i of order) {
    cumulative += w[i]!;
    if (cumulative >= total / 2) return y[i]!;
  }
  return y[order[order.length - 1]!]!;
}
