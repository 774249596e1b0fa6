import { type ParamTable, types } from '../learners/params.js';
import type { LearnerDef, Spec } from '../learners/types.js';
import { estimatorsParam, finalEstimatorParam, nJobsParam, seedParam } from './ensemble-params.js';
import type { MemberSpecs } from './members.js';
import type { StackMethod } from './meta-features.js';
import { fitStack, type StackState, stackPredictor, stackRowPredictor } from './stack.js';
import { stackParams } from './stacking.js';

/** Parameters of blending: `{ kind: 'blending', estimators: { … }, holdoutFraction: 0.2 }`. */
export interface BlendingParams {
  readonly estimators: MemberSpecs;
  readonly finalEstimator: Spec | null;
  readonly holdoutFraction: number;
  readonly stackMethod: StackMethod;
  readonly passthrough: boolean | readonly string[];
  readonly refit: boolean;
  readonly seed: number;
  readonly nJobs: number | null;
}

const params: ParamTable<BlendingParams> = {
  estimators: estimatorsParam,
  finalEstimator: finalEstimatorParam,
  holdoutFraction: {
    type: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
    default: 0.2,
    doc: 'share of the rows held out (stratified for classification) for the final estimator to learn from',
  },
  stackMethod: stackParams.stackMethod,
  passthrough: stackParams.passthrough,
  refit: {
    type: types.bool(),
    default: true,
    doc: 'refit the members on all rows once the final estimator is fitted (false: keep the members fitted on the rest)',
  },
  seed: seedParam,
  nJobs: nJobsParam,
};

/**
 * Blending: stacking with one seeded holdout instead of k folds. The members are fitted on the
 * other rows and predict the held-out ones; the final estimator learns from those predictions;
 * then (refit) the members are refitted on all rows. Cheaper than stacking (one fit per member
 * before the refit), at the price of a final estimator trained on fewer rows.
 *
 * @example
 * await fit({ kind: 'blending', estimators: { tree: { kind: 'decisionTree' }, knn: { kind: 'knn' } }, holdoutFraction: 0.25 }, data)
 */
export const blending: LearnerDef<BlendingParams, StackState> = {
  kind: 'blending',
  summary: 'Stacking on a single holdout: the final estimator learns from held-out predictions',
  tasks: ['regression', 'classification'],
  params,
  // Members check missing values themselves (a member may handle them).
  handlesMissing: true,
  randomized: true,
  fit(p, data, context) {
    const cv = { kind: 'holdout', testSize: p.holdoutFraction, seed: p.seed } as const;
    return fitStack('blending', { ...p, cv, refit: p.refit ? 'full' : 'foldAverage' }, data, context);
  },
  predictor: stackPredictor,
  rowPredictor: stackRowPredictor,
};
