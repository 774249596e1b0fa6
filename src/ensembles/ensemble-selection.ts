import { StacklearnError } from '../errors.js';
import { type ParamTable, types } from '../learners/params.js';
import type { LearnerDef, TrainingData } from '../learners/types.js';
import { type MetricInfo, resolveMetricNames, taskMetrics } from '../metrics/evaluate.js';
import { createRandom, deriveSeed } from '../random.js';
import { averageOutputs } from './combine.js';
import { combinerFolds, crossValidateCombiner } from './combiner-folds.js';
import { outputDiagnostics } from './diagnostics.js';
import { cvParam, estimatorsParam, nJobsParam, seedParam } from './ensemble-params.js';
import { type SelectionSettings, selectionWeights } from './greedy-selection.js';
import { type MemberSpecs, resolveMembers } from './members.js';
import { outputWidth } from './model-outputs.js';
import { outOfFold } from './out-of-fold.js';
import { refitMembers } from './refit-members.js';
import { gatherRows, pick, scatterRows } from './row-values.js';
import { type EnsembleCv, sharedFolds } from './shared-folds.js';
import { targetRows } from './target-rows.js';
import {
  type WeightedState,
  weightedMembers,
  weightedPredictor,
  weightedRowPredictor,
} from './weighted-members.js';

/** Parameters of ensembleSelection: `{ kind: 'ensembleSelection', estimators: { … }, nIterations: 50 }`. */
export interface EnsembleSelectionParams extends Omit<SelectionSettings, 'nInit'> {
  readonly estimators: MemberSpecs;
  readonly cv: EnsembleCv;
  readonly metric: string | null;
  /** null: DEFAULT_INIT, at most nIterations. */
  readonly nInit: number | null;
  readonly seed: number;
  readonly nJobs: number | null;
}

/**
 * Members in the sorted initialisation by default: two hedge against a member whose probabilities
 * are 0 / 1 (best out of fold in log loss, then ruinous on one confident miss).
 */
const DEFAULT_INIT = 2;

const params: ParamTable<EnsembleSelectionParams> = {
  estimators: { ...estimatorsParam, doc: 'the library of member specs to select from: { name: spec, … }' },
  cv: cvParam,
  metric: {
    type: types.nullable({ type: 'string' }),
    default: null,
    doc: 'the metric the selection optimises (a metric of the task, e.g. "accuracy"); null: r2 / logLoss',
  },
  nIterations: {
    type: types.int(1),
    default: 50,
    doc: 'picks in all, with replacement (the sorted initialisation included)',
  },
  nInit: {
    type: types.nullable(types.int(0)),
    default: null,
    doc: 'sorted initialisation: start with the best this many members, each once; null: 2 (at most nIterations)',
  },
  nBags: {
    type: types.int(1),
    default: 1,
    doc: 'run the selection on this many random subsets of the library and pool the picks',
  },
  bagFraction: {
    type: { type: 'number', min: 0, max: 1, exclusiveMin: true },
    default: 0.5,
    doc: 'share of the library each bag selects from (when nBags > 1)',
  },
  seed: { ...seedParam, doc: 'seed of the folds, the bags, and randomised members that set no seed' },
  nJobs: nJobsParam,
};

/**
 * Ensemble selection from a library of models (Caruana et al., ICML 2004): the members' out-of-fold
 * outputs on shared folds are averaged greedily — forward selection with replacement, from a sorted
 * initialisation, optimising `metric` (by default R², or log loss for classification) — optionally
 * over bags of the library. The weights (picks / total) are on the state as `weights`; members never picked are
 * dropped and the chosen ones refitted on all rows. The ensemble predicts the weighted mean of its
 * members' outputs (probabilities for classification). Its out-of-fold score in the diagnostics
 * reruns the selection on the other folds' rows for each fold, so it is not flattered by the
 * selection having seen those rows.
 *
 * @example
 * await fit({ kind: 'ensembleSelection', estimators: { a: { kind: 'knn' }, b: { kind: 'decisionTree', maxDepth: 5 } }, nIterations: 30 }, data)
 */
export const ensembleSelection: LearnerDef<EnsembleSelectionParams, WeightedState> = {
  kind: 'ensembleSelection',
  summary: 'Caruana ensemble selection: greedy forward selection with replacement on out-of-fold outputs',
  tasks: ['regression', 'classification'],
  params,
  // Members check missing values themselves (a member may handle them).
  handlesMissing: true,
  randomized: true,
  async fit(p, data, context) {
    const members = resolveMembers('ensembleSelection', 'estimators', p.estimators, data);
    const metric = selectionMetric(p.metric, data);
    if (p.nInit !== null && p.nInit > p.nIterations) {
      throw new StacklearnError(
        `ensembleSelection: parameter "nInit" (${p.nInit}) must be at most "nIterations" (${p.nIterations})`,
      );
    }
    const settings = { ...p, nInit: p.nInit ?? Math.min(DEFAULT_INIT, p.nIterations) };
    const shared = sharedFolds('ensembleSelection', p.cv, data, p.seed);
    const run = { owner: 'ensembleSelection', seed: p.seed, nJobs: p.nJobs, context };
    const oof = await outOfFold(run, members, data, shared);
    const width = outputWidth(data);
    const { covered } = shared;
    const select = (rows: Uint32Array, seed: number): Float64Array =>
      selectionWeights(
        {
          target: targetRows(data, rows),
          outputs: oof.outputs.map((o) => gatherRows(o, rows, width)),
          metric,
        },
        settings,
        createRandom(seed),
      );
    const weights = select(covered, deriveSeed(p.seed, 'bags'));

    const folds = combinerFolds(shared, data, p.seed);
    let ensemble: Float64Array | null = null;
    if (folds) {
      const predicted = await crossValidateCombiner(folds, covered.length, width, (train, test, f) => {
        const w = select(pick(covered, train), deriveSeed(p.seed, 'bags', f));
        const rows = pick(covered, test);
        return averageOutputs(
          oof.outputs.map((o, m) => (w[m]! > 0 ? gatherRows(o, rows, width) : new Float64Array(0))),
          w,
        );
      });
      ensemble = scatterRows(predicted, covered, width, data.y.length);
    }
    const names = members.map((m) => m.name);
    const diagnostics = outputDiagnostics(
      data,
      names,
      oof.outputs,
      ensemble,
      shared.source,
      ensemble
        ? "the selection rerun on the other folds' out-of-fold outputs, applied to each fold"
        : 'none: too few held-out rows to cross-validate the selection',
      metric,
    );
    const models = await refitMembers(run, members, weights, data);
    return { combine: 'mean', ...weightedMembers(names, weights, models), diagnostics };
  },
  predictor: weightedPredictor,
  rowPredictor: weightedRowPredictor,
};

/**
 * The metric optimised by default: R² for regression; for classification log loss — a smooth proper
 * score: accuracy on a few hundred out-of-fold rows is flat, so most candidates tie and the member
 * order picks (on penguins, 5 × 5-fold: log loss 0.048 with accuracy, 0.028 with log loss; the
 * accuracy no worse).
 */
function selectionMetric(given: string | null, data: TrainingData): MetricInfo {
  const metrics = taskMetrics(data.task);
  const name = given ?? (data.task === 'regression' ? metrics[0]!.name : 'logLoss');
  try {
    resolveMetricNames(data.task, [name]);
  } catch (error) {
    if (error instanceof StacklearnError) {
      throw new StacklearnError(`ensembleSelection: parameter "metric": ${error.message}`);
    }
    throw error;
  }
  return metrics.find((m) => m.name === name)!;
}
