import { type GradientSource, sequentialGradients } from './gradient-halves.js';
import {
  addHistogram,
  decodedLength,
  type HistogramRows,
  histogramRowMajor,
  histogramRowMajorList,
  subtractHistograms,
} from './histogram.js';
import { checkPartition, type NodeRows, partitionHalf } from './partition.js';
import { type Quantization, quantizeTree } from './quantize.js';
import { findNodeSplit, type SplitRequest } from './split.js';
import type { SplitContext, SplitInfo } from './split-info.js';
import { kernelFor, type WasmMemory } from './wasm-kernel.js';

/**
 * The arrays a tree is grown from during one fit (in shared memory when threads help): the bins
 * row-major (histograms read a row's bins together) and column-major (partitions read one column),
 * the gradients and hessians of every tree of an iteration (class-major, nTrees × nRows) and their
 * quantised words (quantize.ts), the two row buffers of the tree being grown (a node's rows are in
 * the buffer of its depth's parity: a partition moves them to the other one, each row written
 * once), and its features. With `memory`, these arrays live in that WebAssembly memory and the
 * compiled kernel quantises, builds the histograms and the partitions and moves the raw scores.
 */
export interface WorkData {
  readonly nRows: number;
  readonly nCols: number;
  readonly binSlots: number;
  readonly rowBins: Uint8Array;
  readonly columns: Uint8Array;
  readonly gradients: Float32Array;
  /** Null when hessians are constant (the counts stand in for them). */
  readonly hessians: Float32Array | null;
  /** The gradients quantised and packed with a count of 1: one 64-bit word (Int32 pair) per row and tree. */
  readonly packedGradients: Int32Array;
  /** The hessians quantised, one 64-bit word per row and tree; null when constant. */
  readonly packedHessians: Int32Array | null;
  /** 64-bit words per histogram bin: 1, or 2 with hessians. */
  readonly words: number;
  /** The low bits of a packed gradient word that count rows (countBits(nRows)). */
  readonly countBits: number;
  /** The rows of the nodes at even depths (the sampler puts the root's here); see rowsAt. */
  readonly partition: Uint32Array;
  /** The rows of the nodes at odd depths (nRows entries). */
  readonly oddPartition: Uint32Array;
  /** The features of the current tree (column subsampling), ascending; jobs say how many. */
  readonly features: Int32Array;
  /** Partitioning: 1 for the bins that go left (256 entries). */
  readonly leftTable: Uint8Array;
  /** The raw scores of the training rows, class-major (raw[k · nRows + i]). */
  readonly raw: Float64Array;
  /** Where histograms are built (every thread writes its part here), then copied to the node's. */
  readonly histogram: Int32Array;
  /** One histogram per helper thread, which sums its row chunks there (empty without helpers). */
  readonly partials: Int32Array;
  /** Room for the histograms of the nodes of a tree (histogramPool's region; may be empty). */
  readonly nodeHistograms: Int32Array;
  /** The WebAssembly memory of the arrays above, or null: the TypeScript kernel then. */
  readonly memory: WasmMemory | null;
}

/** Which histogram to build: the rows rowsAt(data, depth)[start … start+count) of the tree of class `tree`. */
export interface HistogramJob {
  readonly start: number;
  readonly count: number;
  /** The node's depth, whose parity says which row buffer holds its rows. */
  readonly depth: number;
  /** Which tree of the iteration (multiclass: the class), selecting its gradients. */
  readonly tree: number;
  /** How many of data.features the tree uses. */
  readonly nFeatures: number;
}

