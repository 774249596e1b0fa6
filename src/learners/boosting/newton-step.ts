import { weightOf } from './boosting-loss.js';

/**
 * One Newton–Raphson step for a leaf of the log losses: scale · Σ w·res / Σ w·(y − res)·(1 − y + res)
 * over rows[start … end), where res = y − p is the negative gradient and y the 0/1 indicator of
 * `positive` (0 when the curvature vanishes).
 *
 * @example
 * newtonStep(Float64Array.of(1, 0), undefined, Float64Array.of(0.5, -0.5), Uint32Array.of(0, 1), 0, 2, 1) // 0
 */
export function newtonStep(
  y: Float64Array,
  sampleWeight: Float64Array | undefined,
  residual: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
  scale: number,
  positive = 1,
): number {
  let numerator = 0;
  let denominator = 0;
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const w = weightOf(sampleWeight, r);
    const indicator = y[r] === positive ? 1 : 0;
    const res = residual[r]!;
    numerator += w * res;
    denominator += w * (indicator - res) * (1 - indicator + res);
  }
  numerator *= scale;
  return Math.abs(denominator) < 1e-150 ? 0 : numerator / denominator;
}
