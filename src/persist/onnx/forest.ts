import type { ForestState } from '../../learners/forest/forest-learner.js';
import type { LearnerConverter } from './converter.js';
import { createTreeEnsemble } from './tree-ensemble.js';

/**
 * randomForest and extraTrees: every tree in one TreeEnsembleRegressor with aggregate AVERAGE —
 * the mean of the trees' values or class probabilities, as the forest predicts. In a tree, split
 * node s keeps its id s (from the tree's first split node) and leaf l becomes node splits + l.
 *
 * @example
 * convertForest(model.state, model.info, 'X', context) // [N, 1] or [N, classes]
 */
export const convertForest: LearnerConverter<ForestState> = ({ forest }, _info, input, { graph }) => {
  const { nOutputs: k, feature, threshold, left, right, value, nodeStart, leafStart } = forest;
  const trees = createTreeEnsemble(k);
  for (let t = 0; t + 1 < nodeStart.length; t++) {
    const firstSplit = nodeStart[t]!;
    const nSplits = nodeStart[t + 1]! - firstSplit;
    const firstLeaf = leafStart[t]!;
    // A child ≥ 0 is a split node; a child < 0 is the leaf ~child.
    const local = (child: number): number => (child >= 0 ? child - firstSplit : nSplits + ~child - firstLeaf);
    for (let s = firstSplit; s < nodeStart[t + 1]!; s++) {
      trees.split(t, s - firstSplit, feature[s]!, threshold[s]!, local(left[s]!), local(right[s]!));
    }
    for (let l = firstLeaf; l < leafStart[t + 1]!; l++) {
      trees.leaf(t, nSplits + l - firstLeaf, value.subarray(l * k, l * k + k));
    }
  }
  return trees.emit(graph, input, { aggregate: 'AVERAGE' });
};
