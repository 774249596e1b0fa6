import type { Matrix } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { totalWeight } from './linear/centered-design.js';
import { balancedClassWeights, type ClassWeight, classWeightsFromRecord } from './linear/class-weights.js';
import { lbfgs } from './linear/lbfgs.js';
import { linearDecision } from './linear/linear-decision.js';
import {
  binaryLogisticObjective,
  type LogisticProblem,
  multinomialLogisticObjective,
} from './linear/logistic-loss.js';
import { type ParamTable, types } from './params.js';
import { softmaxRowsInPlace } from './softmax-rows.js';
import type { ClassificationData, LearnerDef } from './types.js';

export interface LogisticRegressionParams {
  readonly C: number;
  readonly fitIntercept: boolean;
  readonly maxIter: number;
  readonly tol: number;
  readonly multiClass: 'auto' | 'multinomial' | 'ovr';
  readonly classWeight: ClassWeight;
}

const params: ParamTable<LogisticRegressionParams> = {
  C: {
    type: types.positive(),
    default: 1,
    doc: 'inverse penalty strength: minimises C · Σ wᵢ · log-loss + ½‖coef‖² (smaller C, stronger penalty)',
  },
  fitIntercept: { type: types.bool(), default: true, doc: 'fit an (unpenalised) intercept' },
  maxIter: {
    type: types.int(1),
    default: 100,
    doc: 'at most this many L-BFGS iterations (per class for "ovr")',
  },
  tol: {
    type: types.number(0),
    default: 1e-4,
    doc: "stop when every gradient component of Σ wᵢ · log-loss + ‖coef‖² / (2C) is ≤ tol (scikit-learn's lbfgs gtol)",
  },
  multiClass: {
    type: types.oneOf('auto', 'multinomial', 'ovr'),
    default: 'auto',
    doc: '"multinomial": one softmax model; "ovr": one binary model per class; "auto": multinomial for > 2 classes',
  },
  classWeight: {
    type: types.nullable(types.anyOf(types.oneOf('balanced'), { type: 'object' })),
    default: null,
    doc: 'weights per class label ({ "yes": 3 }), "balanced" (n / (classes · count)), or null; multiplies sampleWeight',
  },
};

/**
 * What a fitted logistic regression holds (`model.state`). `coef` is rows × features, row-major,
 * `intercept` has one entry per row: one row (the positive class, classes[1]) for a binary "ovr"
 * model, one row per class otherwise.
 */
export interface LogisticRegressionState {
  readonly multiClass: 'multinomial' | 'ovr';
  readonly coef: Float64Array;
  readonly intercept: Float64Array;
  /** L-BFGS iterations (the largest over the one-vs-rest problems). */
  readonly nIter: number;
  /** Whether every optimisation met `tol` within `maxIter`. */
  readonly converged: boolean;
}

/**
 * L2-penalised logistic regression with scikit-learn's objective and semantics (lbfgs solver):
 * binary, multinomial or one-vs-rest, sample weights and class weights, intercept unpenalised.
 * Optimised by L-BFGS from zero. Probabilities: sigmoid (binary), softmax (multinomial), or the
 * one-vs-rest sigmoids normalised to sum to 1. Coefficients are in `model.state.coef` /
 * `model.state.intercept`.
 *
 * @example
 * const model = await fit({ kind: 'logisticRegression', C: 0.5, classWeight: 'balanced' }, data);
 */
export const logisticRegression: LearnerDef<LogisticRegressionParams, LogisticRegressionState> = {
  kind: 'logisticRegression',
  summary: 'Logistic regression with an L2 penalty (binary, multinomial or one-vs-rest)',
  tasks: ['classification'],
  params,
  scaleSensitive: true,
  fit(p, data) {
    if (data.task === 'regression') throw new StacklearnError('logisticRegression: does not do regression');
    const k = data.classes.length;
    const weights = data.sampleWeight ? data.sampleWeight.slice() : new Float64Array(data.y.length).fill(1);
    const multinomial = p.multiClass === 'multinomial' || (p.multiClass === 'auto' && k > 2);
    const perClass = classWeightsFor(p.classWeight, multinomial, data);
    if (perClass) for (let i = 0; i < weights.length; i++) weights[i]! *= perClass[data.y[i]!]!;
    return multinomial ? fitMultinomial(p, data, weights) : fitOneVsRest(p, data, weights);
  },
  predictor({ multiClass, coef, intercept }) {
    const k = intercept.length;
    return (X: Matrix) => {
      if (k === 1) {
        // The scores go in the second half of the output, and row i's pair is written over
        // entries 2i and 2i + 1, never past entry rows + i: no score is overwritten before it is read.
        const out = new Float64Array(X.rows * 2);
        linearDecision(X, coef, intercept, out.subarray(X.rows));
        for (let i = 0; i < X.rows; i++) {
          const p = sigmoid(out[X.rows + i]!);
          out[2 * i] = 1 - p;
          out[2 * i + 1] = p;
        }
        return out;
      }
      const scores = linearDecision(X, coef, intercept);
      if (multiClass === 'multinomial') return softmaxRowsInPlace(scores, X.rows, k);
      for (let i = 0; i < X.rows; i++) {
        let sum = 0;
        for (let c = 0; c < k; c++) {
          const p = sigmoid(scores[i * k + c]!);
          scores[i * k + c] = p;
          sum += p;
        }
        for (let c = 0; c < k; c++) scores[i * k + c]! /= sum;
      }
      return scores;
    };
  },
};

