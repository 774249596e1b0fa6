import type { GradientBoostingState } from '../../learners/gradient-boosting.js';
import type { LearnerConverter } from './converter.js';
import { attr } from './graph-builder.js';
import { binaryProbabilities } from './probabilities.js';
import { createTreeEnsemble } from './tree-ensemble.js';

/**
 * gradientBoosting: the raw scores are a TreeEnsembleRegressor summing every tree's leaf value
 * (the learning rate is already in them) onto output t mod nOutputs, from the initial scores
 * (base_values). Regression returns them as they are (every loss predicts the raw score);
 * binary classification takes the sigmoid of the log-odds ([1 − p, p]); multiclass the softmax.
 *
 * @example
 * convertGradientBoosting(model.state, model.info, 'X', context)
 */
export const convertGradientBoosting: LearnerConverter<GradientBoostingState> = (
  { init, ensemble },
  info,
  input,
  { graph },
) => {
  const { nOutputs, treeStart, feature, threshold, left, right, value } = ensemble;
  const trees = createTreeEnsemble(nOutputs);
  const leafValues = new Float64Array(nOutputs);
  for (let t = 0; t + 1 < treeStart.length; t++) {
    const start = treeStart[t]!;
    for (let i = start; i < treeStart[t + 1]!; i++) {
      if (left[i]! >= 0) {
        trees.split(t, i - start, feature[i]!, threshold[i]!, left[i]! - start, right[i]! - start);
        continue;
      }
      leafValues.fill(0);
      leafValues[t % nOutputs] = value[i]!;
      trees.leaf(t, i - start, leafValues);
    }
  }
  const raw = trees.emit(graph, input, { aggregate: 'SUM', base: init });
  if (info.task === 'regression') return raw;
  if (info.task === 'binary') return binaryProbabilities(graph, graph.op('Sigmoid', [raw]));
  return graph.op('Softmax', [raw], { axis: attr.int(1) });
};
