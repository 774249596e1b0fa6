import type { Matrix } from '../../data/matrix.js';
import type { Objective } from './wolfe-line-search.js';

/**
 * The penalised logistic objective scikit-learn minimises, C·Σ sᵢ·lossᵢ + ½‖w‖² (intercept not
 * penalised), divided by C·S (S = Σ sᵢ) so that its scale does not grow with the data: same
 * minimiser, better conditioned for the optimiser. Parameters: `outputs` blocks of `cols` weights,
 * each followed by its intercept when `fitIntercept` — one block for the binary loss, one per class
 * for the multinomial one.
 */
export interface LogisticProblem {
  readonly X: Matrix;
  /** Per-row weight sᵢ (sample weight × class weight). */
  readonly weights: Float64Array;
  readonly totalWeight: number;
  readonly C: number;
  readonly fitIntercept: boolean;
}

/**
 * Binary cross-entropy of sigmoid(w·x + b) against `positive` (1 for the positive class, 0 else).
 *
 * @example
 * const result = lbfgs(binaryLogisticObjective(problem, positive), new Float64Array(cols + 1), options);
 */
export function binaryLogisticObjective(problem: LogisticProblem, positive: Uint8Array): Objective {
  const { X, weights, fitIntercept } = problem;
  const { rows, cols, data } = X;
  const penalty = 1 / (problem.C * problem.totalWeight);
  const norm = 1 / problem.totalWeight;
  return (w, grad) => {
    grad.fill(0);
    const b = fitIntercept ? w[cols]! : 0;
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      const s = weights[i]!;
      if (s === 0) continue;
      const x = i * cols;
      let z = b;
      for (let j = 0; j < cols; j++) z += w[j]! * data[x + j]!;
      // log(1 + e^z) − y·z and σ(z), both without overflow.
      const e = Math.exp(-Math.abs(z));
      const y = positive[i]!;
      loss += s * (Math.max(z, 0) + Math.log1p(e) - y * z);
      const sigma = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      const r = s * (sigma - y);
      for (let j = 0; j < cols; j++) grad[j]! += r * data[x + j]!;
      if (fitIntercept) grad[cols]! += r;
    }
    for (let j = 0; j < grad.length; j++) grad[j]! *= norm;
    let squares = 0;
    for (let j = 0; j < cols; j++) {
      squares += w[j]! * w[j]!;
      grad[j]! += penalty * w[j]!;
    }
    return loss * norm + 0.5 * penalty * squares;
  };
}

/**
 * Multinomial cross-entropy of softmax(W·x + b) against class codes `y` (0 … k-1).
 *
 * @example
 * const result = lbfgs(multinomialLogisticObjective(problem, y, 3), new Float64Array(3 * (cols + 1)), options);
 */
export function multinomialLogisticObjective(problem: LogisticProblem, y: Int32Array, k: number): Objective {
  const { X, weights, fitIntercept } = problem;
  const { rows, cols, data } = X;
  const stride = cols + (fitIntercept ? 1 : 0);
  const penalty = 1 / (problem.C * problem.totalWeight);
  const norm = 1 / problem.totalWeight;
  const z = new Float64Array(k);
  return (w, grad) => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      const s = weights[i]!;
      if (s === 0) continue;
      const x = i * cols;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const block = c * stride;
        let v = fitIntercept ? w[block + cols]! : 0;
        for (let j = 0; j < cols; j++) v += w[block + j]! * data[x + j]!;
        z[c] = v;
        if (v > max) max = v;
      }
      const label = y[i]!;
      const labelScore = z[label]!;
      let sum = 0;
      for (let c = 0; c < k; c++) {
        z[c] = Math.exp(z[c]! - max);
        sum += z[c]!;
      }
      // log Σ exp(zᶜ) − z_label, with the maximum taken out so that exp cannot overflow.
      loss += s * (max + Math.log(sum) - labelScore);
      for (let c = 0; c < k; c++) {
        const r = s * (z[c]! / sum - (c === label ? 1 : 0));
        const block = c * stride;
        for (let j = 0; j < cols; j++) grad[block + j]! += r * data[x + j]!;
        if (fitIntercept) grad[block + cols]! += r;
      }
    }
    for (let j = 0; j < grad.length; j++) grad[j]! *= norm;
    let squares = 0;
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < cols; j++) {
        const v = w[c * stride + j]!;
        squares += v * v;
        grad[c * stride + j]! += penalty * v;
      }
    }
    return loss * norm + 0.5 * penalty * squares;
  };
}
