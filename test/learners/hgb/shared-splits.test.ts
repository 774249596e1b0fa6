import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogramLength, histogramRowMajor } from '../../../src/learners/hgb/histogram.js';
import { quantizeTree } from '../../../src/learners/hgb/quantize.js';
import {
  findSharedSplit,
  readSharedSplit,
  shareable,
  splitShareLengths,
  writeRequest,
} from '../../../src/learners/hgb/shared-splits.js';
import type { SplitRequest } from '../../../src/learners/hgb/split.js';
import { splitFinder } from '../../../src/learners/hgb/tree-work.js';
import { createRandom } from '../../../src/random.js';
import { splitContext, workData } from './work-data.js';

test('a split request written to the shared arrays is searched to the same split as in place', () => {
  const n = 400;
  const length = histogramLength(1, 5, 1);
  const random = createRandom(4);
  const base = workData(n);
  const data = { ...base, nodeHistograms: new Int32Array(3 * length) };
  for (let i = 0; i < n; i++) data.gradients[i] = random.normal() + (data.columns[i]! >= 2 ? 1 : -1);
  const quantization = quantizeTree(data, 0);
  const context = splitContext({ constantHessian: true });
  const [requestsLength, searchedLength] = splitShareLengths(1);
  const share = {
    ...data,
    context,
    requests: new Float64Array(requestsLength),
    searched: new Int32Array(searchedLength),
  };
  const scale = { words: 1, countBits: data.countBits, quantization };
  // Two nodes: the first and the second half of the rows, in the second and third histogram slots.
  const requests = [0, 1].map((t): SplitRequest => {
    const histogram = data.nodeHistograms.subarray((t + 1) * length, (t + 2) * length);
    const rows = {
      rows: data.partition,
      start: t * 200,
      count: 200,
      gradients: data.packedGradients,
      hessians: null,
      offset: 0,
    };
    histogramRowMajor(data.rowBins, 1, rows, histogram, 5, 0, 1);
    let g = 0;
    for (let i = t * 200; i < (t + 1) * 200; i++) g += data.gradients[i]!;
    return {
      histogram,
      features: Int32Array.of(0),
      count: 200,
      sumGradients: g,
      sumHessians: 200,
      value: -g / 200,
      scale,
    };
  });
  assert.ok(requests.every((r) => shareable(data, r)));
  assert.equal(shareable(data, { ...requests[0]!, histogram: new Int32Array(length) }), false);
  const expected = splitFinder(data, context)(requests);
  for (const [t, request] of requests.entries()) writeRequest(share, request, t);
  // The second request first: each result goes to its own place.
  findSharedSplit(share, 1);
  findSharedSplit(share, 0);
  const got = [readSharedSplit(share, 0), readSharedSplit(share, 1)];
  assert.deepEqual(got, expected);
  assert.ok(got[0]!.gain > 0 && got[1]!.gain > 0);
});
