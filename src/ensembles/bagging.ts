import { takeRows } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { restoreModel } from '../learners/fit.js';
import { type ParamTable, types } from '../learners/params.js';
import type { LearnerDef, Model, SavedModel, Spec, TrainingData } from '../learners/types.js';
import { mainMetric } from '../metrics/evaluate.js';
import { createRandom, deriveSeed } from '../random.js';
import { drawIndices, sampleCount } from './bagging-samples.js';
import { averageOutputs } from './combine.js';
import { type EnsembleDiagnostics, outputErrors, scoreOutputs, summarizeDiagnostics } from './diagnostics.js';
import { nJobsParam, seedParam } from './ensemble-params.js';
import { type FitJob, fitMany } from './fit-many.js';
import { resolveMember, seededSpec } from './members.js';
import { modelOutputs, outputWidth } from './model-outputs.js';
import { savedMember } from './saved-member.js';
import { selectColumns } from './select-columns.js';

/** Parameters of bagging: `{ kind: 'bagging', estimator: { kind: 'knn' }, nEstimators: 20 }`. */
export interface BaggingParams {
  readonly estimator: Spec;
  readonly nEstimators: number;
  readonly maxSamples: number;
  readonly maxFeatures: number;
  readonly bootstrap: boolean;
  readonly bootstrapFeatures: boolean;
  readonly oobScore: boolean;
  readonly seed: number;
  readonly nJobs: number | null;
}

const share = { type: 'number', min: 0, exclusiveMin: true } as const;

const params: ParamTable<BaggingParams> = {
  estimator: { type: { type: 'object' }, default: { kind: 'decisionTree' }, doc: 'the learner to bag' },
  nEstimators: { type: types.int(1), default: 10, doc: 'number of members' },
  maxSamples: {
    type: share,
    default: 1,
    doc: 'rows per member: a fraction ≤ 1 of the rows (⌊f·n⌋, at least 1) or a count > 1',
  },
  maxFeatures: {
    type: share,
    default: 1,
    doc: 'feature columns per member: a fraction ≤ 1 of the columns or a count > 1',
  },
  bootstrap: { type: types.bool(), default: true, doc: 'draw rows with replacement (false: without)' },
  bootstrapFeatures: { type: types.bool(), default: false, doc: 'draw columns with replacement' },
  oobScore: {
    type: types.bool(),
    default: false,
    doc: 'store oobScore: the main metric of the out-of-bag predictions (rows left out by some member)',
  },
  seed: { ...seedParam, doc: 'seed of the row and column draws, and of randomised members that set no seed' },
  nJobs: nJobsParam,
};

interface BaggingMember {
  readonly model: SavedModel;
  /** The member's feature columns, or null for all of them in order. */
  readonly features: Uint32Array | null;
}

interface BaggingState {
  readonly members: readonly BaggingMember[];
  /** Main metric of the out-of-bag predictions (when `oobScore`). */
  readonly oobScore?: number;
  readonly diagnostics: EnsembleDiagnostics;
}

/**
 * Bootstrap aggregating of any learner, as scikit-learn's BaggingRegressor / BaggingClassifier:
 * each member is fitted on its own draw of rows (with replacement by default) and of feature
 * columns, and the ensemble averages their predictions (probabilities for classification).
 * A row drawn several times is passed several times (duplicated rows, which works for every
 * learner; for one that takes sample weights it equals weighting by the draw count), keeping its
 * sample weight. Draws use seeds derived from (seed, member), so they do not depend on fit order.
 * Diagnostics come from out-of-bag rows: each member is scored on the rows it did not draw.
 *
 * @example
 * await fit({ kind: 'bagging', estimator: { kind: 'knn' }, nEstimators: 20, maxFeatures: 0.5, seed: 3 }, data)
 */
