import { createRandom } from '../random.js';
import type { ClassWeight } from './linear/class-weights.js';
import { type ParamTable, types } from './params.js';
import { buildTree } from './tree/build-tree.js';
import { classSampleWeight, classWeightParam, weightedRows } from './tree/class-sample-weight.js';
import type { TreeTarget } from './tree/criterion.js';
import type { SplitterName } from './tree/splitter.js';
import { predictTree, type TreeArrays } from './tree/tree-arrays.js';
import { type TreeParams, treeOptions, treeParams } from './tree/tree-params.js';
import type { LearnerDef } from './types.js';

export interface DecisionTreeParams extends TreeParams {
  readonly splitter: SplitterName;
  readonly classWeight: ClassWeight;
}

const { criterion, ...rest } = treeParams;

const params: ParamTable<DecisionTreeParams> = {
  criterion,
  splitter: {
    type: types.oneOf('best', 'random'),
    default: 'best',
    doc: '"best": the best threshold of each feature tried; "random": one threshold drawn uniformly per feature',
  },
  ...rest,
  classWeight: classWeightParam(false),
};

/** The state: the tree as parallel arrays, and its impurity-based feature importances (sum 1). */
interface DecisionTreeState {
  readonly tree: TreeArrays;
  readonly featureImportances: Float64Array;
}

/**
 * A CART decision tree, as scikit-learn's DecisionTreeRegressor / DecisionTreeClassifier: exact best
 * splits at midpoints between consecutive distinct values (or, with `splitter: 'random'`, one
 * threshold drawn per feature), weighted impurity and leaf values with sample and class weights
 * (minSamplesLeaf counts rows; rows weighing 0 are left out). Categorical codes are split as ordered
 * numbers. `state.featureImportances` holds the normalised impurity decrease per feature.
 *
 * @example
 * await fit({ kind: 'decisionTree', maxDepth: 6, minSamplesLeaf: 5 }, data)
 */
export const decisionTree: LearnerDef<DecisionTreeParams, DecisionTreeState> = {
  kind: 'decisionTree',
  summary: 'CART decision tree (exact best or random splits; squared error, Gini or entropy)',
  tasks: ['regression', 'classification'],
  params,
  randomized: true,
  fit(params, data) {
    const { X } = data;
    const options = {
      ...treeOptions('decisionTree', params, data.task, X.rows, X.cols),
      splitter: params.splitter,
    };
    const sampleWeight = classSampleWeight('decisionTree', params.classWeight, data);
    const target: TreeTarget =
      data.task === 'regression'
        ? { kind: 'regression', y: data.y, sampleWeight }
        : { kind: 'classification', y: data.y, nClasses: data.classes.length, sampleWeight };
    const rows = weightedRows('decisionTree', sampleWeight, X.rows);
    return buildTree(X, target, rows, options, createRandom(params.seed));
  },
  predictor({ tree }) {
    return (X) => predictTree(tree, X);
  },
};
