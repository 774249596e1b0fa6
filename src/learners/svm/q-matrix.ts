import { type KernelData, kernelAt, kernelRow } from './kernel.js';
import { createKernelCache } from './kernel-cache.js';

/**
 * The matrix Q of the SMO dual (min ½ αᵀQα + pᵀα), seen one row at a time. The solver permutes its
 * variables while shrinking, and Q follows through `swap`.
 */
export interface QMatrix {
  /** Number of dual variables. */
  readonly size: number;
  /** Q_ii, permuted with the variables. */
  readonly diagonal: Float64Array;
  /** Row i on [0, len). Valid until the next-but-one call (the solver uses at most two at once). */
  row(i: number, len: number): Float32Array;
  swap(i: number, j: number): void;
}

/**
 * Q_ij = y_i y_j K(x_i, x_j) for a binary classification problem over the training rows `rows`
 * (libsvm's SVC_Q), with an LRU cache of rows.
 *
 * @example
 * const Q = classificationQ(data, Int32Array.of(0, 4, 7), Int8Array.of(1, 1, -1), 200 * 2 ** 20);
 */
export function classificationQ(
  data: KernelData,
  rows: Int32Array,
  y: Int8Array,
  cacheBytes: number,
): QMatrix {
  const l = rows.length;
  const order = Int32Array.from(rows);
  const sign = Int8Array.from(y);
  const diagonal = new Float64Array(l);
  for (let i = 0; i < l; i++) diagonal[i] = kernelAt(data, order[i]!, order[i]!);
  const cache = createKernelCache(l, cacheBytes, (i, row, from, to) => {
    kernelRow(data, order[i]!, order, row, from, to);
    if (sign[i]! > 0) {
      for (let j = from; j < to; j++) if (sign[j]! < 0) row[j] = -row[j]!;
    } else {
      for (let j = from; j < to; j++) if (sign[j]! > 0) row[j] = -row[j]!;
    }
  });
  return {
    size: l,
    diagonal,
    row: (i, len) => cache.get(i, len),
    swap(i, j) {
      cache.swap(i, j);
      swapInt32(order, i, j);
      const s = sign[i]!;
      sign[i] = sign[j]!;
      sign[j] = s;
      const d = diagonal[i]!;
      diagonal[i] = diagonal[j]!;
      diagonal[j] = d;
    },
  };
}

/**
 * The 2n × 2n matrix of the ε-SVR dual over the training rows `rows` (libsvm's SVR_Q): variable k < n
 * is α_k, variable n + k is α*_k, and Q = [[K, −K], [−K, K]]. Only the n × n kernel rows are cached.
 *
 * @example
 * const Q = regressionQ(data, Int32Array.from({ length: n }, (_, i) => i), 200 * 2 ** 20);
 */
export function regressionQ(data: KernelData, rows: Int32Array, cacheBytes: number): QMatrix {
  const n = rows.length;
  const sign = new Int8Array(2 * n);
  const index = new Int32Array(2 * n);
  const diagonal = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    sign[k] = 1;
    sign[k + n] = -1;
    index[k] = k;
    index[k + n] = k;
    diagonal[k] = kernelAt(data, rows[k]!, rows[k]!);
    diagonal[k + n] = diagonal[k]!;
  }
  const cache = createKernelCache(n, cacheBytes, (i, row, from, to) =>
    kernelRow(data, rows[i]!, rows, row, from, to),
  );
  const buffers = [new Float32Array(2 * n), new Float32Array(2 * n)] as const;
  let nextBuffer = 0;
  return {
    size: 2 * n,
    diagonal,
    row(i, len) {
      const kernel = cache.get(index[i]!, n);
      const out = buffers[nextBuffer]!;
      nextBuffer = 1 - nextBuffer;
      const si = sign[i]!;
      for (let j = 0; j < len; j++) out[j] = si * sign[j]! * kernel[index[j]!]!;
      return out;
    },
    swap(i, j) {
      const s = sign[i]!;
      sign[i] = sign[j]!;
      sign[j] = s;
      swapInt32(index, i, j);
      const d = diagonal[i]!;
      diagonal[i] = diagonal[j]!;
      diagonal[j] = d;
    },
  };
}

function swapInt32(values: Int32Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}
