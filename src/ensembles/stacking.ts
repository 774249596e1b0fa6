import { type ParamTable, types } from '../learners/params.js';
import type { LearnerDef } from '../learners/types.js';
import { cvParam, estimatorsParam, finalEstimatorParam, nJobsParam, seedParam } from './ensemble-params.js';
import { fitStack, type StackOptions, type StackState, stackPredictor, stackRowPredictor } from './stack.js';

/** Parameters of stacking: `{ kind: 'stacking', estimators: { … }, finalEstimator: { kind: 'ridge' }, cv: 5 }`. */
export type StackingParams = StackOptions;

/** Parameters stacking and blending share. */
export const stackParams = {
  stackMethod: {
    type: types.oneOf('auto', 'predictProba', 'predict'),
    default: 'auto',
    doc: 'what members pass on: "auto" — values (regression) or probabilities without the first column when binary; "predict" — values or class codes',
  },
  passthrough: {
    type: types.anyOf(types.bool(), { type: 'array', items: { type: 'string' } }),
    default: false,
    doc: 'also give the final estimator the raw features: true (all) or a list of column names',
  },
} as const;

const params: ParamTable<StackingParams> = {
  estimators: estimatorsParam,
  finalEstimator: finalEstimatorParam,
  cv: cvParam,
  stackMethod: stackParams.stackMethod,
  passthrough: stackParams.passthrough,
  refit: {
    type: types.oneOf('full', 'foldAverage'),
    default: 'full',
    doc: '"full": refit the members on all rows (scikit-learn); "foldAverage": keep their k fold models and average them',
  },
  seed: seedParam,
  nJobs: nJobsParam,
};

/**
 * Stacked generalisation, as scikit-learn's StackingRegressor / StackingClassifier: a final
 * estimator learns how to combine the members from their out-of-fold outputs on folds all members
 * share (never from in-sample predictions). Any learner can be a member or the final estimator,
 * stacks included (multi-layer stacks are nested specs). A `prefitted` member is used as it is:
 * its predictions on the training rows feed the final estimator directly (scikit-learn's
 * cv="prefit"; in-sample if it was trained on these rows — see prefitted). The state holds
 * `diagnostics` (see ensembleDiagnostics).
 *
 * @example
 * await fit({ kind: 'stacking', estimators: { rf: { kind: 'decisionTree', maxDepth: 6 }, knn: { kind: 'knn' } }, finalEstimator: { kind: 'ridge' }, cv: 5 }, data)
 */
export const stacking: LearnerDef<StackingParams, StackState> = {
  kind: 'stacking',
  summary: "Stacked generalisation: a final estimator learns from the members' out-of-fold outputs",
  tasks: ['regression', 'classification'],
  params,
  // Members check missing values themselves (a member may handle them).
  handlesMissing: true,
  randomized: true,
  fit(p, data, context) {
    return fitStack('stacking', p, data, context);
  },
  predictor: stackPredictor,
  rowPredictor: stackRowPredictor,
};
