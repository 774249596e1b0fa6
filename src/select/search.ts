import { subsetData } from '../data/subset.js';
import { StacklearnError } from '../errors.js';
import { fit } from '../learners/fit.js';
import { resolveParams } from '../learners/params.js';
import { getLearner } from '../learners/registry.js';
import type { Model, Spec, Task, TrainingData } from '../learners/types.js';
import { evaluatePredictions, type MetricInfo, taskMetrics } from '../metrics/evaluate.js';
import { createRandom, deriveSeed } from '../random.js';
import { makeFolds, type SplitterSpec } from './folds.js';
import { paramTableOf, setParamPath, valueAtPath } from './param-path.js';
import { gridPoints, type SearchPoint, samplePoints } from './search-points.js';
import { type Dimension, describeParams, parseSearchSpace, type SearchSpace } from './search-space.js';

/** Options of gridSearch (randomSearch adds nIter). */
export interface SearchOptions {
  /** Folds: k (shuffled, stratified for classification) or a splitter spec; default 5. Made once, shared by all candidates. */
  readonly cv?: number | SplitterSpec;
  /** Seed of the folds when `cv` does not carry one (and of random search's draws); default 0. */
  readonly seed?: number;
  /** The metric to rank by (see taskMetrics); default the task's main one: r2 or accuracy. */
  readonly metric?: string;
  /** Fit the best spec on all the data and return the model; default true, as scikit-learn. */
  readonly refit?: boolean;
  /** Called before each candidate (and the refit) with the number done, the total and a label. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

/** Options of randomSearch. */
export interface RandomSearchOptions extends SearchOptions {
  /** How many candidates to draw; default 10. */
  readonly nIter?: number;
}

/** One candidate: its spec, its scores over the folds (in the metric's own sign) and its rank. */
export interface SearchCandidate {
  readonly spec: Spec;
  /** The values this candidate took, keyed by the search-space keys. */
  readonly params: SearchPoint;
  /** Mean over folds; NaN when the candidate failed. */
  readonly meanScore: number;
  /** Population standard deviation over folds (numpy's default, as scikit-learn's std_test_score). */
  readonly stdScore: number;
  /** One score per fold, in fold order (empty when the candidate failed). */
  readonly scores: readonly number[];
  /** Mean fit time per fold, in ms. */
  readonly fitTimeMs: number;
  /** Mean time to predict and score a fold's test rows, in ms. */
  readonly scoreTimeMs: number;
  /** 1 for the best; tied scores share the smallest rank; failed candidates come last. */
  readonly rank: number;
  /** Why fitting or scoring failed (the candidate is then ranked last). */
  readonly error?: string;
}

/** The result of a search: candidates best first, the best one, and the refitted model. */
export interface SearchResult {
  readonly task: Task;
  readonly metric: MetricInfo;
  readonly evaluation: { readonly kind: 'cv'; readonly folds: number; readonly rows: number };
  readonly candidates: readonly SearchCandidate[];
  readonly best: { readonly spec: Spec; readonly params: SearchPoint; readonly meanScore: number };
  /** The best spec fitted on all the data (unless `refit: false`). */
  readonly model?: Model;
}

/**
 * Exhaustive search: every combination of the listed values is cross-validated on the same folds
 * and ranked by the metric (greater or smaller is better, as the metric says); ties keep grid order.
 * A candidate that fails to fit is reported with its error and ranked last; if all fail, it throws.
 *
 * @example
 * const result = await gridSearch({ kind: 'knn' }, { nNeighbors: [1, 5, 15], weights: ['uniform', 'distance'] }, data, { cv: 5 });
 * result.best.params // { nNeighbors: 5, weights: 'distance' }
 * result.model?.predict(X);
 */
export async function gridSearch(
  spec: Spec,
  space: SearchSpace,
  data: TrainingData,
  options: SearchOptions = {},
): Promise<SearchResult> {
  checkBase('gridSearch', spec);
  const dimensions = parseSearchSpace(spec, space, 'gridSearch', false);
  const points = gridPoints(dimensions.filter((d) => d.kind === 'values'));
  return search('gridSearch', spec, dimensions, points, data, options);
}

/**
 * Random search: `nIter` candidates drawn from lists and distributions (see SearchSpace), then
 * scored like gridSearch. The same seed draws the same candidates.
 *
 * @example
 * await randomSearch({ kind: 'ridge' }, { alpha: { distribution: 'logUniform', low: 1e-4, high: 10 } }, data, { nIter: 20 })
 */
export async function randomSearch(
  spec: Spec,
  space: SearchSpace,
  data: TrainingData,
  options: RandomSearchOptions = {},
): Promise<SearchResult> {
  checkBase('randomSearch', spec);
  const nIter = options.nIter ?? 10;
  if (!Number.isInteger(nIter) || nIter < 1) {
    throw new StacklearnError(`randomSearch: nIter must be an integer ≥ 1; received ${nIter}`);
  }
  const dimensions = parseSearchSpace(spec, space, 'randomSearch', true);
  const random = createRandom(deriveSeed(options.seed ?? 0, 'randomSearch'));
  return search('randomSearch', spec, dimensions, samplePoints(dimensions, nIter, random), data, options);
}

function checkBase(caller: string, spec: Spec): void {
  if (typeof spec !== 'object' || spec === null) {
    throw new StacklearnError(
      `${caller}: the spec must be an object with a "kind"; received ${String(spec)}`,
    );
  }
  getLearner(spec.kind);
}

async function search(
  caller: string,
  base: Spec,
  dimensions: readonly Dimension[],
  points: readonly SearchPoint[],
  data: TrainingData,
  options: SearchOptions,
): Promise<SearchResult> {
  const metric = metricOf(caller, data.task, options.metric);
  const specs = points.map((point, index) => candidateSpec(caller, base, dimensions, point, index));
  const folds = makeFolds(options.cv ?? 5, data, options.seed ?? 0).map((fold) => ({
    train: subsetData(data, fold.train),
    test: subsetData(data, fold.test),
  }));
  const refit = options.refit !== false;
  const total = specs.length + (refit ? 1 : 0);
  const scored: Omit<SearchCandidate, 'rank'>[] = [];
  for (const [index, spec] of specs.entries()) {
    const params = points[index]!;
    options.onProgress?.(index, total, describeParams(params));
    scored.push({ spec, params, ...(await scoreCandidate(spec, folds, metric)) });
  }
  const candidates = ranked(scored, metric);
  const best = candidates[0]!;
  if (Number.isNaN(best.meanScore)) {
    const failed = candidates.find((c) => c.error);
    throw new StacklearnError(
      failed
        ? `${caller}: all ${candidates.length} candidates failed; the first (${describeParams(failed.params)}): ${failed.error}`
        : `${caller}: no candidate has a defined ${metric.name} score on these folds`,
    );
  }
  let model: Model | undefined;
  if (refit) {
    options.onProgress?.(specs.length, total, `refit ${describeParams(best.params)}`);
    model = await fit(best.spec, data);
  }
  options.onProgress?.(total, total, 'done');
  return {
    task: data.task,
    metric,
    evaluation: { kind: 'cv', folds: folds.length, rows: data.X.rows },
    candidates,
    best: { spec: best.spec, params: best.params, meanScore: best.meanScore },
    model,
  };
}

function metricOf(caller: string, task: Task, name: string | undefined): MetricInfo {
  const known = taskMetrics(task);
  const metric = name === undefined ? known[0] : known.find((m) => m.name === name);
  if (!metric) {
    throw new StacklearnError(
      `${caller}: unknown metric ${JSON.stringify(name)} for a ${task} task; known metrics: ` +
        known.map((m) => m.name).join(', '),
    );
  }
  return metric;
}

/** The base spec with the point's values set, every spec on the way checked against its table. */
function candidateSpec(
  caller: string,
  base: Spec,
  dimensions: readonly Dimension[],
  point: SearchPoint,
  index: number,
): Spec {
  let spec = base;
  for (const { path } of dimensions) spec = setParamPath(spec, path.segments, point[path.key]);
  const checked = new Set<string>();
  for (const prefix of [[], ...dimensions.flatMap((d) => d.path.specPaths)]) {
    const id = prefix.join('.');
    if (checked.has(id)) continue;
    checked.add(id);
    const node = valueAtPath(spec, prefix) as Spec;
    try {
      resolveParams(node.kind, paramTableOf(node.kind), node as Record<string, unknown>);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new StacklearnError(
        `${caller}: candidate ${index + 1} (${describeParams(point)}) is invalid` +
          `${id ? ` at "${id}"` : ''}: ${message}`,
      );
    }
  }
  return spec;
}

type Split = { readonly train: TrainingData; readonly test: TrainingData };

async function scoreCandidate(
  spec: Spec,
  folds: readonly Split[],
  metric: MetricInfo,
): Promise<Omit<SearchCandidate, 'spec' | 'params' | 'rank'>> {
  const scores: number[] = [];
  let fitTimeMs = 0;
  let scoreTimeMs = 0;
  for (const [f, { train, test }] of folds.entries()) {
    try {
      const model = await fit(spec, train);
      const start = performance.now();
      const predicted = model.task === 'regression' ? model.predict(test.X) : model.predictProba(test.X);
      scores.push(evaluatePredictions(test, predicted, [metric.name])[metric.name]!);
      scoreTimeMs += performance.now() - start;
      fitTimeMs += model.fitTimeMs;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = Number.NaN;
      return {
        meanScore: failed,
        stdScore: failed,
        scores: [],
        fitTimeMs: failed,
        scoreTimeMs: failed,
        error: `fold ${f + 1}: ${message}`,
      };
    }
  }
  const k = scores.length;
  const mean = scores.reduce((a, b) => a + b, 0) / k;
  const std = Math.sqrt(scores.reduce((a, b) => a + (b - mean) * (b - mean), 0) / k);
  return { meanScore: mean, stdScore: std, scores, fitTimeMs: fitTimeMs / k, scoreTimeMs: scoreTimeMs / k };
}

/** Best first (ties keep their order); ranks as scikit-learn's rank_test_score: ties share the smallest. */
function ranked(scored: readonly Omit<SearchCandidate, 'rank'>[], metric: MetricInfo): SearchCandidate[] {
  const sign = metric.greaterIsBetter ? -1 : 1;
  // Failed candidates and undefined (NaN) scores sort last.
  const key = (c: Omit<SearchCandidate, 'rank'>): number =>
    Number.isNaN(c.meanScore) ? Number.POSITIVE_INFINITY : sign * c.meanScore;
  const order = scored.map((c, i) => ({ c, key: key(c), i })).sort((a, b) => a.key - b.key || a.i - b.i);
  const out: SearchCandidate[] = [];
  for (const [position, { c, key: value }] of order.entries()) {
    const previous = out[position - 1];
    const tied = previous !== undefined && order[position - 1]!.key === value;
    out.push({ ...c, rank: tied ? previous.rank : position + 1 });
  }
  return out;
}
