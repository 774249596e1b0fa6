import type { Matrix } from '../../data/matrix.js';
import { StacklearnError } from '../../errors.js';
import type { Model, ModelInfo, PredictFn, RowPredictFn } from '../types.js';
import { checkPredictInput } from '../validate.js';
import { type Kernel, kernelValues, rowNorms } from './kernel.js';
import { coupleProbabilities, sigmoidPredict } from './platt.js';

/**
 * A fitted SVC in libsvm's layout. The m classes with training rows ("model classes", m ≤ k) are
 * compared pairwise: pair (a, b), a < b, in the order (0,1), (0,2) … (1,2) …, has decision value
 * f_ab(x) = Σ coef K(sv, x) + intercept_ab, positive for a.
 */
export interface SvcState {
  readonly kernel: Kernel;
  /** Class code (index into the model's classes) of each model class. */
  readonly classIndex: Int32Array;
  /** Support vectors per model class; they are stored grouped by class in this order. */
  readonly nSupport: Int32Array;
  /** nSV × nFeatures, row-major. */
  readonly supportVectors: Float64Array;
  /** Training row of each support vector (scikit-learn's support_). */
  readonly support: Int32Array;
  /** (m − 1) × nSV, libsvm's sv_coef: for pair (a, b), class a's coefficients are in row b − 1, class b's in row a. */
  readonly dualCoef: Float64Array;
  /** −rho per pair. */
  readonly intercept: Float64Array;
  /** Platt sigmoid per pair (empty when fitted with probability: false). */
  readonly probA: Float64Array;
  readonly probB: Float64Array;
  /** Solver iterations per pair. */
  readonly iterations: Int32Array;
  /** false when maxIter stopped some pair's solver before it reached tol. */
  readonly converged: boolean;
}

/** Pairwise decision values of one row at a time, into a reused buffer. */
function decisionEvaluator(state: SvcState, nFeatures: number): (X: Matrix, row: number) => Float64Array {
  const { kernel, supportVectors, nSupport, dualCoef, intercept } = state;
  const m = nSupport.length;
  const nSV = state.support.length;
  const svNorms = kernel.kernel === 'rbf' ? rowNorms(supportVectors, nSV, nFeatures) : new Float64Array(0);
  const start = new Int32Array(m);
  for (let c = 1; c < m; c++) start[c] = start[c - 1]! + nSupport[c - 1]!;
  const values = new Float64Array(nSV);
  const decision = new Float64Array((m * (m - 1)) / 2);
  return (X, row) => {
    kernelValues(kernel, supportVectors, svNorms, X, row, values);
    let pair = 0;
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        let sum = intercept[pair]!;
        const rowA = (b - 1) * nSV;
        for (let s = start[a]!, end = s + nSupport[a]!; s < end; s++) sum += dualCoef[rowA + s]! * values[s]!;
        const rowB = a * nSV;
        for (let s = start[b]!, end = s + nSupport[b]!; s < end; s++) sum += dualCoef[rowB + s]! * values[s]!;
        decision[pair++] = sum;
      }
    }
    return decision;
  };
}

/** The one-vs-one vote: each pair votes for a (f_ab > 0) or b; ties go to the lowest class, as in libsvm. */
function vote(decision: Float64Array, m: number, votes: Int32Array): number {
  votes.fill(0);
  let pair = 0;
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) votes[decision[pair++]! > 0 ? a : b]!++;
  let best = 0;
  for (let c = 1; c < m; c++) if (votes[c]! > votes[best]!) best = c;
  return best;
}

/**
 * The prediction function of a fitted SVC: class probabilities (rows × classes). With Platt
 * sigmoids, pairwise probabilities r_ab = σ(f_ab) clipped to [1e-7, 1 − 1e-7] are coupled into
 * class probabilities (Wu, Lin & Weng's method 2; for two classes r_01 itself); classes without
 * training rows get 0. Without sigmoids (probability: false) a row is the one-vs-one vote as 0/1.
 *
 * @example
 * const proba = svcPredictor(state, info)(X); // X.rows × classes
 */
export function svcPredictor(state: SvcState, info: ModelInfo): PredictFn {
  const k = info.classes?.length ?? 0;
  const probaRow = probabilityEvaluator(state, info);
  return (X) => {
    const out = new Float64Array(X.rows * k);
    for (let row = 0; row < X.rows; row++) probaRow(X, row, out, row * k);
    return out;
  };
}

/**
 * The single-row form of svcPredictor (see LearnerDef.rowPredictor): the same probabilities into
 * `out`, with every buffer (pairwise probabilities, coupling scratch) allocated once.
 *
 * @example
 * const predictRow = svcRowPredictor(state, info);
 * predictRow(row, out);
 */
