import type { QMatrix } from './q-matrix.js';
import type { SmoProblem } from './smo.js';

// The steps of the SMO solver around its main loop (smo.ts): libsvm's Solver, method by method.

/** Where a variable is: at 0, at C_i, or strictly between. */
export const LOWER = 0;
export const UPPER = 1;
export const FREE = 2;
/** Stands in for a non-positive curvature (libsvm's TAU). */
export const TAU = 1e-12;

/**
 * The solver's working state. Shrinking permutes the variables so that the active ones come first;
 * every per-variable array (and Q) follows the same permutation, and activeSet maps back.
 */
export interface Solver {
  readonly l: number;
  activeSize: number;
  unshrink: boolean;
  readonly Q: QMatrix;
  readonly QD: Float64Array;
  readonly y: Int8Array;
  readonly p: Float64Array;
  readonly C: Float64Array;
  readonly alpha: Float64Array;
  readonly status: Uint8Array;
  readonly G: Float64Array;
  /** Gradient part from variables at their upper bound: lets shrunk gradients be rebuilt cheaply. */
  readonly Gbar: Float64Array;
  readonly activeSet: Int32Array;
  readonly tol: number;
}

/**
 * The state at α = 0: G = p, and Gbar = 0 (a variable starts at its upper bound only when C_i = 0,
 * which adds nothing).
 *
 * @example
 * const s = createSolver(problem);
 */
export function createSolver(problem: SmoProblem): Solver {
  const l = problem.Q.size;
  const s: Solver = {
    l,
    activeSize: l,
    unshrink: false,
    Q: problem.Q,
    QD: problem.Q.diagonal,
    y: Int8Array.from(problem.y),
    p: Float64Array.from(problem.p),
    C: Float64Array.from(problem.C),
    alpha: new Float64Array(l),
    status: new Uint8Array(l),
    G: Float64Array.from(problem.p),
    Gbar: new Float64Array(l),
    activeSet: Int32Array.from({ length: l }, (_, i) => i),
    tol: problem.tol,
  };
  for (let i = 0; i < l; i++) updateStatus(s, i);
  return s;
}

/**
 * Re-derives where α_i is: at its lower bound 0, its upper bound C_i, or free.
 *
 * @example
 * updateStatus(s, i)
 */
export function updateStatus(s: Solver, i: number): void {
  const a = s.alpha[i]!;
  s.status[i] = a >= s.C[i]! ? UPPER : a <= 0 ? LOWER : FREE;
}

/**
 * Gbar += sign · C_i · Q_i (variable i reached, or left, its upper bound).
 *
 * @example
 * addUpperBound(s, i, 1) // α_i has just reached C_i
 */
export function addUpperBound(s: Solver, i: number, sign: 1 | -1): void {
  const Qi = s.Q.row(i, s.l);
  const c = sign * s.C[i]!;
  const Gbar = s.Gbar;
  for (let k = 0; k < s.l; k++) Gbar[k] = Gbar[k]! + c * Qi[k]!;
}

/**
 * WSS3: i maximises −y_i ∇f_i over I_up; j minimises the second-order decrease of the objective over
 * I_low. Writes (i, j) into `pair`; returns true when the KKT violation is below tol (optimal).
 *
 * @example
 * if (selectWorkingSet(s, pair)) return; // optimal
 */
export function selectWorkingSet(s: Solver, pair: Int32Array): boolean {
  const { y, G, QD, status, activeSize } = s;
  let Gmax = Number.NEGATIVE_INFINITY;
  let Gmax2 = Number.NEGATIVE_INFINITY;
  let GmaxIdx = -1;
  let GminIdx = -1;
  let objDiffMin = Number.POSITIVE_INFINITY;
  for (let t = 0; t < activeSize; t++) {
    if (y[t] === 1) {
      if (status[t] !== UPPER && -G[t]! >= Gmax) {
        Gmax = -G[t]!;
        GmaxIdx = t;
      }
    } else if (status[t] !== LOWER && G[t]! >= Gmax) {
      Gmax = G[t]!;
      GmaxIdx = t;
    }
  }
  const i = GmaxIdx;
  if (i === -1) return true;
  const Qi = s.Q.row(i, activeSize);
  const yi = y[i]!;
  const QDi = QD[i]!;
  for (let j = 0; j < activeSize; j++) {
    let gradDiff: number;
    let quad: number;
    if (y[j] === 1) {
      if (status[j] === LOWER) continue;
      gradDiff = Gmax + G[j]!;
      if (G[j]! >= Gmax2) Gmax2 = G[j]!;
      if (!(gradDiff > 0)) continue;
      quad = QDi + QD[j]! - 2 * yi * Qi[j]!;
    } else {
      if (status[j] === UPPER) continue;
      gradDiff = Gmax - G[j]!;
      if (-G[j]! >= Gmax2) Gmax2 = -G[j]!;
      if (!(gradDiff > 0)) continue;
      quad = QDi + QD[j]! + 2 * yi * Qi[j]!;
    }
    const objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
    if (objDiff <= objDiffMin) {
      GminIdx = j;
      objDiffMin = objDiff;
    }
  }
  if (Gmax + Gmax2 < s.tol || GminIdx === -1) return true;
  pair[0] = GmaxIdx;
  pair[1] = GminIdx;
  return false;
}

