import { range } from '../data/matrix.js';
import { createRandom } from '../random.js';
import { buildTree } from './tree/build-tree.js';
import type { TreeTarget } from './tree/criterion.js';
import { predictTree, type TreeArrays } from './tree/tree-arrays.js';
import { type TreeParams, treeOptions, treeParams } from './tree/tree-params.js';
import type { LearnerDef } from './types.js';

export type DecisionTreeParams = TreeParams;

/** The state: the tree as parallel arrays, and its impurity-based feature importances (sum 1). */
interface DecisionTreeState {
  readonly tree: TreeArrays;
  readonly featureImportances: Float64Array;
}

/**
 * A CART decision tree, as scikit-learn's DecisionTreeRegressor / DecisionTreeClassifier: exact best
 * splits at midpoints between consecutive distinct values, weighted impurity and leaf values with
 * sample weights (minSamplesLeaf counts rows). Categorical codes are split as ordered numbers.
 * `state.featureImportances` holds the normalised impurity decrease per feature.
 *
 * @example
 * await fit({ kind: 'decisionTree', maxDepth: 6, minSamplesLeaf: 5 }, data)
 */
export const decisionTree: LearnerDef<DecisionTreeParams, DecisionTreeState> = {
  kind: 'decisionTree',
  summary: 'CART decision tree (exact best splits; squared error, Gini or entropy)',
  tasks: ['regression', 'classification'],
  params: treeParams,
  randomized: true,
  fit(params, data) {
    const { X } = data;
    const options = treeOptions('decisionTree', params, data.task, X.rows, X.cols);
    const target: TreeTarget =
      data.task === 'regression'
        ? { kind: 'regression', y: data.y, sampleWeight: data.sampleWeight }
        : {
            kind: 'classification',
            y: data.y,
            nClasses: data.classes.length,
            sampleWeight: data.sampleWeight,
          };
    return buildTree(X, target, range(X.rows), options, createRandom(params.seed));
  },
  predictor({ tree }) {
    return (X) => predictTree(tree, X);
  },
};
