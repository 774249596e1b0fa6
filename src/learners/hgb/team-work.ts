import { type Executor, registerTask } from '../executor.js';
import {
  combineHalves,
  type GradientSource,
  halvedGradients,
  rowGradients,
  sequentialGradients,
} from './gradient-halves.js';
import { createLoss, type LossChoice } from './losses/create-loss.js';
import type { LossTarget } from './losses/loss.js';
import { checkPartition } from './partition.js';
import {
  HALVED_QUANTIZATION,
  quantizationOf,
  quantizeTree,
  quantizeTreeRows,
  scaledQuantization,
  treeTotals,
} from './quantize.js';
import {
  findSharedSplit,
  MAX_REQUESTS,
  readSharedSplit,
  type SplitShare,
  shareable,
  splitShareLengths,
  writeRequest,
} from './shared-splits.js';
import type { SplitContext } from './split-info.js';
import {
  addPartials,
  buildPart,
  clearBlocks,
  copyHistogram,
  type HistogramJob,
  type PartitionJob,
  partitionNode,
  partitionPart,
  rowChunks,
  splitFinder,
  type TreeWork,
  threadTarget,
  type WorkData,
} from './tree-work.js';

/**
 * Tree work shared by a team of threads: the calling thread and helpers started through an executor
 * share every array (SharedArrayBuffer) and take the tasks of each job one at a time from a shared
 * counter (Atomics). Jobs: a node's histogram by chunks of rows (each thread sums its chunks into a
 * histogram of its own, added after) or, for nodes of few rows, by runs of features; the totals and
 * the quantisation of a tree's gradients by row ranges; the gradients of a row-wise loss by halves;
 * the best splits of a node's two children; a node's partition by halves (partitionHalf: one
 * forward from the front, one backward from the back of each side). Histogram sums are integers
 * and every other task writes its own rows or result, so the model does not depend on who did
 * what. No messages per job: a job costs a few atomic operations, and a helper that has not started
 * yet is simply not waited for.
 */

const TASK = 'hgb.treeWorkHelper';

// Slots of the shared control array.
const GENERATION = 0;
const CLAIM = 1;
const DONE = 2;
const QUIT = 3;
const FAILED = 4;
const KIND = 5;
const TASKS = 6;
const START = 7;
const COUNT = 8;
const TREE = 9;
const N_FEATURES = 10;
const DEPTH = 11;
const FEATURE = 12;
const N_LEFT = 13;
/** A job's number (all 32 bits; CLAIM holds only 15 bits of the generation). */
const JOB = 14;
/** Slot TOUCHED + i is 1 once helper i has summed a chunk of the current HISTOGRAM_ROWS job. */
const TOUCHED = 15;

/** Tasks are runs of features over all the rows. */
const HISTOGRAM_FEATURES = 1;
/** Tasks are row chunks over all the features. */
const HISTOGRAM_ROWS = 2;
/** Tasks are the two halves of a tree's rows: their Σ|gradient| and Σ|hessian|, into `numbers`. */
const TOTALS = 3;
/** Tasks are row ranges of a tree's gradients, quantised with the scales in `numbers`. */
const QUANTIZE = 4;
/** Tasks are the two halves of the rows, whose gradients are computed (a row-wise loss). */
const GRADIENTS = 6;
/** Tasks are nodes whose best split is wanted, described in `requests`. */
const SPLITS = 5;
/** Tasks are the two halves of a node's partition; the rows each sent left go to `numbers`. */
const PARTITION = 7;

/** A claim index above any task count: the job takes no more claims. */
const CLOSED = 0xffff;
/** Histogram jobs with fewer row × feature updates than this stay on the calling thread (waking a helper costs more). */
const SMALL_HISTOGRAM = 100_000;
/** Nodes of fewer rows are partitioned on the calling thread alone. */
const SMALL_PARTITION = 16_384;
/**
 * Polls of the job counter a helper makes before it sleeps: ≈ 1.7 ms here, longer than the gap
 * between a tree's jobs (a partition and two split searches), so the helper is awake when the next
 * histogram comes — waking a sleeping thread costs tens of µs per job. 5 000 polls measured ≈ 4%
 * slower fits at 500k rows.
 */
