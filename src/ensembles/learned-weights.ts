import type { TrainingData } from '../learners/types.js';
import { mixtureWeights } from './mixture-weights.js';
import { nnls } from './nnls.js';

/**
 * Member weights (≥ 0, sum 1) fitted on the members' out-of-sample outputs at `rows`.
 * Regression: non-negative least squares of the target on the members' predictions (rows scaled by
 * √sampleWeight), normalised to sum 1 — the SuperLearner's "NNLS" method; equal weights if NNLS
 * keeps no member. Classification: the log-loss-optimal mixture of the members' probabilities
 * (see mixtureWeights).
 *
 * @example
 * learnWeights(data, oof.outputs, shared.covered) // Float64Array of one weight per member
 */
export function learnWeights(
  data: TrainingData,
  outputs: readonly Float64Array[],
  rows: ArrayLike<number>,
): Float64Array {
  const m = outputs.length;
  const n = rows.length;
  const w = data.sampleWeight;
  const A = new Float64Array(n * m);
  if (data.task === 'regression') {
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const scale = w ? Math.sqrt(w[row]!) : 1;
      b[i] = data.y[row]! * scale;
      for (let j = 0; j < m; j++) A[i * m + j] = outputs[j]![row]! * scale;
    }
    const { x } = nnls({ rows: n, cols: m, data: A }, b);
    const sum = x.reduce((a, v) => a + v, 0);
    return sum > 0 ? x.map((v) => v / sum) : new Float64Array(m).fill(1 / m);
  }
  const k = data.classes.length;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const own = row * k + data.y[row]!;
    for (let j = 0; j < m; j++) A[i * m + j] = outputs[j]![own]!;
  }
  const sampleWeight = w ? Float64Array.from(rows, (row) => w[row]!) : undefined;
  return mixtureWeights(A, n, m, sampleWeight);
}
