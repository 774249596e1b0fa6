import { StacklearnError } from '../../errors.js';
import { balancedClassWeights, type ClassWeight, classWeightsFromRecord } from '../linear/class-weights.js';
import { type ParamDef, types } from '../params.js';
import type { TrainingData } from '../types.js';

/** The `classWeight` of tree learners: forests add 'balanced_subsample' (balanced per bootstrap sample). */
export type TreeClassWeight = ClassWeight | 'balanced_subsample';

/**
 * The `classWeight` parameter, as scikit-learn's trees and forests take it.
 *
 * @example
 * const params = { ...treeParams, classWeight: classWeightParam(false) };
 */
export function classWeightParam(withSubsample: false): ParamDef<ClassWeight>;
export function classWeightParam(withSubsample: true): ParamDef<TreeClassWeight>;
export function classWeightParam(withSubsample: boolean): ParamDef<TreeClassWeight> {
  const presets = withSubsample ? ['balanced', 'balanced_subsample'] : ['balanced'];
  return {
    type: types.nullable(types.anyOf(types.oneOf(...presets), { type: 'object' })),
    default: null,
    doc:
      'classification: weights per class label ({ "yes": 3 }), "balanced" (n / (classes · count))' +
      (withSubsample ? ', "balanced_subsample" (balanced within each bootstrap sample)' : '') +
      ', or null; multiplies sampleWeight',
  };
}

/**
 * Row weights for growing trees: `data.sampleWeight` times the weight of each row's class
 * ('balanced_subsample' counts as 'balanced' here: over all rows). Undefined when neither is given.
 * Throws a StacklearnError when classWeight is set for a regression target.
 *
 * @example
 * classSampleWeight('decisionTree', 'balanced', data) // rows of the rare class weigh more
 */
export function classSampleWeight(
  kind: string,
  classWeight: TreeClassWeight,
  data: TrainingData,
): Float64Array | undefined {
  if (classWeight === null) return data.sampleWeight;
  if (data.task === 'regression') {
    throw new StacklearnError(
      `${kind}: classWeight is for classification; received ${JSON.stringify(classWeight)} with a regression target (use null)`,
    );
  }
  const k = data.classes.length;
  const perClass =
    typeof classWeight === 'string'
      ? balancedClassWeights(data.y, k)
      : classWeightsFromRecord(kind, classWeight, data.classes);
  const { y, sampleWeight } = data;
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = perClass[y[i]!]! * (sampleWeight ? sampleWeight[i]! : 1);
  return out;
}

/**
 * The rows with a weight above 0 (scikit-learn grows trees on those only), in order; all rows when
 * there are no weights. Throws a StacklearnError when every weight is 0.
 *
 * @example
 * weightedRows('decisionTree', Float64Array.of(1, 0, 2), 3) // Uint32Array [0, 2]
 */
export function weightedRows(kind: string, weights: Float64Array | undefined, nRows: number): Uint32Array {
  if (!weights) return Uint32Array.from({ length: nRows }, (_, i) => i);
  let count = 0;
  for (let i = 0; i < nRows; i++) if (weights[i]! > 0) count++;
  if (count === 0) {
    throw new StacklearnError(
      `${kind}: every row weighs 0 (sampleWeight × classWeight); some must weigh more`,
    );
  }
  const rows = new Uint32Array(count);
  for (let i = 0, k = 0; i < nRows; i++) if (weights[i]! > 0) rows[k++] = i;
  return rows;
}