export const bagging: LearnerDef<BaggingParams, BaggingState> = {
  kind: 'bagging',
  summary: 'Bootstrap aggregating of any learner (row and feature draws, out-of-bag diagnostics)',
  tasks: ['regression', 'classification'],
  params,
  // The members check missing values themselves (a member may handle them).
  handlesMissing: true,
  randomized: true,
  async fit(p, data, context) {
    const member = resolveMember('bagging', 'parameter "estimator"', 'estimator', p.estimator, data);
    if (member.prefitted) throw new StacklearnError('bagging: parameter "estimator" cannot be prefitted');
    const n = data.X.rows;
    const nCols = data.X.cols;
    const nSamples = sampleCount('bagging', 'maxSamples', p.maxSamples, n);
    const nFeatures = sampleCount('bagging', 'maxFeatures', p.maxFeatures, nCols);
    const allColumns = nFeatures === nCols && !p.bootstrapFeatures;
    const jobs: FitJob[] = [];
    for (let b = 0; b < p.nEstimators; b++) {
      const random = createRandom(deriveSeed(p.seed, 'draw', b));
      const rows = drawIndices(n, nSamples, p.bootstrap, random);
      const columns = allColumns ? undefined : drawIndices(nCols, nFeatures, p.bootstrapFeatures, random);
      jobs.push({
        label: `member ${b}`,
        spec: seededSpec(member.spec, p.seed, 'estimator', b),
        rows,
        columns,
      });
    }
    const models = await fitMany({ owner: 'bagging', seed: p.seed, nJobs: p.nJobs, context }, data, jobs);
    const { diagnostics, oobScore } = outOfBag(data, jobs, models);
    if (p.oobScore && oobScore === undefined) {
      throw new StacklearnError(
        'bagging: parameter "oobScore" needs rows left out of some member\'s draw; with bootstrap false and maxSamples 1 every member sees every row',
      );
    }
    return {
      members: models.map((model, b) => ({ model: savedMember(model), features: jobs[b]!.columns ?? null })),
      ...(p.oobScore ? { oobScore } : {}),
      diagnostics,
    };
  },
  predictor(state) {
    const members = state.members.map((member) => ({
      model: restoreModel(member.model),
      features: member.features,
    }));
    const weights = new Float64Array(members.length).fill(1);
    return (X) =>
      averageOutputs(
        members.map(({ model, features }) => modelOutputs(model, features ? selectColumns(X, features) : X)),
        weights,
      );
  },
};

/** Each member's out-of-bag scores and errors, and the ensemble's out-of-bag outputs. */
function outOfBag(
  data: TrainingData,
  jobs: readonly FitJob[],
  models: readonly Model[],
): { diagnostics: EnsembleDiagnostics; oobScore?: number } {
  const n = data.y.length;
  const width = outputWidth(data);
  const sums = new Float64Array(n * width);
  const counts = new Uint32Array(n);
  const names = jobs.map((_, b) => `estimator${b}`);
  const memberScores: Record<string, number>[] = [];
  const errors: Float64Array[] = [];
  const inBag = new Uint8Array(n);
  for (const [b, job] of jobs.entries()) {
    inBag.fill(0);
    for (const row of job.rows!) inBag[row] = 1;
    const oob = new Uint32Array(n - inBag.reduce((a, v) => a + v, 0));
    for (let i = 0, o = 0; i < n; i++) if (!inBag[i]) oob[o++] = i;
    const output = new Float64Array(n * width).fill(Number.NaN);
    if (oob.length > 0) {
      const X = takeRows(data.X, oob);
      const predicted = modelOutputs(models[b]!, job.columns ? selectColumns(X, job.columns) : X);
      for (const [t, row] of oob.entries()) {
        counts[row]!++;
        for (let j = 0; j < width; j++) {
          output[row * width + j] = predicted[t * width + j]!;
          sums[row * width + j] = sums[row * width + j]! + predicted[t * width + j]!;
        }
      }
    }
    memberScores.push(scoreOutputs(data, output));
    errors.push(outputErrors(data, output));
  }
  const ensemble = new Float64Array(n * width);
  let anyOob = false;
  for (let i = 0; i < n; i++) {
    anyOob ||= counts[i]! > 0;
    for (let j = 0; j < width; j++) {
      ensemble[i * width + j] = counts[i]! > 0 ? sums[i * width + j]! / counts[i]! : Number.NaN;
    }
  }
  const metric = mainMetric(data.task);
  const ensembleScores = anyOob ? scoreOutputs(data, ensemble) : null;
  const diagnostics = summarizeDiagnostics({
    source: 'outOfBag',
    metric,
    members: names,
    memberScores,
    errors,
    ensembleScores,
    ensembleScoreMethod: ensembleScores
      ? 'the mean of the members that left each row out of their draw, on the rows left out at least once'
      : 'none: every member drew every row',
    sampleWeight: data.sampleWeight,
  });
  return { diagnostics, oobScore: ensembleScores?.[metric.name] };
}
