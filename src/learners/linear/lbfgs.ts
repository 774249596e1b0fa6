import { type Objective, wolfeLineSearch } from './wolfe-line-search.js';

export type { Objective } from './wolfe-line-search.js';

export interface LbfgsOptions {
  /** At most this many iterations (line searches). */
  readonly maxIter: number;
  /** Converged when every gradient component is at most this in absolute value (scipy's pgtol). */
  readonly gtol: number;
  /** Correction pairs kept (scipy's maxcor). */
  readonly memory?: number;
}

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly nIter: number;
  /** Whether the gradient test was met (false: maxIter reached, or no further progress possible). */
  readonly converged: boolean;
}

/**
 * Minimises a smooth function with L-BFGS: the two-loop recursion over the last `memory` steps and
 * gradient changes, scaled by sᵀy / yᵀy, and a strong-Wolfe line search (which keeps sᵀy > 0).
 * Stops when max |∇f| ≤ gtol, after maxIter iterations, or when f no longer decreases.
 *
 * @example
 * // the minimum of (x₀ − 3)² + 10·x₁² is at (3, 0)
 * lbfgs((x, g) => { g[0] = 2 * (x[0] - 3); g[1] = 20 * x[1]; return (x[0] - 3) ** 2 + 10 * x[1] ** 2 },
 *   new Float64Array(2), { maxIter: 100, gtol: 1e-10 }).x
 */
export function lbfgs(objective: Objective, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  const memory = options.memory ?? 10;
  let x = x0.slice();
  let g = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const direction = new Float64Array(n);
  const s = Array.from({ length: memory }, () => new Float64Array(n));
  const y = Array.from({ length: memory }, () => new Float64Array(n));
  const rho = new Float64Array(memory);
  const alpha = new Float64Array(memory);
  let stored = 0;
  let newest = -1;
  let f = objective(x, g);
  let nIter = 0;
  let converged = maxAbs(g) <= options.gtol;
  while (!converged && nIter < options.maxIter) {
    // Two-loop recursion: direction = −H·g.
    for (let i = 0; i < n; i++) direction[i] = -g[i]!;
    for (let k = 0; k < stored; k++) {
      const m = (newest - k + memory) % memory;
      alpha[m] = rho[m]! * dot(s[m]!, direction);
      axpy(-alpha[m]!, y[m]!, direction);
    }
    if (stored > 0) {
      const yy = dot(y[newest]!, y[newest]!);
      scale(1 / (rho[newest]! * yy), direction);
    }
    for (let k = stored - 1; k >= 0; k--) {
      const m = (newest - k + memory) % memory;
      const beta = rho[m]! * dot(y[m]!, direction);
      axpy(alpha[m]! - beta, s[m]!, direction);
    }
    if (!(dot(direction, g) < 0)) {
      // Not a descent direction (round-off in the curvature pairs): restart from steepest descent.
      stored = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i]!;
    }
    // Without curvature information the first step is scaled to unit length.
    const initialStep = stored === 0 ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
    const found = wolfeLineSearch(objective, x, f, g, direction, xNew, gNew, initialStep);
    if (!found) break;
    nIter++;
    const m = (newest + 1) % memory;
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[m]![i] = xNew[i]! - x[i]!;
      y[m]![i] = gNew[i]! - g[i]!;
      sy += s[m]![i]! * y[m]![i]!;
      yy += y[m]![i]! * y[m]![i]!;
    }
    if (sy > 1e-16 * yy) {
      rho[m] = 1 / sy;
      newest = m;
      stored = Math.min(stored + 1, memory);
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    const decrease = f - found.f;
    f = found.f;
    converged = maxAbs(g) <= options.gtol;
    // A step that no longer lowers f beyond round-off: this is as close as double precision gets.
    if (!converged && decrease <= Number.EPSILON * Math.abs(f)) break;
  }
  return { x, f, nIter, converged };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i]! += a * x[i]!;
}

function scale(a: number, x: Float64Array): void {
  for (let i = 0; i < x.length; i++) x[i]! *= a;
}

function maxAbs(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]!));
  return m;
}
