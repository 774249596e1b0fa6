import { range } from '../../data/matrix.js';
import { defaultExecutor, type Executor, type ShareableArray } from '../executor.js';
import type { FitContext } from '../types.js';
import { type BinMapper, binColumns } from './binning.js';
import type { HgbParams } from './hgb-params.js';
import { binWords, histogramLength } from './histogram.js';
import type { LossChoice } from './losses/create-loss.js';
import type { HgbLoss } from './losses/loss.js';
import { binTrainingRows } from './parallel-binning.js';
import { countBits } from './quantize.js';
import type { SplitContext } from './split-info.js';
import { teamWork } from './team-work.js';
import { HISTOGRAM_CHUNK, sequentialWork, type TreeWork, type WorkData } from './tree-work.js';
import type { PreparedData } from './validation-split.js';
import { arenaBytes, createArena } from './wasm-kernel.js';

/** Everything the boosting loop works in: the binned data, the split rules and who does the work. */
export interface Workspace {
  /** How raw values map to bins, learnt on the training rows. */
  readonly mapper: BinMapper;
  readonly data: WorkData;
  readonly splitContext: SplitContext;
  /** The validation rows binned, column-major (when there are validation rows). */
  readonly validationBins: Uint8Array | undefined;
  /** Histograms and partitions, on this thread or shared with helper threads (close it when done). */
  readonly work: TreeWork;
}

/**
 * Learns the bins and bins the training rows (both layouts), and allocates the per-fit arrays — in
 * the kernel's WebAssembly arena when there is one, and in shared memory when helper threads take
 * part (nJobs > 1 with an executor), which then share the binning too.
 *
 * @example
 * const { mapper, data, work } = await createWorkspace(prepared, binning, loss, lossChoice, params, context);
 */
