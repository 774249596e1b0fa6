import { type ForestState, forestLearner } from './forest/forest-learner.js';
import type { ForestParams } from './forest/forest-params.js';
import type { LearnerDef } from './types.js';

/**
 * Extremely randomised trees, as scikit-learn's ExtraTreesRegressor / ExtraTreesClassifier: like a
 * random forest, but each feature tried at a node gets one threshold drawn uniformly between its
 * smallest and largest value there (the best of those wins), and trees grow on all rows unless
 * `bootstrap: true`. Faster to grow than a random forest; often as accurate.
 *
 * @example
 * await fit({ kind: 'extraTrees', nEstimators: 300, minSamplesLeaf: 2, seed: 1 }, data)
 */
export const extraTrees: LearnerDef<ForestParams, ForestState> = forestLearner({
  kind: 'extraTrees',
  summary: 'Extra trees: trees with random thresholds, averaged',
  splitter: 'random',
  bootstrap: false,
});