/** The bulk work of growing a tree, done on this thread or shared with helper threads. */
export interface TreeWork {
  /** Fills the blocks of the job's features in `target` (other blocks are left alone). */
  histogram(job: HistogramJob, target: Int32Array): void;
  /**
   * The gradients (and hessians) of every tree of the iteration at the raw scores data.raw, into
   * data.gradients (and data.hessians); returns the training loss there (HgbLoss.gradients).
   */
  gradients(): number;
  /** Quantises the gradients (and hessians) of tree `tree` of the iteration (quantizeTree). */
  quantize(tree: number): Quantization;
  /** The best split of each requested node (findNodeSplit), in order. */
  splits(requests: readonly SplitRequest[]): SplitInfo[];
  /**
   * Partitions a node's rows into the other row buffer at the same places, stably: rows whose bin
   * of `feature` goes left (goesLeft[bin] = 1) first, then the others (partitionHalf); throws if
   * their number is not the split's nLeft.
   */
  partition(job: PartitionJob, goesLeft: Uint8Array): void;
  /** Stops the helper threads, if any. */
  close(): Promise<void>;
}

/** Rows per chunk of a node's histogram built by several threads. */
export const HISTOGRAM_CHUNK = 2_048;
/** The most row chunks a node's histogram is cut into. */
export const MAX_ROW_CHUNKS = 64;

/**
 * How many row chunks threads share a node's histogram in: 1 below 2 · HISTOGRAM_CHUNK rows, else
 * one per HISTOGRAM_CHUNK rows, at most MAX_ROW_CHUNKS. Sharing by rows reads each row once (its
 * bins' cache line and its gradient word), where sharing by features had every thread read every
 * row — 8% faster fits at 500k rows (measured); each thread sums its chunks into a histogram of its
 * own, so small chunks balance the threads without more histograms to add. The sums are integers,
 * so any cut gives the same histogram.
 *
 * @example
 * rowChunks(100_000) // 48
 */
export function rowChunks(count: number): number {
  return count < 2 * HISTOGRAM_CHUNK ? 1 : Math.min(MAX_ROW_CHUNKS, Math.floor(count / HISTOGRAM_CHUNK));
}

/**
 * Where thread `thread` sums its chunks of a histogram: the target for thread 0 (the calling
 * thread), else the thread's partial.
 *
 * @example
 * buildPart(data, job, 0, 1, c, chunks, threadTarget(data, target, 1), false);
 */
export function threadTarget(data: WorkData, target: Int32Array, thread: number): Int32Array {
  if (thread === 0) return target;
  const length = data.nCols * blockLength(data);
  return data.partials.subarray((thread - 1) * length, thread * length);
}

/**
 * Adds the partial histograms of the listed helper threads to `target`, over the job's features.
 *
 * @example
 * addPartials(data, job, target, [1]);
 */
export function addPartials(
  data: WorkData,
  job: HistogramJob,
  target: Int32Array,
  threads: readonly number[],
): void {
  const block = blockLength(data);
  const kernel = data.memory === null ? null : kernelFor(data.memory);
  for (const thread of threads) {
    const partial = threadTarget(data, target, thread);
    for (let a = 0; a < job.nFeatures; a++) {
      const from = data.features[a]! * block;
      if (kernel !== null)
        kernel.addWords(target.byteOffset + 4 * from, partial.byteOffset + 4 * from, block / 2);
      else addHistogram(target, partial, from, from + block);
    }
  }
}

/**
 * Zeroes the blocks of the job's features in `target`.
 *
 * @example
 * clearBlocks(data, job, data.histogram);
 */
export function clearBlocks(data: WorkData, job: HistogramJob, target: Int32Array): void {
  const block = blockLength(data);
  for (let a = 0; a < job.nFeatures; a++)
    target.fill(0, data.features[a]! * block, (data.features[a]! + 1) * block);
}

/** The Int32 length of one feature's block of a histogram. */
function blockLength(data: WorkData): number {
  return data.binSlots * data.words * 2;
}

/**
 * Builds the histogram blocks of part `part` of `parts` of the job's features (a contiguous run of
 * data.features) over row chunk `chunk` of `chunks` of its rows into `target`, zeroing them first
 * unless `clear` is false (the chunk is added to what is there).
 * Each feature is summed over the chunk's rows in partition order, whatever the parts: the result
 * does not depend on how the work is shared.
 *
 * @example
 * buildPart(data, job, 0, 1, 0, 1, target); // every feature, every row
 */