const SPINS = 300_000;

/** What a helper receives once: the shared arrays. */
interface HelperPayload extends SplitShare {
  /** 0 for the calling thread, 1 … helpers for the helpers. */
  readonly index: number;
  readonly control: Int32Array;
  /**
   * TOTALS's and GRADIENTS' results (task t at 2t and 2t + 1: Σ|gradient| and Σ|hessian|, or the
   * mean loss and the weight of half t), then QUANTIZE's two scales at 2 · tasks; PARTITION's rows
   * sent left by half t at t.
   */
  readonly numbers: Float64Array;
  /** The loss to make on the helper and its target (shared), when the gradients are halved. */
  readonly lossChoice: LossChoice;
  readonly target: LossTarget;
}

/**
 * Tree work on the calling thread plus `helpers` threads of `executor`. `data` must live in shared
 * memory: the kernel's shared WebAssembly arena, or arrays allocated with executor.share.
 *
 * @example
 * const work = teamWork(executor, 1, data, splitContext, { loss, target }, lossChoice);
 * work.histogram(job, histogram);
 * await work.close();
 */
export function teamWork(
  executor: Executor,
  helpers: number,
  data: WorkData,
  context: SplitContext,
  source: GradientSource,
  lossChoice: LossChoice,
): TreeWork {
  const halved = halvedGradients(data, source);
  const { y, sampleWeight } = source.target;
  const payload: HelperPayload = {
    ...data,
    index: 0,
    control: executor.share(new Int32Array(TOUCHED + helpers + 1)),
    numbers: executor.share(new Float64Array(2 * (helpers + 1) + 2)),
    context,
    requests: executor.share(new Float64Array(splitShareLengths(data.nCols)[0])),
    searched: executor.share(new Int32Array(splitShareLengths(data.nCols)[1])),
    lossChoice,
    // Only halved gradients are computed on helpers: the target is shared for them alone.
    target: halved
      ? { y: executor.share(y), sampleWeight: sampleWeight && executor.share(sampleWeight) }
      : { y: new Float64Array(0), sampleWeight: undefined },
  };
  const { control, numbers } = payload;
  const findSplits = splitFinder(data, context);
  const target = data.histogram;
  const running = Array.from({ length: helpers }, (_, h) => executor.run(TASK, { ...payload, index: h + 1 }));
  // One run of features per thread: each run is a pass over the rows, so finer runs cost more than
  // they balance (measured); a thread that starts late still leaves its run to the others. Only
  // nodes below 2 · HISTOGRAM_CHUNK rows are shared this way.
  const parts = helpers + 1;
  let generation = 0;
  /** Publishes a job, works on it, and waits until every task is done. */
  const run = (kind: number, tasks: number, params: readonly number[]): void => {
    generation = (generation + 1) & 0x7fff;
    control[KIND] = kind;
    control[TASKS] = tasks;
    params.forEach((value, i) => {
      control[START + i] = value;
    });
    control[JOB] = (control[JOB]! + 1) | 0;
    Atomics.store(control, DONE, 0);
    Atomics.store(control, CLAIM, generation << 16);
    Atomics.store(control, GENERATION, generation);
    Atomics.notify(control, GENERATION);
    work(payload, generation);
    waitUntilDone(control, tasks);
    // Closes the job before the next one's parameters are written: a late helper cannot claim.
    Atomics.store(control, CLAIM, (generation << 16) | CLOSED);
  };
  return {
    histogram(job, out) {
      const chunks = rowChunks(job.count);
      if (chunks === 1 && job.count * job.nFeatures < SMALL_HISTOGRAM) {
        buildPart(data, job, 0, 1, 0, 1, target);
        copyHistogram(data, job, out);
        return;
      }
      const params = [job.start, job.count, job.tree, job.nFeatures, job.depth];
      if (chunks === 1) run(HISTOGRAM_FEATURES, parts, params);
      else {
        // This thread sums its chunks into the target, each helper into its partial.
        clearBlocks(data, job, target);
        for (let h = 1; h <= helpers; h++) control[TOUCHED + h] = 0;
        run(HISTOGRAM_ROWS, chunks, params);
        const touched = Array.from({ length: helpers }, (_, h) => h + 1).filter(
          (h) => control[TOUCHED + h] === 1,
        );
        addPartials(data, job, target, touched);
      }
      copyHistogram(data, job, out);
    },
    gradients() {
      if (!halved) return sequentialGradients(data, source);
      run(GRADIENTS, 2, [0, data.nRows, 0, 0]);
      return combineHalves([numbers[0]!, numbers[1]!], [numbers[2]!, numbers[3]!]);
    },
    quantize(tree) {
      if (data.nRows < HALVED_QUANTIZATION) return quantizeTree(data, tree);
      // Two jobs: the totals of the two halves of the rows (summed as quantizeTree sums them), then
      // the words of row ranges.
      run(TOTALS, 2, [0, data.nRows, tree, 0]);
      const totalG = numbers[0]! + numbers[2]!;
      const totalH = numbers[1]! + numbers[3]!;
      const quantization = quantizationOf(data, totalG, totalH);
      numbers[2 * parts] = quantization.gradientScale;
      numbers[2 * parts + 1] = quantization.hessianScale;
      run(QUANTIZE, parts, [0, data.nRows, tree, 0]);
      return quantization;
    },
    splits(requests) {
      // Shared when there are two nodes whose histograms the helpers can read.
      const shared = requests.length === MAX_REQUESTS && requests.every((r) => shareable(data, r));
      if (!shared) return findSplits(requests);
      for (let t = 0; t < requests.length; t++) writeRequest(payload, requests[t]!, t);
      run(SPLITS, requests.length, [0, 0, 0, 0]);
      return requests.map((_, t) => readSharedSplit(payload, t));
    },
    partition(job, goesLeft) {
      if (job.count < SMALL_PARTITION) {
        partitionNode(data, job, goesLeft);
        return;
      }
      data.leftTable.set(goesLeft);
      run(PARTITION, 2, [job.start, job.count, 0, 0, job.depth, job.feature, job.nLeft]);
      checkPartition(job, numbers[0]! + numbers[1]!, job.feature);
    },
    async close() {
      Atomics.store(control, QUIT, 1);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
      await Promise.all(running);
    },
  };
}

