import { StacklearnError } from '../errors.js';
import type { Model, TrainingData } from '../learners/types.js';
import { evaluatePredictions, type MetricInfo, taskMetrics } from '../metrics/evaluate.js';
import { targetRows } from './target-rows.js';

/**
 * How an ensemble's members did on rows they were not trained on, how alike their mistakes are,
 * and whether combining them paid off. Plain data, stored on the model state as `diagnostics`.
 */
export interface EnsembleDiagnostics {
  /** Where the members' predictions come from: the shared folds, a holdout, or out-of-bag rows. */
  readonly source: 'outOfFold' | 'holdout' | 'outOfBag';
  /** The metric that picks the best member and measures the gain (the task's main one by default). */
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  /** Member names, in member order (the order of the correlation matrix). */
  readonly members: readonly string[];
  /** Every metric of the task, per member, on the rows it predicted out of sample. */
  readonly memberScores: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Sample-weighted Pearson correlation of the members' errors (regression: y − ŷ; classification:
   * 1 − probability of the true class) over the rows both predicted; NaN when an error is constant.
   */
  readonly errorCorrelation: readonly (readonly number[])[];
  /** The ensemble's own out-of-sample scores (see `ensembleScoreMethod`), or null. */
  readonly ensembleScores: Readonly<Record<string, number>> | null;
  /** How the ensemble's scores were obtained, in words. */
  readonly ensembleScoreMethod: string;
  readonly bestMember: string;
  /** Ensemble minus best member on `metric`, signed so that positive means the ensemble is better. */
  readonly gain: number | null;
}

/** What summarizeDiagnostics needs: scores and errors already computed per member. */
export interface DiagnosticsInput {
  readonly source: EnsembleDiagnostics['source'];
  readonly metric: MetricInfo;
  readonly members: readonly string[];
  readonly memberScores: readonly Record<string, number>[];
  readonly errors: readonly Float64Array[];
  readonly ensembleScores: Record<string, number> | null;
  readonly ensembleScoreMethod: string;
  readonly sampleWeight?: Float64Array;
}

/**
 * Diagnostics from members' out-of-sample outputs (rows × width, NaN on rows a member did not
 * predict) and the ensemble's own (or null).
 *
 * @example
 * outputDiagnostics(data, ['ridge', 'knn'], oof.outputs, ensembleOof, 'outOfFold', 'weighted mean of the out-of-fold outputs')
 */
export function outputDiagnostics(
  data: TrainingData,
  members: readonly string[],
  outputs: readonly Float64Array[],
  ensemble: Float64Array | null,
  source: EnsembleDiagnostics['source'],
  ensembleScoreMethod: string,
  metric: MetricInfo = taskMetrics(data.task)[0]!,
): EnsembleDiagnostics {
  return summarizeDiagnostics({
    source,
    metric,
    members,
    memberScores: outputs.map((output) => scoreOutputs(data, output)),
    errors: outputs.map((output) => outputErrors(data, output)),
    ensembleScores: ensemble ? scoreOutputs(data, ensemble) : null,
    ensembleScoreMethod,
    sampleWeight: data.sampleWeight,
  });
}

/**
 * Every metric of the task for outputs (rows × width) on the rows where they are finite.
 *
 * @example
 * scoreOutputs(data, oof) // { r2: 0.8, mse: … }
 */
export function scoreOutputs(data: TrainingData, output: Float64Array): Record<string, number> {
  const width = data.task === 'regression' ? 1 : data.classes.length;
  const rows = finiteRows(output, width);
  const target = targetRows(data, rows);
  const values = new Float64Array(rows.length * width);
  for (let t = 0; t < rows.length; t++) {
    values.set(output.subarray(rows[t]! * width, (rows[t]! + 1) * width), t * width);
  }
  if (rows.length === 0) return Object.fromEntries(taskMetrics(data.task).map((m) => [m.name, Number.NaN]));
  return evaluatePredictions(
    target,
    data.task === 'regression' ? values : { rows: rows.length, cols: width, data: values },
  );
}