/**
 * Rebuilds G of the shrunk (inactive) variables from Gbar and the free variables.
 *
 * @example
 * reconstructGradient(s); s.activeSize = s.l;
 */
export function reconstructGradient(s: Solver): void {
  const { l, activeSize, G, Gbar, p, alpha, status } = s;
  if (activeSize === l) return;
  for (let j = activeSize; j < l; j++) G[j] = Gbar[j]! + p[j]!;
  let nFree = 0;
  for (let j = 0; j < activeSize; j++) if (status[j] === FREE) nFree++;
  if (nFree * l > 2 * activeSize * (l - activeSize)) {
    for (let i = activeSize; i < l; i++) {
      const Qi = s.Q.row(i, activeSize);
      let sum = G[i]!;
      for (let j = 0; j < activeSize; j++) if (status[j] === FREE) sum += alpha[j]! * Qi[j]!;
      G[i] = sum;
    }
  } else {
    for (let i = 0; i < activeSize; i++) {
      if (status[i] !== FREE) continue;
      const Qi = s.Q.row(i, l);
      const ai = alpha[i]!;
      for (let j = activeSize; j < l; j++) G[j] = G[j]! + ai * Qi[j]!;
    }
  }
}

/**
 * Moves variables that are stuck at a bound out of the active set (libsvm's do_shrinking).
 *
 * @example
 * if (shrinking) shrink(s);
 */
export function shrink(s: Solver): void {
  const { y, G, status } = s;
  let Gmax1 = Number.NEGATIVE_INFINITY; // max −y_i ∇f_i over I_up
  let Gmax2 = Number.NEGATIVE_INFINITY; // max y_i ∇f_i over I_low
  for (let i = 0; i < s.activeSize; i++) {
    const g = G[i]!;
    if (y[i] === 1) {
      if (status[i] !== UPPER && -g >= Gmax1) Gmax1 = -g;
      if (status[i] !== LOWER && g >= Gmax2) Gmax2 = g;
    } else {
      if (status[i] !== UPPER && -g >= Gmax2) Gmax2 = -g;
      if (status[i] !== LOWER && g >= Gmax1) Gmax1 = g;
    }
  }
  if (!s.unshrink && Gmax1 + Gmax2 <= s.tol * 10) {
    // Close to the optimum: restore every variable once, so the final answer is checked on all.
    s.unshrink = true;
    reconstructGradient(s);
    s.activeSize = s.l;
  }
  for (let i = 0; i < s.activeSize; i++) {
    if (!beShrunk(s, i, Gmax1, Gmax2)) continue;
    s.activeSize--;
    while (s.activeSize > i) {
      if (!beShrunk(s, s.activeSize, Gmax1, Gmax2)) {
        swapVariables(s, i, s.activeSize);
        break;
      }
      s.activeSize--;
    }
  }
}

function beShrunk(s: Solver, i: number, Gmax1: number, Gmax2: number): boolean {
  const g = s.G[i]!;
  if (s.status[i] === UPPER) return s.y[i] === 1 ? -g > Gmax1 : -g > Gmax2;
  if (s.status[i] === LOWER) return s.y[i] === 1 ? g > Gmax2 : g > Gmax1;
  return false;
}

function swapVariables(s: Solver, i: number, j: number): void {
  s.Q.swap(i, j);
  swap(s.y, i, j);
  swap(s.G, i, j);
  swap(s.status, i, j);
  swap(s.alpha, i, j);
  swap(s.p, i, j);
  swap(s.activeSet, i, j);
  swap(s.Gbar, i, j);
  swap(s.C, i, j);
}

function swap(values: Float64Array | Int32Array | Int8Array | Uint8Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}

/**
 * rho: the mean of y_i ∇f_i over free variables, or the middle of the feasible interval if none.
 *
 * @example
 * const rho = calculateRho(s); // f(x) = Σ y_i α_i K(x_i, x) − rho
 */
export function calculateRho(s: Solver): number {
  let nFree = 0;
  let sumFree = 0;
  let ub = Number.POSITIVE_INFINITY;
  let lb = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < s.activeSize; i++) {
    const yG = s.y[i]! * s.G[i]!;
    if (s.status[i] === UPPER) {
      if (s.y[i] === -1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (s.status[i] === LOWER) {
      if (s.y[i] === 1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      nFree++;
      sumFree += yG;
    }
  }
  return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
}