/** Takes tasks of the current job until none is left (or the job is not this generation's any more). */
function work(payload: HelperPayload, generation: number): void {
  const { control, index } = payload;
  let id = control[JOB]!;
  let { kind, tasks, job } = jobOf(control);
  let first = true;
  for (;;) {
    const claim = Atomics.load(control, CLAIM);
    if (claim >>> 16 !== generation) return;
    const task = claim & 0xffff;
    if (task >= tasks) return;
    if (Atomics.compareExchange(control, CLAIM, claim, claim + 1) !== claim) continue;
    if (control[JOB] !== id) {
      // Stalled across 32 768 jobs, the claim went to a later job with the same 15-bit generation:
      // the task is that job's, to be done with its parameters.
      id = control[JOB]!;
      ({ kind, tasks, job } = jobOf(control));
      first = true;
      if (task >= tasks) return;
    }
    if (kind === HISTOGRAM_FEATURES) buildPart(payload, job, task, tasks, 0, 1, payload.histogram);
    else if (kind === HISTOGRAM_ROWS) {
      // A helper clears its partial before its first chunk (the calling thread cleared its own).
      const clear = first && index > 0;
      buildPart(payload, job, 0, 1, task, tasks, threadTarget(payload, payload.histogram, index), clear);
      if (clear) control[TOUCHED + index] = 1;
    } else if (kind === SPLITS) findSharedSplit(payload, task);
    else if (kind === PARTITION)
      payload.numbers[task] = partitionPart(payload, partitionJobOf(control), task);
    else if (kind === GRADIENTS) gradientsPart(payload, task);
    else quantizePart(payload, kind, job, task, tasks);
    first = false;
    if (Atomics.add(control, DONE, 1) + 1 === tasks) Atomics.notify(control, DONE);
  }
}