/**
 * Class weights applied before the problems are split, as scikit-learn does: a record by class label;
 * 'balanced' over all classes for the multinomial model only (one-vs-rest balances within each
 * binary problem instead, in fitOneVsRest).
 */
function classWeightsFor(
  classWeight: ClassWeight,
  multinomial: boolean,
  data: ClassificationData,
): Float64Array | undefined {
  if (classWeight === null) return undefined;
  if (classWeight === 'balanced')
    return multinomial ? balancedClassWeights(data.y, data.classes.length) : undefined;
  return classWeightsFromRecord('logisticRegression', classWeight, data.classes);
}

function fitMultinomial(
  p: LogisticRegressionParams,
  data: ClassificationData,
  weights: Float64Array,
): LogisticRegressionState {
  const k = data.classes.length;
  const cols = data.X.cols;
  const problem = logisticProblem(p, data, weights);
  const stride = cols + (p.fitIntercept ? 1 : 0);
  const result = lbfgs(multinomialLogisticObjective(problem, data.y, k), new Float64Array(k * stride), {
    maxIter: p.maxIter,
    // scikit-learn's test is on the unnormalised objective, S times ours.
    gtol: p.tol / problem.totalWeight,
  });
  const coef = new Float64Array(k * cols);
  const intercept = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    coef.set(result.x.subarray(c * stride, c * stride + cols), c * cols);
    if (p.fitIntercept) intercept[c] = result.x[c * stride + cols]!;
  }
  return { multiClass: 'multinomial', coef, intercept, nIter: result.nIter, converged: result.converged };
}

function fitOneVsRest(
  p: LogisticRegressionParams,
  data: ClassificationData,
  weights: Float64Array,
): LogisticRegressionState {
  const k = data.classes.length;
  const cols = data.X.cols;
  // Two classes: one model, for the second class (scikit-learn's convention).
  const positives = k === 2 ? [1] : Array.from({ length: k }, (_, c) => c);
  const coef = new Float64Array(positives.length * cols);
  const intercept = new Float64Array(positives.length);
  const stride = cols + (p.fitIntercept ? 1 : 0);
  let nIter = 0;
  let converged = true;
  for (const [row, positiveClass] of positives.entries()) {
    const positive = new Uint8Array(data.y.length);
    for (let i = 0; i < positive.length; i++) positive[i] = data.y[i] === positiveClass ? 1 : 0;
    let rowWeights = weights;
    if (p.classWeight === 'balanced') {
      const balanced = balancedClassWeights(positive, 2);
      rowWeights = weights.map((w, i) => w * balanced[positive[i]!]!);
    }
    const problem = logisticProblem(p, data, rowWeights);
    const result = lbfgs(binaryLogisticObjective(problem, positive), new Float64Array(stride), {
      maxIter: p.maxIter,
      gtol: p.tol / problem.totalWeight,
    });
    coef.set(result.x.subarray(0, cols), row * cols);
    if (p.fitIntercept) intercept[row] = result.x[cols]!;
    nIter = Math.max(nIter, result.nIter);
    converged &&= result.converged;
  }
  return { multiClass: 'ovr', coef, intercept, nIter, converged };
}

function logisticProblem(
  p: LogisticRegressionParams,
  data: ClassificationData,
  weights: Float64Array,
): LogisticProblem {
  const total = totalWeight('logisticRegression', weights, weights.length);
  return { X: data.X, weights, totalWeight: total, C: p.C, fitIntercept: p.fitIntercept };
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