export function buildPart(
  data: WorkData,
  job: HistogramJob,
  part: number,
  parts: number,
  chunk: number,
  chunks: number,
  target: Int32Array,
  clear = true,
): void {
  const { nRows, nCols, binSlots, features } = data;
  const block = blockLength(data);
  const a0 = Math.floor((part * job.nFeatures) / parts);
  const a1 = Math.floor(((part + 1) * job.nFeatures) / parts);
  if (clear) for (let a = a0; a < a1; a++) target.fill(0, features[a]! * block, (features[a]! + 1) * block);
  const from = job.start + Math.floor((chunk * job.count) / chunks);
  const to = job.start + Math.floor(((chunk + 1) * job.count) / chunks);
  const source = {
    rows: rowsAt(data, job.depth),
    start: from,
    count: to - from,
    gradients: data.packedGradients,
    hessians: data.packedHessians,
    offset: job.tree * nRows,
  };
  // With a memory, every target (data.histogram, a partial) is in it.
  if (data.memory !== null) {
    buildWithKernel(data, source, target, a0, a1, job.nFeatures === nCols);
    return;
  }
  // Without column subsampling the features are 0 … nCols-1: contiguous runs, the fast kernel.
  if (job.nFeatures === nCols) histogramRowMajor(data.rowBins, nCols, source, target, binSlots, a0, a1);
  else histogramRowMajorList(data.rowBins, nCols, source, target, binSlots, features, a0, a1);
}

/** buildPart's sums by the WebAssembly kernel: every array is in data.memory. */
function buildWithKernel(
  data: WorkData,
  source: HistogramRows,
  target: Int32Array,
  a0: number,
  a1: number,
  contiguous: boolean,
): void {
  const kernel = kernelFor(data.memory!);
  const rows = source.rows.byteOffset + 4 * source.start;
  const g = source.gradients.byteOffset + 8 * source.offset;
  const h = source.hessians === null ? 0 : source.hessians.byteOffset + 8 * source.offset;
  const block = 4 * blockLength(data);
  const bins = data.rowBins.byteOffset;
  if (contiguous)
    kernel.histogramRange(rows, source.count, bins, data.nCols, g, h, target.byteOffset, block, a0, a1);
  else {
    const features = data.features.byteOffset;
    kernel.histogramList(
      rows,
      source.count,
      bins,
      data.nCols,
      g,
      h,
      target.byteOffset,
      block,
      features,
      a0,
      a1,
    );
  }
}

/**
 * out = parent − child over the blocks of `features` (the larger child's histogram): by the kernel
 * when the three histograms are in its memory, else by subtractHistograms.
 *
 * @example
 * subtractNode(data, parent.histogram, smaller.histogram, larger.histogram, features);
 */
export function subtractNode(
  data: WorkData,
  parent: Int32Array,
  child: Int32Array,
  out: Int32Array,
  features: Int32Array,
): void {
  const memory = data.memory;
  const inMemory = (a: Int32Array): boolean => memory !== null && a.buffer === memory.buffer;
  if (!(inMemory(parent) && inMemory(child) && inMemory(out))) {
    subtractHistograms(parent, child, out, features, data.binSlots, data.words);
    return;
  }
  const kernel = kernelFor(memory!);
  const block = blockLength(data);
  for (let a = 0; a < features.length; a++) {
    const at = 4 * features[a]! * block;
    kernel.subtractWords(parent.byteOffset + at, child.byteOffset + at, out.byteOffset + at, block / 2);
  }
}

/**
 * Copies the blocks of the job's features from data.histogram into `out`.
 *
 * @example
 * copyHistogram(data, job, nodeHistogram);
 */
