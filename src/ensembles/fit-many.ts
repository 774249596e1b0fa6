import { subsetData } from '../data/subset.js';
import { StacklearnError } from '../errors.js';
import { defaultExecutor, type Executor, registerTask, runTasks } from '../learners/executor.js';
import { fit, restoreModel, toSavedModel } from '../learners/fit.js';
import type { FitContext, Model, SavedModel, Spec, TrainingData } from '../learners/types.js';
import { selectDataColumns } from './select-columns.js';

/**
 * One fit of an ensemble: a spec (its seed already set) on some rows and columns of the data the
 * ensemble shares between its jobs. Plain data, so a worker thread can take it as it is.
 */
export interface FitJob {
  /** Names the job in errors and progress, e.g. 'member "rf", fold 2'. */
  readonly label: string;
  readonly spec: Spec;
  /** Training rows, indices into the shared data (repeats allowed); all rows when absent. */
  readonly rows?: Uint32Array;
  /** Feature columns, indices into the shared data; all columns when absent. */
  readonly columns?: Uint32Array;
}

/** Who runs the jobs and how: the ensemble's name (for errors), seed, nJobs and fit context. */
export interface EnsembleRun {
  readonly owner: string;
  readonly seed: number;
  readonly nJobs: number | null;
  readonly context: FitContext;
}

const taskName = 'ensembles.fitJob';

/**
 * Fits independent jobs over shared data and returns their models in job order. Each job's result
 * depends only on the job (its spec carries its seed), never on the order jobs finish. With nJobs
 * > 1 (or null and an executor in the context) the jobs run on the executor's threads, the data
 * placed once in shared memory; otherwise one after the other, where jobs passing the same `rows`
 * array (the folds of a stack) share one copy of those rows. Errors are prefixed with the owner
 * and the job's label.
 *
 * @example
 * const [a, b] = await fitMany(run, data, [{ label: 'fold 0', spec, rows: folds[0].train }, …]);
 */
export async function fitMany(
  run: EnsembleRun,
  data: TrainingData,
  jobs: readonly FitJob[],
): Promise<Model[]> {
  const { owner, nJobs, context } = run;
  // Children report nothing themselves: progress is counted here, in jobs.
  const { onProgress, ...childContext } = context;
  const report = (done: number, index: number): void =>
    onProgress?.(done / jobs.length, `${owner}: ${jobs[index]!.label}`);
  try {
    const executor = chooseExecutor(nJobs, context.executor);
    if (executor && jobs.length > 1) {
      const shared = shareData(data, executor);
      const saved = await runTasks<SavedModel>(
        executor,
        taskName,
        jobs.map((job) => ({ data: shared, job })),
        { concurrency: nJobs ?? undefined, onDone: report },
      );
      return saved.map(restoreModel);
    }
    const subsets = new Map<Uint32Array, TrainingData>();
    const models: Model[] = [];
    for (const [index, job] of jobs.entries()) {
      let rowsData = data;
      if (job.rows) {
        rowsData = subsets.get(job.rows) ?? subsetData(data, job.rows);
        if (!job.columns) subsets.set(job.rows, rowsData);
      }
      models.push(await fitJob(rowsData, { ...job, rows: undefined }, childContext));
      report(index + 1, index);
    }
    return models;
  } catch (error) {
    if (error instanceof StacklearnError) throw new StacklearnError(`${owner}: ${error.message}`);
    throw error;
  }
}

/** One job on its rows and columns of the data; errors name the job. */
async function fitJob(data: TrainingData, job: FitJob, context: FitContext): Promise<Model> {
  let jobData = job.rows ? subsetData(data, job.rows) : data;
  if (job.columns) jobData = selectDataColumns(jobData, job.columns);
  try {
    return await fit(job.spec, jobData, context);
  } catch (error) {
    if (error instanceof StacklearnError) throw new StacklearnError(`${job.label}: ${error.message}`);
    throw error;
  }
}

// What a worker thread runs: the job's model as plain data.
registerTask(taskName, async ({ data, job }: { data: TrainingData; job: FitJob }) =>
  toSavedModel(await fitJob(data, job, {})),
);

/** nJobs 1: this thread; otherwise the fit's executor, or the installed default for nJobs > 1. */
function chooseExecutor(nJobs: number | null, given: Executor | undefined): Executor | undefined {
  if (nJobs === 1) return undefined;
  return given ?? (nJobs === null ? undefined : defaultExecutor(nJobs));
}

/** The data with its arrays in the executor's shared memory (placed once, read by every job). */
function shareData(data: TrainingData, executor: Executor): TrainingData {
  const X = { ...data.X, data: executor.share(data.X.data) };
  const sampleWeight = data.sampleWeight ? executor.share(data.sampleWeight) : undefined;
  return { ...data, X, y: executor.share(data.y), sampleWeight } as TrainingData;
}