export async function createWorkspace(
  prepared: PreparedData,
  binning: { readonly maxBins: number; readonly seed: number; readonly names: readonly string[] },
  loss: HgbLoss,
  lossChoice: LossChoice,
  params: HgbParams,
  context: FitContext,
): Promise<Workspace> {
  const source = { loss, target: prepared.target };
  const { X, trainRows, nTrain, validation } = prepared;
  const nCols = X.cols;
  const executor = chooseExecutor(params.nJobs, context.executor);
  // Helpers need memory they share with this thread (an executor's share may return a plain copy).
  const sharing =
    executor !== undefined && executor.share(new Int32Array(1)).buffer instanceof SharedArrayBuffer;
  const helpers = sharing ? helperCount(params.nJobs, executor!) : 0;
  const share = <T extends ShareableArray>(array: T): T => (helpers > 0 ? executor!.share(array) : array);
  const trees = loss.nTrees;
  const hessians = loss.constantHessian ? 0 : trees * nTrain;
  const words = binWords(loss.constantHessian);
  const histogram = histogramLength(nCols, params.maxBins + 1, words);
  // One partial histogram per helper thread.
  const partials = nTrain >= 2 * HISTOGRAM_CHUNK ? helpers * histogram : 0;
  // A tree holds at most maxLeafNodes node histograms at once (one to spare), and no more leaves
  // than nTrain / minSamplesLeaf; without a leaf limit they are plain arrays (subtracted in
  // TypeScript), as are any beyond this room.
  const leaves = Math.min(params.maxLeafNodes ?? 0, Math.floor(nTrain / params.minSamplesLeaf));
  const nodeHistograms = params.maxLeafNodes === null ? 0 : (leaves + 1) * histogram;
  // One entry per array allocated below, in bytes (each is rounded up to the arena's alignment).
  const byteLengths = [
    nTrain * nCols, // rowBins
    nTrain * nCols, // columns
    4 * trees * nTrain, // gradients
    4 * hessians, // hessians
    8 * trees * nTrain, // packedGradients
    8 * hessians, // packedHessians
    4 * nTrain, // partition
    4 * nTrain, // oddPartition
    4 * nCols, // features
    256, // leftTable
    8 * trees * nTrain, // raw
    4 * histogram, // histogram
    4 * partials, // partials
    4 * nodeHistograms, // nodeHistograms
  ];
  const arena = createArena(arenaBytes(byteLengths), helpers > 0);
  // In the kernel's arena when there is one (shared by threads already), else plain or shared arrays.
  const place = arena
    ? { u8: arena.u8, f32: arena.f32, u32: arena.u32, i32: arena.i32, f64: arena.f64 }
    : {
        u8: (n: number) => share(new Uint8Array(n)),
        f32: (n: number) => share(new Float32Array(n)),
        u32: (n: number) => share(new Uint32Array(n)),
        i32: (n: number) => share(new Int32Array(n)),
        f64: (n: number) => share(new Float64Array(n)),
      };
  const rowBins = place.u8(nTrain * nCols);
  const columns = place.u8(nTrain * nCols);
  const rows = trainRows ?? range(nTrain);
  const binner = helpers > 0 ? executor : undefined;
  const mapper = await binTrainingRows(X, prepared.isCategorical, binning, rows, columns, rowBins, binner);
  const data: WorkData = {
    nRows: nTrain,
    nCols,
    binSlots: params.maxBins + 1,
    rowBins,
    columns,
    gradients: place.f32(trees * nTrain),
    hessians: loss.constantHessian ? null : place.f32(hessians),
    packedGradients: place.i32(2 * trees * nTrain),
    packedHessians: loss.constantHessian ? null : place.i32(2 * hessians),
    words,
    countBits: countBits(nTrain),
    partition: place.u32(nTrain),
    oddPartition: place.u32(nTrain),
    features: place.i32(nCols),
    leftTable: place.u8(256),
    raw: place.f64(trees * nTrain),
    histogram: place.i32(histogram),
    partials: place.i32(partials),
    nodeHistograms: arena ? arena.i32(nodeHistograms) : new Int32Array(0),
    memory: arena ? arena.memory : null,
  };
  const splitContext: SplitContext = {
    binSlots: params.maxBins + 1,
    missingBin: params.maxBins,
    nBinsNonMissing: mapper.nBinsNonMissing,
    hasMissing: missingPerFeature(columns, nTrain, nCols, params.maxBins),
    isCategorical: mapper.isCategorical,
    l2Regularization: params.l2Regularization,
    minSamplesLeaf: params.minSamplesLeaf,
    minHessianToSplit: 1e-3,
    constantHessian: loss.constantHessian,
  };
  return {
    mapper,
    data,
    splitContext,
    validationBins: validation && binColumns(validation.X, mapper, validation.rows),
    work:
      helpers > 0
        ? teamWork(executor!, helpers, data, splitContext, source, lossChoice)
        : sequentialWork(data, splitContext, source),
  };
}

/** nJobs 1: this thread; otherwise the fit's executor, or the installed default for nJobs > 1. */
function chooseExecutor(nJobs: number | null, given: Executor | undefined): Executor | undefined {
  if (nJobs === 1) return undefined;
  return given ?? (nJobs === null ? undefined : defaultExecutor(nJobs));
}

/** Helper threads beside the calling one: nJobs − 1 (the executor's size − 1 for null), at most its size. */
function helperCount(nJobs: number | null, executor: Executor): number {
  return Math.max(0, Math.min((nJobs ?? executor.size) - 1, executor.size));
}

/** 1 for the columns with a missing value in the training rows (only those scan for the missing side). */
function missingPerFeature(columns: Uint8Array, n: number, nCols: number, missingBin: number): Uint8Array {
  const out = new Uint8Array(nCols);
  for (let f = 0; f < nCols; f++)
    out[f] = columns.subarray(f * n, (f + 1) * n).indexOf(missingBin) >= 0 ? 1 : 0;
  return out;
}