export function copyHistogram(data: WorkData, job: HistogramJob, out: Int32Array): void {
  const block = blockLength(data);
  for (let a = 0; a < job.nFeatures; a++) {
    const offset = data.features[a]! * block;
    out.set(data.histogram.subarray(offset, offset + block), offset);
  }
}

/**
 * Split finding on the calling thread, with a decoding scratch of its own.
 *
 * @example
 * const [split] = splitFinder(data, context)([request]);
 */
export function splitFinder(
  data: WorkData,
  context: SplitContext,
): (requests: readonly SplitRequest[]) => SplitInfo[] {
  const decoded = new Float64Array(decodedLength(data.nCols, data.binSlots));
  return (requests) => requests.map((request) => findNodeSplit(request, data.binSlots, decoded, context));
}

/**
 * Work done entirely on the calling thread.
 *
 * @example
 * const work = sequentialWork(data, splitContext, { loss, target });
 * work.histogram({ start: 0, count: n, tree: 0, nFeatures: 20 }, rootHistogram);
 */
export function sequentialWork(data: WorkData, context: SplitContext, source: GradientSource): TreeWork {
  return {
    gradients: () => sequentialGradients(data, source),
    splits: splitFinder(data, context),
    histogram(job, out) {
      buildPart(data, job, 0, 1, 0, 1, data.histogram);
      copyHistogram(data, job, out);
    },
    quantize: (tree) => quantizeTree(data, tree),
    partition: (job, goesLeft) => partitionNode(data, job, goesLeft),
    close: async () => {},
  };
}

/** A node to partition: its rows, their depth (which buffer holds them) and the split's feature. */
export interface PartitionJob extends NodeRows {
  readonly depth: number;
  readonly feature: number;
}

/**
 * The row buffer of the nodes at `depth`: data.partition for even depths, data.oddPartition for odd.
 *
 * @example
 * const rows = rowsAt(data, leaf.depth).subarray(leaf.start, leaf.start + leaf.count);
 */
export function rowsAt(data: WorkData, depth: number): Uint32Array {
  return (depth & 1) === 0 ? data.partition : data.oddPartition;
}

/**
 * TreeWork.partition on the calling thread alone: both halves, then the check.
 *
 * @example
 * partitionNode(data, { start, count, depth, nLeft: split.nLeft, feature: split.feature }, goesLeft);
 */
export function partitionNode(data: WorkData, job: PartitionJob, goesLeft: Uint8Array): void {
  data.leftTable.set(goesLeft);
  checkPartition(job, partitionPart(data, job, 0) + partitionPart(data, job, 1), job.feature);
}

/**
 * Half `half` of a node's partition (partitionHalf) from rowsAt(depth) into rowsAt(depth + 1), with
 * the bins going left in data.leftTable: by the kernel when the arrays are in its memory. Returns
 * how many of the half's rows went left.
 *
 * @example
 * const left = partitionPart(data, job, 0) + partitionPart(data, job, 1);
 */
export function partitionPart(data: WorkData, job: PartitionJob, half: number): number {
  const source = rowsAt(data, job.depth);
  const target = rowsAt(data, job.depth + 1);
  if (data.memory === null) {
    const column = data.columns.subarray(job.feature * data.nRows, (job.feature + 1) * data.nRows);
    return partitionHalf(source, target, job, half, column, data.leftTable);
  }
  const kernel = kernelFor(data.memory);
  const middle = job.start + (job.count >> 1);
  const end = job.start + job.count;
  const column = data.columns.byteOffset + job.feature * data.nRows;
  const table = data.leftTable.byteOffset;
  const left = target.byteOffset + 4 * (job.start + job.nLeft);
  if (half === 0) {
    const from = source.byteOffset + 4 * job.start;
    return kernel.partitionForward(
      from,
      middle - job.start,
      column,
      table,
      target.byteOffset + 4 * job.start,
      left,
    );
  }
  const from = source.byteOffset + 4 * middle;
  return kernel.partitionBackward(from, end - middle, column, table, left, target.byteOffset + 4 * end);
}
