import { StacklearnError } from '../errors.js';
import { type ParamTable, types } from '../learners/params.js';
import type { LearnerDef, TrainingData } from '../learners/types.js';
import { averageOutputs, voteShares } from './combine.js';
import { combinerFolds, crossValidateCombiner } from './combiner-folds.js';
import { outputDiagnostics } from './diagnostics.js';
import { cvParam, estimatorsParam, nJobsParam, seedParam } from './ensemble-params.js';
import { learnWeights } from './learned-weights.js';
import { type Member, type MemberSpecs, resolveMembers } from './members.js';
import { outputWidth } from './model-outputs.js';
import { type OutOfFold, outOfFold } from './out-of-fold.js';
import { refitMembers } from './refit-members.js';
import { gatherRows, pick, scatterRows } from './row-values.js';
import type { EnsembleCv, SharedFolds } from './shared-folds.js';
import { sharedFolds } from './shared-folds.js';
import {
  type WeightedState,
  weightedMembers,
  weightedPredictor,
  weightedRowPredictor,
} from './weighted-members.js';

/** Member weights: equal (null), one per member (a list or by name), or fitted out of fold. */
export type VotingWeights = null | readonly number[] | Readonly<Record<string, number>> | 'learned';

/** Parameters of voting: `{ kind: 'voting', estimators: { … }, voting: 'soft', weights: [2, 1] }`. */
export interface VotingParams {
  readonly estimators: MemberSpecs;
  readonly voting: 'hard' | 'soft';
  readonly weights: VotingWeights;
  readonly cv: EnsembleCv;
  readonly seed: number;
  readonly nJobs: number | null;
}

const params: ParamTable<VotingParams> = {
  estimators: estimatorsParam,
  voting: {
    type: types.oneOf('hard', 'soft'),
    default: 'hard',
    doc: 'classification: "hard" — weighted majority of the members\' classes; "soft" — weighted mean of their probabilities (ignored for regression)',
  },
  weights: {
    type: types.anyOf(
      { type: 'null' },
      { type: 'array', items: types.number(0) },
      { type: 'object' },
      types.oneOf('learned'),
    ),
    default: null,
    doc: 'null (equal), one weight ≥ 0 per member ([…] or { name: w }), or "learned": fitted on the out-of-fold outputs (NNLS / log-loss mixture)',
  },
  cv: cvParam,
  seed: seedParam,
  nJobs: nJobsParam,
};

/**
 * Averages its members, as scikit-learn's VotingRegressor / VotingClassifier: the weighted mean of
 * their predictions, or for classification the weighted mean of their probabilities ("soft") or
 * the weighted vote shares of their classes ("hard": predictProba gives the shares, so predict is
 * the weighted majority, the lowest class on ties). `weights: "learned"` fits the weights on the
 * members' out-of-fold outputs (regression: NNLS normalised to sum 1; classification, soft only:
 * the log-loss-optimal mixture), and members of weight 0 are left out of the model. The members'
 * out-of-fold outputs also give the diagnostics (the ensemble's own out-of-fold score: fixed
 * weights — the combination of the out-of-fold outputs; learned weights — weights learned on the
 * other folds).
 *
 * @example
 * await fit({ kind: 'voting', estimators: { lr: { kind: 'logisticRegression' }, knn: { kind: 'knn' } }, voting: 'soft' }, data)
 */
