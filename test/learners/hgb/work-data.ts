import { histogramLength } from '../../../src/learners/hgb/histogram.js';
import { countBits } from '../../../src/learners/hgb/quantize.js';
import type { SplitContext } from '../../../src/learners/hgb/split-info.js';
import type { WorkData } from '../../../src/learners/hgb/tree-work.js';
import { createRandom } from '../../../src/random.js';

/** Work data of `nRows` rows of one feature with random bins 0 … 3 (5 bin slots), no helpers. */
export function workData(nRows: number): WorkData {
  const random = createRandom(1);
  const columns = Uint8Array.from({ length: nRows }, () => random.int(4));
  return {
    nRows,
    nCols: 1,
    binSlots: 5,
    rowBins: columns,
    columns,
    gradients: new Float32Array(nRows),
    hessians: null,
    packedGradients: new Int32Array(2 * nRows),
    packedHessians: null,
    words: 1,
    countBits: countBits(nRows),
    partition: Uint32Array.from({ length: nRows }, (_, i) => i),
    features: Int32Array.of(0),
    oddPartition: new Uint32Array(nRows),
    histogram: new Int32Array(histogramLength(1, 5, 1)),
    leftTable: new Uint8Array(256),
    raw: new Float64Array(0),
    partials: new Int32Array(0),
    nodeHistograms: new Int32Array(0),
    memory: null,
  };
}

/** The split context of one feature of 4 bins plus the missing bin (5 slots), changed by `overrides`. */
export function splitContext(overrides: Partial<SplitContext> = {}): SplitContext {
  return {
    binSlots: 5,
    missingBin: 4,
    nBinsNonMissing: Int32Array.of(4),
    hasMissing: Uint8Array.of(0),
    isCategorical: Uint8Array.of(0),
    l2Regularization: 0,
    minSamplesLeaf: 1,
    minHessianToSplit: 1e-3,
    constantHessian: false,
    ...overrides,
  };
}
