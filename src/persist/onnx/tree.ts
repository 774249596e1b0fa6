import type { TreeArrays } from '../../learners/tree/tree-arrays.js';
import type { LearnerConverter } from './converter.js';
import { createTreeEnsemble } from './tree-ensemble.js';

/**
 * decisionTree: one tree in a TreeEnsembleRegressor whose leaves hold the mean target
 * (regression) or the class probabilities (classification). Our split sends x ≤ threshold left,
 * which is BRANCH_LEQ with left as the true branch.
 *
 * @example
 * convertDecisionTree(model.state, model.info, 'X', context) // [N, 1] or [N, classes]
 */
export const convertDecisionTree: LearnerConverter<{ readonly tree: TreeArrays }> = (
  { tree },
  _info,
  input,
  { graph },
) => {
  const { nOutputs: k, feature, threshold, left, right, value } = tree;
  const trees = createTreeEnsemble(k);
  for (let i = 0; i < left.length; i++) {
    if (left[i]! < 0) trees.leaf(0, i, value.subarray(i * k, i * k + k));
    else trees.split(0, i, feature[i]!, threshold[i]!, left[i]!, right[i]!);
  }
  return trees.emit(graph, input, { aggregate: 'SUM' });
};