export const voting: LearnerDef<VotingParams, WeightedState> = {
  kind: 'voting',
  summary: 'Weighted average (or vote) of named members; weights fixed or learned out of fold',
  tasks: ['regression', 'classification'],
  params,
  // Members check missing values themselves (a member may handle them).
  handlesMissing: true,
  randomized: true,
  async fit(p, data, context) {
    const members = resolveMembers('voting', 'estimators', p.estimators, data);
    const combine = data.task !== 'regression' && p.voting === 'hard' ? 'vote' : 'mean';
    if (p.weights === 'learned' && combine === 'vote') {
      throw new StacklearnError(
        'voting: weights "learned" are fitted on probabilities, so they need voting "soft" for classification; received voting "hard"',
      );
    }
    const fixed = p.weights === 'learned' ? null : fixedWeights(p.weights, members);
    const shared = sharedFolds('voting', p.cv, data, p.seed);
    const run = { owner: 'voting', seed: p.seed, nJobs: p.nJobs, context };
    const oof = await outOfFold(run, members, data, shared);
    const weights = fixed ?? learnWeights(data, oof.outputs, shared.covered);
    const ensemble = fixed
      ? combinedOutputs(data, oof.outputs, fixed, shared.covered, combine)
      : await learnedOutOfFold(data, oof, shared, p.seed);
    const names = members.map((m) => m.name);
    const method = fixed
      ? "the members' out-of-fold outputs combined with the fixed weights"
      : ensemble
        ? "weights learned on the other folds applied to each fold's out-of-fold outputs"
        : 'none: too few held-out rows to cross-validate the weights';
    const diagnostics = outputDiagnostics(data, names, oof.outputs, ensemble, shared.source, method);
    const models = await refitMembers(run, members, weights, data);
    return { combine, ...weightedMembers(names, weights, models), diagnostics };
  },
  predictor: weightedPredictor,
  rowPredictor: weightedRowPredictor,
};

/** The raw fixed weights, checked against the members. */
function fixedWeights(weights: Exclude<VotingWeights, 'learned'>, members: readonly Member[]): Float64Array {
  const names = members.map((m) => m.name);
  let out: Float64Array;
  if (weights === null) out = new Float64Array(members.length).fill(1);
  else if (Array.isArray(weights)) {
    if (weights.length !== members.length) {
      throw new StacklearnError(
        `voting: parameter "weights" has ${weights.length} values for ${members.length} members (${names.join(', ')})`,
      );
    }
    out = Float64Array.from(weights as readonly number[]);
  } else {
    const record = weights as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record)) {
      if (!names.includes(key)) {
        throw new StacklearnError(
          `voting: parameter "weights" names "${key}", which is not a member; members: ${names.join(', ')}`,
        );
      }
    }
    out = Float64Array.from(names, (name) => {
      const w = record[name];
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
        throw new StacklearnError(
          `voting: parameter "weights" needs a number ≥ 0 for member "${name}"; received ${JSON.stringify(w)}`,
        );
      }
      return w;
    });
  }
  if (!(out.reduce((a, b) => a + b, 0) > 0)) {
    throw new StacklearnError('voting: parameter "weights" must have a positive sum; every weight is 0');
  }
  return out;
}

/** The ensemble's output on the covered rows from its members' outputs (NaN elsewhere). */
function combinedOutputs(
  data: TrainingData,
  outputs: readonly Float64Array[],
  weights: Float64Array,
  rows: Uint32Array,
  combine: 'mean' | 'vote',
): Float64Array {
  const width = outputWidth(data);
  const parts = outputs.map((output, m) =>
    weights[m]! > 0 ? gatherRows(output, rows, width) : new Float64Array(0),
  );
  const combined =
    combine === 'vote' ? voteShares(parts, weights, rows.length, width) : averageOutputs(parts, weights);
  return scatterRows(combined, rows, width, data.y.length);
}

/** Out-of-fold outputs of learned weights: weights learned on the other folds' rows. */
async function learnedOutOfFold(
  data: TrainingData,
  oof: OutOfFold,
  shared: SharedFolds,
  seed: number,
): Promise<Float64Array | null> {
  const folds = combinerFolds(shared, data, seed);
  if (!folds) return null;
  const width = outputWidth(data);
  const { covered } = shared;
  const predicted = await crossValidateCombiner(folds, covered.length, width, (train, test) => {
    const weights = learnWeights(data, oof.outputs, pick(covered, train));
    const rows = pick(covered, test);
    return averageOutputs(
      oof.outputs.map((output, m) =>
        weights[m]! > 0 ? gatherRows(output, rows, width) : new Float64Array(0),
      ),
      weights,
    );
  });
  return scatterRows(predicted, covered, width, data.y.length);
}