export function svcRowPredictor(state: SvcState, info: ModelInfo): RowPredictFn {
  const probaRow = probabilityEvaluator(state, info);
  const cols = info.features.length;
  const view: { rows: number; cols: number; data: Float64Array } = {
    rows: 1,
    cols,
    data: new Float64Array(cols),
  };
  return (row, out) => {
    view.data = row;
    probaRow(view, 0, out, 0);
  };
}

/** Class probabilities of one row of X into out[base … base + classes), with reused buffers. */
function probabilityEvaluator(
  state: SvcState,
  info: ModelInfo,
): (X: Matrix, row: number, out: Float64Array, base: number) => void {
  const k = info.classes?.length ?? 0;
  const m = state.classIndex.length;
  const decide = decisionEvaluator(state, info.features.length);
  const usePlatt = state.probA.length > 0;
  const votes = new Int32Array(m);
  const r = new Float64Array(m * m);
  const p = new Float64Array(m);
  const scratch = new Float64Array(m * m + m);
  const minProb = 1e-7;
  return (X, row, out, base) => {
    out.fill(0, base, base + k);
    if (m === 1) {
      out[base + state.classIndex[0]!] = 1;
      return;
    }
    const decision = decide(X, row);
    if (!usePlatt) {
      out[base + state.classIndex[vote(decision, m, votes)]!] = 1;
      return;
    }
    let pair = 0;
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        const sigmoid = sigmoidPredict(decision[pair]!, state.probA[pair]!, state.probB[pair]!);
        const rab = Math.min(Math.max(sigmoid, minProb), 1 - minProb);
        pair++;
        r[a * m + b] = rab;
        r[b * m + a] = 1 - rab;
      }
    }
    if (m === 2) {
      p[0] = r[1]!;
      p[1] = r[2]!;
    } else {
      coupleProbabilities(r, m, p, 0, scratch);
    }
    let total = 0;
    for (let c = 0; c < m; c++) total += p[c]!;
    for (let c = 0; c < m; c++) out[base + state.classIndex[c]!] = p[c]! / total;
  };
}

function svcState(model: Model, caller: string, X: Matrix): SvcState {
  if (model.kind !== 'svc') {
    throw new StacklearnError(`${caller}: expects a model of kind "svc"; received kind "${model.kind}"`);
  }
  checkPredictInput(X, model.info.features, 'svc', false);
  return model.state as SvcState;
}

/**
 * The decision function as scikit-learn's SVC reports it (decision_function_shape 'ovo'): for two
 * classes one column, positive for the second class; for k classes k(k−1)/2 columns, pair (a, b)
 * positive for a. Pairs involving a class that had no training rows are NaN.
 *
 * @example
 * const scores = svcDecisionFunction(model, XTest); // rows × 1 for a binary model
 */
export function svcDecisionFunction(model: Model, X: Matrix): Matrix {
  const state = svcState(model, 'svcDecisionFunction', X);
  const k = model.info.classes?.length ?? 0;
  const m = state.classIndex.length;
  const decide = decisionEvaluator(state, model.info.features.length);
  const cols = k === 2 ? 1 : (k * (k - 1)) / 2;
  // Column of the pair of class codes (a, b), a < b.
  const column = (a: number, b: number): number => a * k - (a * (a + 1)) / 2 + (b - a - 1);
  const out = new Float64Array(X.rows * cols).fill(Number.NaN);
  for (let row = 0; row < X.rows; row++) {
    if (m < 2) continue;
    const decision = decide(X, row);
    let pair = 0;
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        const value = decision[pair++]!;
        if (k === 2) out[row] = -value;
        else out[row * cols + column(state.classIndex[a]!, state.classIndex[b]!)] = value;
      }
    }
  }
  return { rows: X.rows, cols, data: out };
}

/**
 * Class codes by the one-vs-one vote (libsvm's and scikit-learn's SVC.predict). `model.predict` is
 * the argmax of the Platt probabilities instead, which can differ from the vote on a few rows.
 *
 * @example
 * const codes = svcVote(model, XTest);
 */
export function svcVote(model: Model, X: Matrix): Int32Array {
  const state = svcState(model, 'svcVote', X);
  const m = state.classIndex.length;
  const decide = decisionEvaluator(state, model.info.features.length);
  const votes = new Int32Array(m);
  const out = new Int32Array(X.rows);
  for (let row = 0; row < X.rows; row++) {
    out[row] = state.classIndex[m < 2 ? 0 : vote(decide(X, row), m, votes)]!;
  }
  return out;
}