/**
 * Per row, the error of an output: y − ŷ (regression) or 1 − probability of the true class; NaN
 * where the output is missing.
 *
 * @example
 * outputErrors(data, oof) // Float64Array of data rows
 */
export function outputErrors(data: TrainingData, output: Float64Array): Float64Array {
  const n = data.y.length;
  const errors = new Float64Array(n);
  if (data.task === 'regression') {
    for (let i = 0; i < n; i++) errors[i] = data.y[i]! - output[i]!;
    return errors;
  }
  const k = data.classes.length;
  for (let i = 0; i < n; i++) errors[i] = 1 - output[i * k + data.y[i]!]!;
  return errors;
}

/** Correlation matrix, best member and gain from per-member scores and errors. */
export function summarizeDiagnostics(input: DiagnosticsInput): EnsembleDiagnostics {
  const { metric, members } = input;
  const better = (a: number, b: number): boolean => (metric.greaterIsBetter ? a > b : a < b);
  let best = 0;
  for (let m = 1; m < members.length; m++) {
    const score = input.memberScores[m]![metric.name]!;
    const bestScore = input.memberScores[best]![metric.name]!;
    if (Number.isNaN(bestScore) || better(score, bestScore)) best = m;
  }
  const bestScore = input.memberScores[best]![metric.name]!;
  const ensembleScore = input.ensembleScores?.[metric.name];
  const gain =
    ensembleScore === undefined
      ? null
      : metric.greaterIsBetter
        ? ensembleScore - bestScore
        : bestScore - ensembleScore;
  return {
    source: input.source,
    metric: metric.name,
    greaterIsBetter: metric.greaterIsBetter,
    members: [...members],
    memberScores: Object.fromEntries(members.map((name, m) => [name, input.memberScores[m]!])),
    errorCorrelation: correlationMatrix(input.errors, input.sampleWeight),
    ensembleScores: input.ensembleScores,
    ensembleScoreMethod: input.ensembleScoreMethod,
    bestMember: members[best]!,
    gain,
  };
}

/**
 * The diagnostics of a fitted ensemble (voting, stacking, blending, bagging, ensembleSelection).
 *
 * @example
 * const d = ensembleDiagnostics(model);
 * console.log(d.memberScores, d.ensembleScores, d.gain);
 */
export function ensembleDiagnostics(model: Model): EnsembleDiagnostics {
  const state = model.state as { diagnostics?: EnsembleDiagnostics } | null;
  if (typeof state !== 'object' || state === null || typeof state.diagnostics !== 'object') {
    throw new StacklearnError(
      `ensembleDiagnostics: a ${model.kind} model is not an ensemble (it has no diagnostics)`,
    );
  }
  return state.diagnostics;
}

function finiteRows(output: Float64Array, width: number): Uint32Array {
  const n = output.length / width;
  let count = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(output[i * width]!)) count++;
  const rows = new Uint32Array(count);
  let c = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(output[i * width]!)) rows[c++] = i;
  return rows;
}

function correlationMatrix(errors: readonly Float64Array[], sampleWeight?: Float64Array): number[][] {
  const m = errors.length;
  const out = Array.from({ length: m }, () => new Array<number>(m).fill(Number.NaN));
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      const r = weightedCorrelation(errors[a]!, errors[b]!, sampleWeight);
      out[a]![b] = r;
      out[b]![a] = r;
    }
  }
  return out;
}

/** Weighted Pearson correlation over the rows where both are finite. */
function weightedCorrelation(x: Float64Array, y: Float64Array, w?: Float64Array): number {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) continue;
    const wi = w ? w[i]! : 1;
    sw += wi;
    sx += wi * x[i]!;
    sy += wi * y[i]!;
  }
  if (sw === 0) return Number.NaN;
  const mx = sx / sw;
  const my = sy / sw;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) continue;
    const wi = w ? w[i]! : 1;
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    cxy += wi * dx * dy;
    cxx += wi * dx * dx;
    cyy += wi * dy * dy;
  }
  return cxx > 0 && cyy > 0 ? Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy))) : Number.NaN;
}
