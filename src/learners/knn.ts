import type { Matrix } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { type ParamTable, types } from './params.js';
import type { LearnerDef } from './types.js';

export interface KnnParams {
  readonly nNeighbors: number;
  readonly weights: 'uniform' | 'distance';
  readonly p: number;
}

const params: ParamTable<KnnParams> = {
  nNeighbors: { type: types.int(1), default: 5, doc: 'number of neighbours that vote / are averaged' },
  weights: {
    type: types.oneOf('uniform', 'distance'),
    default: 'uniform',
    doc: '"uniform": every neighbour counts the same; "distance": weight 1 / distance (an exact match takes all the weight)',
  },
  p: { type: types.number(1), default: 2, doc: 'power of the Minkowski distance: 1 manhattan, 2 euclidean' },
};

/** The state: the training rows and targets, and what prediction needs of the parameters. */
interface KnnState {
  readonly nNeighbors: number;
  readonly weights: 'uniform' | 'distance';
  readonly p: number;
  readonly nCols: number;
  readonly X: Float64Array;
  /** Regression: the targets; classification: class codes. */
  readonly y: Float64Array | Int32Array;
  /** 0 for regression. */
  readonly nClasses: number;
}

/**
 * k-nearest neighbours by brute force: the (weighted) mean of the neighbours' targets, or their
 * (weighted) class votes as probabilities. The neighbours are chosen as scikit-learn's brute-force
 * search chooses them, ties in distance included. Sample weights are ignored, as in scikit-learn.
 *
 * @example
 * await fit({ kind: 'knn', nNeighbors: 10, weights: 'distance', p: 1 }, data)
 */
export const knn: LearnerDef<KnnParams, KnnState> = {
  kind: 'knn',
  summary: 'k-nearest neighbours (Minkowski distance, uniform or distance weights)',
  tasks: ['regression', 'classification'],
  params,
  scaleSensitive: true,
  fit({ nNeighbors, weights, p }, data) {
    if (nNeighbors > data.X.rows) {
      throw new StacklearnError(
        `knn: nNeighbors is ${nNeighbors} but there are only ${data.X.rows} training rows; ` +
          'nNeighbors must be ≤ the number of training rows',
      );
    }
    const nClasses = data.task === 'regression' ? 0 : data.classes.length;
    return {
      nNeighbors,
      weights,
      p,
      nCols: data.X.cols,
      X: data.X.data.slice(),
      y: data.y.slice(),
      nClasses,
    };
  },
  predictor(state) {
    const width = state.nClasses || 1;
    const predictRow = rowEvaluator(state);
    return (X: Matrix): Float64Array => {
      const out = new Float64Array(X.rows * width);
      for (let q = 0; q < X.rows; q++) predictRow(X.data, q * X.cols, out, q * width);
      return out;
    };
  },
  rowPredictor(state) {
    const predictRow = rowEvaluator(state);
    return (row, out) => predictRow(row, 0, out, 0);
  },
};

/**
 * The prediction of the query at `data[offset …]` into `out[at …]`: the value, or the class
 * probabilities. The k-best buffers are allocated once, so a call allocates nothing.
 */
function rowEvaluator(
  state: KnnState,
): (data: Float64Array, offset: number, out: Float64Array, at: number) => void {
  const { nNeighbors: k, nClasses, y } = state;
  const dist = new Float64Array(k);
  const index = new Int32Array(k);
  const weight = new Float64Array(k);
  return (data, offset, out, at) => {
    nearest(state, data, offset, dist, index);
    neighbourWeights(state, dist, weight);
    if (nClasses === 0) {
      let sum = 0;
      let total = 0;
      for (let j = 0; j < k; j++) {
        sum += weight[j]! * y[index[j]!]!;
        total += weight[j]!;
      }
      out[at] = sum / total;
      return;
    }
    out.fill(0, at, at + nClasses);
    let total = 0;
    for (let j = 0; j < k; j++) out[at + y[index[j]!]!]! += weight[j]!;
    for (let c = 0; c < nClasses; c++) total += out[at + c]!;
    for (let c = 0; c < nClasses; c++) out[at + c]! /= total;
  };
}

/**
 * The k nearest training rows of the query at `data[offset …]`, sorted by distance: `dist` gets the
 * Minkowski distances, `index` the training rows.
 */
function nearest(
  state: KnnState,
  data: Float64Array,
  offset: number,
  dist: Float64Array,
  index: Int32Array,
): void {
  const { X, nCols, p } = state;
  const k = dist.length;
  const n = X.length / nCols;
  dist.fill(Number.POSITIVE_INFINITY);
  index.fill(0);
  for (let t = 0; t < n; t++) {
    const base = t * nCols;
    // A partial sum already ≥ the worst kept neighbour can only be rejected: stop summing early
    // (checked every 8 columns, which costs less than it saves).
    const worst = dist[0]!;
    let s = 0;
    for (let j = 0; j < nCols && s < worst; ) {
      const stop = Math.min(nCols, j + 8);
      if (p === 2) {
        for (; j < stop; j++) {
          const d = data[offset + j]! - X[base + j]!;
          s += d * d;
        }
      } else if (p === 1) {
        for (; j < stop; j++) s += Math.abs(data[offset + j]! - X[base + j]!);
      } else {
        for (; j < stop; j++) s += Math.abs(data[offset + j]! - X[base + j]!) ** p;
      }
    }
    if (s < worst) heapPush(dist, index, s, t);
  }
  sortNeighbours(dist, index);
  if (p !== 1) for (let j = 0; j < k; j++) dist[j] = p === 2 ? Math.sqrt(dist[j]!) : dist[j]! ** (1 / p);
}

/**
 * Replaces the largest of a full max-heap (`values[0]`) with `value` and sifts it down. Training rows
 * are pushed in order and a value equal to the largest is refused: exactly scikit-learn's heap, so
 * ties in distance are settled as there.
 */
function heapPush(values: Float64Array, indices: Int32Array, value: number, valueIndex: number): void {
  const size = values.length;
  let current = 0;
  for (;;) {
    const left = 2 * current + 1;
    const right = left + 1;
    let swap: number;
    if (left >= size) break;
    if (right >= size || values[left]! >= values[right]!) {
      if (values[left]! > value) swap = left;
      else break;
    } else if (values[right]! > value) swap = right;
    else break;
    values[current] = values[swap]!;
    indices[current] = indices[swap]!;
    current = swap;
  }
  values[current] = value;
  indices[current] = valueIndex;
}

/** Insertion sort of the k neighbours by distance, then training row. */
function sortNeighbours(dist: Float64Array, index: Int32Array): void {
  for (let i = 1; i < dist.length; i++) {
    const d = dist[i]!;
    const t = index[i]!;
    let j = i - 1;
    while (j >= 0 && (dist[j]! > d || (dist[j] === d && index[j]! > t))) {
      dist[j + 1] = dist[j]!;
      index[j + 1] = index[j]!;
      j--;
    }
    dist[j + 1] = d;
    index[j + 1] = t;
  }
}

/** Uniform weights, or 1 / distance — where a neighbour is at distance 0, the exact matches share all the weight. */
function neighbourWeights(state: KnnState, dist: Float64Array, weight: Float64Array): void {
  if (state.weights === 'uniform' || dist[0]! === 0) {
    const exact = state.weights === 'distance';
    for (let j = 0; j < dist.length; j++) weight[j] = !exact || dist[j] === 0 ? 1 : 0;
    return;
  }
  for (let j = 0; j < dist.length; j++) weight[j] = 1 / dist[j]!;
}
