import { subsetData } from '../data/subset.js';
import { fit } from '../learners/fit.js';
import type { Spec, Task, TrainingData } from '../learners/types.js';
import { evaluatePredictions, type MetricInfo, mainMetric, taskMetrics } from '../metrics/evaluate.js';
import type { Candidate } from './candidates.js';
import { crossValidate } from './cross-validate.js';
import { makeFolds, type SplitterSpec } from './folds.js';

/** One row of a leaderboard: a candidate's scores and times (or why it failed). */
export interface LeaderboardRow {
  readonly name: string;
  readonly group: Candidate['group'];
  readonly spec: Spec;
  /** Test-set scores, or the mean over folds. */
  readonly scores: Readonly<Record<string, number>>;
  /** Standard deviation over folds (cross-validation only). */
  readonly std?: Readonly<Record<string, number>>;
  /** Fit time in ms (mean over folds under cross-validation). */
  readonly fitTimeMs: number;
  /** Time to predict the test rows, in ms (mean over folds under cross-validation). */
  readonly predictTimeMs: number;
  readonly error?: string;
}

/** How the scores were obtained. */
export type Evaluation =
  | { readonly kind: 'holdout'; readonly trainRows: number; readonly testRows: number }
  | { readonly kind: 'cv'; readonly folds: number; readonly rows: number };

/** Candidates ranked by the task's main metric, best first; failed candidates last. */
export interface Leaderboard {
  readonly task: Task;
  readonly metrics: readonly MetricInfo[];
  readonly main: MetricInfo;
  readonly evaluation: Evaluation;
  readonly rows: readonly LeaderboardRow[];
}

export interface CompareOptions {
  /** Held-out rows to score on; without it (and without cv), pass `testRows` of `data`. */
  readonly test?: TrainingData;
  /** Cross-validated scores instead of a holdout: k or a splitter spec. */
  readonly cv?: number | SplitterSpec;
  readonly seed?: number;
  /** Called before each candidate is fitted. */
  readonly onProgress?: (done: number, total: number, name: string) => void;
}

/**
 * Fits every candidate on the same data and ranks them: the classic comparison table.
 * Scores come from `options.test` (a holdout) or from cross-validation on shared folds.
 *
 * @example
 * const board = await compare(defaultCandidates(train), train, { test });
 * console.log(formatLeaderboard(board));
 */
export async function compare(
  candidates: readonly Candidate[],
  data: TrainingData,
  options: CompareOptions,
): Promise<Leaderboard> {
  const metrics = taskMetrics(data.task);
  const main = mainMetric(data.task);
  const rows: LeaderboardRow[] = [];
  for (const [index, candidate] of candidates.entries()) {
    options.onProgress?.(index, candidates.length, candidate.name);
    try {
      rows.push(await scoreCandidate(candidate, data, options));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const { name, group, spec } = candidate;
      rows.push({
        name,
        group,
        spec,
        scores: {},
        fitTimeMs: Number.NaN,
        predictTimeMs: Number.NaN,
        error: message,
      });
    }
  }
  options.onProgress?.(candidates.length, candidates.length, 'done');
  const sign = main.greaterIsBetter ? -1 : 1;
  const key = (row: LeaderboardRow): number => {
    const value = row.scores[main.name];
    return row.error || value === undefined || Number.isNaN(value) ? Number.POSITIVE_INFINITY : sign * value;
  };
  rows.sort((a, b) => key(a) - key(b));
  const evaluation: Evaluation = options.test
    ? { kind: 'holdout', trainRows: data.X.rows, testRows: options.test.X.rows }
    : {
        kind: 'cv',
        folds: makeFolds(options.cv ?? 5, data, options.seed ?? 0).length,
        rows: data.X.rows,
      };
  return { task: data.task, metrics, main, evaluation, rows };
}

async function scoreCandidate(
  candidate: Candidate,
  data: TrainingData,
  options: CompareOptions,
): Promise<LeaderboardRow> {
  const { name, group, spec } = candidate;
  const names = taskMetrics(data.task).map((m) => m.name);
  if (options.test) {
    const model = await fit(spec, data);
    const test = options.test;
    const predict = () => (model.task === 'regression' ? model.predict(test.X) : model.predictProba(test.X));
    // The best of up to three timed runs (within ~50 ms): the first call also pays for JIT compilation.
    let predicted = predict();
    let predictTimeMs = Number.POSITIVE_INFINITY;
    for (let run = 0, spent = 0; run < 3 && spent < 50; run++) {
      const start = performance.now();
      predicted = predict();
      const elapsed = performance.now() - start;
      predictTimeMs = Math.min(predictTimeMs, elapsed);
      spent += elapsed;
    }
    const scores = evaluatePredictions(test, predicted, names);
    return { name, group, spec, scores, fitTimeMs: model.fitTimeMs, predictTimeMs };
  }
  const result = await crossValidate(spec, data, {
    cv: options.cv ?? 5,
    seed: options.seed ?? 0,
    metrics: names,
  });
  return {
    name,
    group,
    spec,
    scores: result.mean,
    std: result.std,
    fitTimeMs: mean(result.folds.map((f) => f.fitTimeMs)),
    predictTimeMs: mean(result.folds.map((f) => f.scoreTimeMs)),
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Splits data into train / test rows (re-exported for convenience by callers that hold indices). */
export function splitData<T extends TrainingData>(
  data: T,
  train: Uint32Array,
  test: Uint32Array,
): { train: T; test: T } {
  return { train: subsetData(data, train), test: subsetData(data, test) };
}