/** Each thread's loss (made from the choice on helpers), made on first use. */
const sources = new WeakMap<Float64Array, GradientSource>();

/** Task `t` of a GRADIENTS job: the gradients of half t of the rows, its [mean loss, weight] into numbers. */
function gradientsPart(payload: HelperPayload, t: number): void {
  let source = sources.get(payload.numbers);
  if (!source) {
    source = { loss: createLoss(payload.lossChoice, payload.target), target: payload.target };
    sources.set(payload.numbers, source);
  }
  const middle = payload.nRows >> 1;
  const [mean, weight] = rowGradients(
    payload,
    source,
    t === 0 ? 0 : middle,
    t === 0 ? middle : payload.nRows,
  );
  payload.numbers[2 * t] = mean;
  payload.numbers[2 * t + 1] = weight;
}

/** Task `task` of `tasks` of a TOTALS or QUANTIZE job: rows start + ⌊task · count / tasks⌋ … */
function quantizePart(
  payload: HelperPayload,
  kind: number,
  job: HistogramJob,
  task: number,
  tasks: number,
): void {
  const from = job.start + Math.floor((task * job.count) / tasks);
  const to = job.start + Math.floor(((task + 1) * job.count) / tasks);
  const { numbers } = payload;
  if (kind === TOTALS) {
    [numbers[2 * task], numbers[2 * task + 1]] = treeTotals(payload, job.tree, from, to);
    return;
  }
  const gradientScale = numbers[2 * tasks]!;
  const hessianScale = numbers[2 * tasks + 1]!;
  const quantization = scaledQuantization(gradientScale, hessianScale);
  quantizeTreeRows(payload, job.tree, quantization, from, to);
}

/** The current job's kind, task count and parameters. */
function jobOf(control: Int32Array): { kind: number; tasks: number; job: HistogramJob } {
  return {
    kind: control[KIND]!,
    tasks: control[TASKS]!,
    job: {
      start: control[START]!,
      count: control[COUNT]!,
      tree: control[TREE]!,
      nFeatures: control[N_FEATURES]!,
      depth: control[DEPTH]!,
    },
  };
}

/** The current PARTITION job's node. */
function partitionJobOf(control: Int32Array): PartitionJob {
  return {
    start: control[START]!,
    count: control[COUNT]!,
    depth: control[DEPTH]!,
    feature: control[FEATURE]!,
    nLeft: control[N_LEFT]!,
  };
}

let canBlock = true;

/**
 * Polls of the done counter before the calling thread blocks (≈ 0.1 ms here): a job's last task
 * usually ends sooner, and waking a blocked thread costs tens of µs — thousands of times per fit.
 */
const WAIT_SPINS = 20_000;

/** Waits for every task of the job to be done (polling a while, then blocking where allowed). */
function waitUntilDone(control: Int32Array, tasks: number): void {
  for (let spins = 0; ; spins++) {
    const done = Atomics.load(control, DONE);
    if (Atomics.load(control, FAILED)) throw new Error('hgb: a helper thread failed');
    if (done >= tasks) return;
    if (canBlock && spins >= WAIT_SPINS) {
      try {
        Atomics.wait(control, DONE, done, 50);
      } catch {
        // A browser's main thread may not block: spin instead.
        canBlock = false;
      }
    }
  }
}

/** A helper thread: works on the jobs it sees until told to quit. */
function helper(payload: HelperPayload): void {
  const { control } = payload;
  let seen = -1;
  try {
    for (;;) {
      const generation = Atomics.load(control, GENERATION);
      if (Atomics.load(control, QUIT)) return;
      if (generation === seen) {
        let spins = 0;
        while (spins < SPINS && Atomics.load(control, GENERATION) === generation) spins++;
        if (spins === SPINS) Atomics.wait(control, GENERATION, generation);
        continue;
      }
      seen = generation;
      work(payload, generation & 0x7fff);
    }
  } catch (error) {
    Atomics.store(control, FAILED, 1);
    Atomics.notify(control, DONE);
    throw error;
  }
}

registerTask(TASK, helper as (payload: never) => unknown);
