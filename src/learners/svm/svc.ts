import { StacklearnError } from '../../errors.js';
import type { ParamTable } from '../params.js';
import { types } from '../params.js';
import type { ClassificationData, LearnerDef } from '../types.js';
import { type Kernel, kernelData, resolveGamma } from './kernel.js';
import { fitOneVsOne, groupByClass } from './one-vs-one.js';
import { type SvmParams, solverSettings, svmParams, weightedRows } from './shared-params.js';
import { type SvcState, svcPredictor, svcRowPredictor } from './svc-predict.js';

export interface SvcParams extends SvmParams {
  readonly classWeight: null | 'balanced' | Readonly<Record<string, number>>;
  readonly probability: boolean;
  readonly seed: number;
}

const params: ParamTable<SvcParams> = {
  ...svmParams,
  classWeight: {
    type: types.nullable(types.anyOf(types.oneOf('balanced'), { type: 'object' })),
    default: null,
    doc: 'C multiplier per class: null (all 1), "balanced" (nRows / (nClasses · class count)), or { label: weight }',
  },
  probability: {
    type: types.bool(),
    default: true,
    doc: 'fit Platt sigmoids on 5-fold CV decision values for predictProba (false: about 5× faster fit; predictProba is the 0/1 vote)',
  },
  seed: {
    type: types.seed(),
    default: 0,
    doc: 'seed of the cross-validation folds behind the probabilities',
  },
};

/**
 * C-support vector classification (scikit-learn's SVC, libsvm's C-SVC). k classes are handled one
 * against one: k(k−1)/2 binary SVMs, each solved by SMO with second-order working-set selection,
 * shrinking and an LRU kernel cache. classWeight scales C per class and sample weights per row (rows
 * of weight 0 are left out).
 *
 * Probabilities (the contract needs predictProba; predict is its argmax): each binary SVM gets a
 * Platt sigmoid fitted on decision values from an internal 5-fold cross-validation (folds drawn from
 * `seed`), and the pairwise probabilities are coupled by Wu, Lin & Weng's method 2, as libsvm does.
 * As in scikit-learn, the argmax of the probabilities can differ from the one-vs-one vote on a few
 * rows; svcVote gives the vote and svcDecisionFunction the decision values. Wants standardised features.
 *
 * @example
 * const model = await fit({ kind: 'svc', kernel: 'rbf', C: 10, classWeight: 'balanced' }, data);
 */
export const svc: LearnerDef<SvcParams, SvcState> = {
  kind: 'svc',
  summary: 'Support vector classifier (C-SVC, one-vs-one, Platt-scaled probabilities)',
  tasks: ['classification'],
  params,
  scaleSensitive: true,
  randomized: true,
  fit(p, raw, context) {
    const data = raw as ClassificationData;
    const kernel: Kernel = {
      kernel: p.kernel,
      gamma: resolveGamma(p.gamma, data.X),
      degree: p.degree,
      coef0: p.coef0,
    };
    const { rows, weight } = weightedRows(data, 'svc');
    const fitted = fitOneVsOne(data, kernelData(kernel, data.X), groupByClass(data, rows), {
      solver: solverSettings(p),
      classC: classCosts(p, data),
      weight,
      probability: p.probability,
      seed: p.seed,
      onProgress: context.onProgress,
    });
    return { kernel, ...fitted };
  },
  predictor: svcPredictor,
  rowPredictor: svcRowPredictor,
};

/** C per class code: C times the class weight. */
function classCosts(p: SvcParams, data: ClassificationData): Float64Array {
  const k = data.classes.length;
  const costs = new Float64Array(k).fill(p.C);
  const { classWeight } = p;
  if (classWeight === null) return costs;
  if (classWeight === 'balanced') {
    // scikit-learn's compute_class_weight: nRows / (nClasses present · class count), unweighted.
    const count = new Float64Array(k);
    for (let i = 0; i < data.y.length; i++) count[data.y[i]!]!++;
    const present = count.filter((c) => c > 0).length;
    for (let c = 0; c < k; c++) if (count[c]! > 0) costs[c] = (p.C * data.y.length) / (present * count[c]!);
    return costs;
  }
  for (const [label, value] of Object.entries(classWeight)) {
    const c = data.classes.indexOf(label);
    if (c < 0) {
      throw new StacklearnError(
        `svc: parameter "classWeight" names the class "${label}", which is not among the classes (${data.classes.join(', ')})`,
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new StacklearnError(
        `svc: parameter "classWeight" must map class labels to numbers ≥ 0; received ${JSON.stringify(value)} for "${label}"`,
      );
    }
    costs[c] = p.C * value;
  }
  return costs;
}
