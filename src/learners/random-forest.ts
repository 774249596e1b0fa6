import { type ForestState, forestLearner } from './forest/forest-learner.js';
import type { ForestParams } from './forest/forest-params.js';
import type { LearnerDef } from './types.js';

/**
 * A random forest, as scikit-learn's RandomForestRegressor / RandomForestClassifier: `nEstimators`
 * CART trees (exact best splits), each grown on a bootstrap sample with `maxFeatures` features drawn
 * per node; predictions are the mean of the trees' (the class probabilities' mean for classifiers).
 * `oobScore: true` scores the out-of-bag predictions into `state.oobScore`; `nJobs` grows trees on
 * worker threads (Node), with the same forest whatever the number of threads.
 *
 * @example
 * await fit({ kind: 'randomForest', nEstimators: 200, maxFeatures: 'sqrt', oobScore: true, seed: 7 }, data)
 */
export const randomForest: LearnerDef<ForestParams, ForestState> = forestLearner({
  kind: 'randomForest',
  summary: 'Random forest: bagged CART trees with random feature subsets',
  splitter: 'best',
  bootstrap: true,
});
