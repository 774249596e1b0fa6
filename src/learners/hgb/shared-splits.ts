import { histogramLength } from './histogram.js';
import { scaledQuantization } from './quantize.js';
import type { SplitRequest } from './split.js';
import { readSplit, SPLIT_FIELDS, type SplitContext, type SplitInfo, writeSplit } from './split-info.js';
import { splitFinder, type WorkData } from './tree-work.js';

/**
 * Split requests shared between threads: a node's histogram stays where it is (in
 * data.nodeHistograms) and the rest of the request — its offset there, count, sums, value, feature
 * count and quantisation scales — goes into a shared Float64Array, the features searched into a
 * shared Int32Array; the best split comes back as SPLIT_FIELDS numbers after the requests.
 */

/** Split requests shared at most: a node's two children. */
export const MAX_REQUESTS = 2;
/** Per split request: node histogram offset, count, sums, value, features, scales. */
const REQUEST_FIELDS = 8;

/** The arrays a thread shares split requests through, beside the tree's work data. */
export interface SplitShare extends WorkData {
  /** MAX_REQUESTS requests, REQUEST_FIELDS each, then their results, SPLIT_FIELDS each. */
  readonly requests: Float64Array;
  /** The features each request searches (nCols entries per request). */
  readonly searched: Int32Array;
  readonly context: SplitContext;
}

/**
 * The lengths of SplitShare's `requests` and `searched` for data of `nCols` columns.
 *
 * @example
 * const [requests, searched] = splitShareLengths(20); // Float64 and Int32 entries
 */
export function splitShareLengths(nCols: number): [number, number] {
  return [MAX_REQUESTS * (REQUEST_FIELDS + SPLIT_FIELDS), MAX_REQUESTS * nCols];
}

/**
 * Whether `request` can be shared: its histogram is in the shared node histograms.
 *
 * @example
 * if (requests.every((r) => shareable(data, r))) …
 */
export function shareable(data: WorkData, request: SplitRequest): boolean {
  return request.histogram.buffer === data.nodeHistograms.buffer && data.nodeHistograms.length > 0;
}

/**
 * Writes split request `t` into the shared arrays (its histogram must be shareable).
 *
 * @example
 * writeRequest(share, request, 0);
 */
export function writeRequest(share: SplitShare, request: SplitRequest, t: number): void {
  const at = t * REQUEST_FIELDS;
  const { requests } = share;
  requests[at] = (request.histogram.byteOffset - share.nodeHistograms.byteOffset) / 4;
  requests[at + 1] = request.count;
  requests[at + 2] = request.sumGradients;
  requests[at + 3] = request.sumHessians;
  requests[at + 4] = request.value;
  requests[at + 5] = request.features.length;
  requests[at + 6] = request.scale.quantization.gradientScale;
  requests[at + 7] = request.scale.quantization.hessianScale;
  share.searched.set(request.features, t * share.nCols);
}

/** Each thread's split finder (its own decoding scratch), made on first use. */
const finders = new WeakMap<Float64Array, (requests: readonly SplitRequest[]) => SplitInfo[]>();

/**
 * Finds the best split of shared request `t` (on whichever thread) and writes it after the requests.
 *
 * @example
 * findSharedSplit(share, 1);
 */
export function findSharedSplit(share: SplitShare, t: number): void {
  const { requests } = share;
  const at = t * REQUEST_FIELDS;
  const length = histogramLength(share.nCols, share.binSlots, share.words);
  const offset = requests[at]!;
  const request: SplitRequest = {
    histogram: share.nodeHistograms.subarray(offset, offset + length),
    features: share.searched.subarray(t * share.nCols, t * share.nCols + requests[at + 5]!),
    count: requests[at + 1]!,
    sumGradients: requests[at + 2]!,
    sumHessians: requests[at + 3]!,
    value: requests[at + 4]!,
    scale: {
      words: share.words,
      countBits: share.countBits,
      quantization: scaledQuantization(requests[at + 6]!, requests[at + 7]!),
    },
  };
  let finder = finders.get(requests);
  if (!finder) {
    finder = splitFinder(share, share.context);
    finders.set(requests, finder);
  }
  writeSplit(finder([request])[0]!, requests, MAX_REQUESTS * REQUEST_FIELDS + t * SPLIT_FIELDS);
}

/**
 * The best split found for shared request `t`.
 *
 * @example
 * const [left, right] = [readSharedSplit(share, 0), readSharedSplit(share, 1)];
 */
export function readSharedSplit(share: SplitShare, t: number): SplitInfo {
  return readSplit(share.requests, MAX_REQUESTS * REQUEST_FIELDS + t * SPLIT_FIELDS);
}
