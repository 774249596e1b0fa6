import type { QMatrix } from './q-matrix.js';
import {
  addUpperBound,
  calculateRho,
  createSolver,
  reconstructGradient,
  selectWorkingSet,
  shrink,
  TAU,
  UPPER,
  updateStatus,
} from './smo-state.js';

/** The dual problem: min ½ αᵀQα + pᵀα subject to yᵀα = yᵀα⁰ and 0 ≤ α_i ≤ C_i. */
export interface SmoProblem {
  readonly Q: QMatrix;
  /** Linear term. */
  readonly p: Float64Array;
  /** ±1 per variable. */
  readonly y: Int8Array;
  /** Upper bound per variable (C times the class and sample weights). */
  readonly C: Float64Array;
  /** Stopping tolerance on the maximal KKT violation (libsvm's eps, scikit-learn's tol). */
  readonly tol: number;
  readonly shrinking: boolean;
  /** Iteration limit; null for none. */
  readonly maxIter: number | null;
}

/** The solution, in the problem's variable order. */
export interface SmoSolution {
  readonly alpha: Float64Array;
  /** The decision function is Σ y_i α_i K(x_i, x) − rho. */
  readonly rho: number;
  readonly iterations: number;
  /** false when maxIter stopped the solver before the tolerance was met. */
  readonly converged: boolean;
}

/**
 * Sequential minimal optimisation with second-order working-set selection (Fan, Chen & Lin 2005,
 * libsvm's WSS3), shrinking, and α starting at 0. A faithful port of libsvm's Solver, so solutions
 * agree with libsvm / scikit-learn to well within the tolerance.
 *
 * @example
 * const { alpha, rho } = solveSmo({ Q, p, y, C, tol: 1e-3, shrinking: true, maxIter: null });
 */
export function solveSmo(problem: SmoProblem): SmoSolution {
  const { Q, shrinking, maxIter } = problem;
  const l = Q.size;
  const s = createSolver(problem);
  const { y, C, alpha, G, QD } = s;

  const pair = new Int32Array(2);
  let iterations = 0;
  let converged = true;
  let counter = Math.min(l, 1000) + 1;
  for (;;) {
    if (maxIter !== null && iterations >= maxIter) {
      converged = false;
      break;
    }
    if (--counter === 0) {
      counter = Math.min(l, 1000);
      if (shrinking) shrink(s);
    }
    if (selectWorkingSet(s, pair)) {
      // Optimal on the active set: check again on all variables.
      reconstructGradient(s);
      s.activeSize = l;
      if (selectWorkingSet(s, pair)) break;
      counter = 1;
    }
    iterations++;
    const i = pair[0]!;
    const j = pair[1]!;
    const activeSize = s.activeSize;
    const Qi = Q.row(i, activeSize);
    const Qj = Q.row(j, activeSize);
    const Ci = C[i]!;
    const Cj = C[j]!;
    const oldAi = alpha[i]!;
    const oldAj = alpha[j]!;
    let ai = oldAi;
    let aj = oldAj;
    if (y[i] !== y[j]) {
      let quad = QD[i]! + QD[j]! + 2 * Qi[j]!;
      if (quad <= 0) quad = TAU;
      const delta = (-G[i]! - G[j]!) / quad;
      const diff = ai - aj;
      ai += delta;
      aj += delta;
      if (diff > 0) {
        if (aj < 0) {
          aj = 0;
          ai = diff;
        }
      } else if (ai < 0) {
        ai = 0;
        aj = -diff;
      }
      if (diff > Ci - Cj) {
        if (ai > Ci) {
          ai = Ci;
          aj = Ci - diff;
        }
      } else if (aj > Cj) {
        aj = Cj;
        ai = Cj + diff;
      }
    } else {
      let quad = QD[i]! + QD[j]! - 2 * Qi[j]!;
      if (quad <= 0) quad = TAU;
      const delta = (G[i]! - G[j]!) / quad;
      const sum = ai + aj;
      ai -= delta;
      aj += delta;
      if (sum > Ci) {
        if (ai > Ci) {
          ai = Ci;
          aj = sum - Ci;
        }
      } else if (aj < 0) {
        aj = 0;
        ai = sum;
      }
      if (sum > Cj) {
        if (aj > Cj) {
          aj = Cj;
          ai = sum - Cj;
        }
      } else if (ai < 0) {
        ai = 0;
        aj = sum;
      }
    }
    alpha[i] = ai;
    alpha[j] = aj;
    const dai = ai - oldAi;
    const daj = aj - oldAj;
    for (let k = 0; k < activeSize; k++) G[k] = G[k]! + Qi[k]! * dai + Qj[k]! * daj;

    const wasUpperI = s.status[i] === UPPER;
    const wasUpperJ = s.status[j] === UPPER;
    updateStatus(s, i);
    updateStatus(s, j);
    if (wasUpperI !== (s.status[i] === UPPER)) addUpperBound(s, i, wasUpperI ? -1 : 1);
    if (wasUpperJ !== (s.status[j] === UPPER)) addUpperBound(s, j, wasUpperJ ? -1 : 1);
  }
  if (s.activeSize < l) {
    reconstructGradient(s);
    s.activeSize = l;
  }
  const rho = calculateRho(s);
  const out = new Float64Array(l);
  for (let i = 0; i < l; i++) out[s.activeSet[i]!] = alpha[i]!;
  return { alpha: out, rho, iterations, converged };
}
