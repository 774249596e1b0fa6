import { boost, type HgbFitContext } from './hgb/boosting.js';
import { type HgbParams, hgbParams } from './hgb/hgb-params.js';
import { type HgbState, predictHgb, predictRow } from './hgb/predictor.js';
import type { LearnerDef } from './types.js';

/**
 * Histogram gradient boosting, as scikit-learn's HistGradientBoostingRegressor / Classifier
 * (LightGBM's design): features binned once into ≤ 255 quantile bins plus a missing-value bin,
 * trees grown best-first from gradient histograms (the larger child's by subtraction), missing
 * values sent to the better side of each split, native categorical splits, early stopping.
 * Regression or classification by the data's task. `nJobs` builds histograms on worker threads
 * (Node, with stacklearn/node) with the same model whatever the number of threads.
 * `model.state.trainLoss` / `validationLoss` hold the loss curves; one row is predicted without
 * allocating (`predictRow`, hgb/predictor; the rowPredictor hook).
 *
 * @example
 * await fit({ kind: 'histGradientBoosting', maxIter: 200, learningRate: 0.05, earlyStopping: true }, data)
 */
export const histGradientBoosting: LearnerDef<HgbParams, HgbState> = {
  kind: 'histGradientBoosting',
  summary:
    'Histogram gradient boosting: binned features, best-first trees, missing values and categories built in',
  tasks: ['regression', 'classification'],
  params: hgbParams,
  handlesMissing: true,
  randomized: true,
  fit: (params, data, context) => boost(params, data, context as HgbFitContext),
  predictor: (state) => (X) => predictHgb(state, X),
  rowPredictor: (state) => (row, out) => {
    predictRow(state, row, out);
  },
};
