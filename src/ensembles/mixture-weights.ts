/** Options of mixtureWeights. */
export interface MixtureWeightsOptions {
  /** Iterations at most; default 10000. */
  readonly maxIter?: number;
  /** Stop when no weight moves more than this in an iteration; default 1e-12. */
  readonly tol?: number;
}

/**
 * Weights on the simplex (≥ 0, sum 1) that minimise the (sample-weighted) log loss of a weighted
 * mean of members' probabilities: −Σᵢ sᵢ log Σₘ wₘ pᵢₘ, where pᵢₘ is the probability member m
 * gives row i's true class (rows × members, row-major). This is the maximum-likelihood estimate of
 * mixture weights, found by EM (wₘ ← Σᵢ sᵢ wₘ pᵢₘ / qᵢ / Σᵢ sᵢ with qᵢ = Σₘ wₘ pᵢₘ): each step
 * lowers the loss, and since the loss is convex in w, EM reaches the global minimum. Probabilities
 * are clipped below at machine ε, as logLoss clips them; weights that end below 1e-8 are set to 0.
 *
 * @example
 * // member 0 is always right, member 1 always says 0.5
 * mixtureWeights(Float64Array.of(1, 0.5, 1, 0.5), 2, 2) // ≈ [1, 0]
 */
export function mixtureWeights(
  p: Float64Array,
  rows: number,
  members: number,
  sampleWeight?: Float64Array,
  options: MixtureWeightsOptions = {},
): Float64Array {
  const maxIter = options.maxIter ?? 10000;
  const tol = options.tol ?? 1e-12;
  const clipped = p.map((v) => Math.max(v, Number.EPSILON));
  let total = 0;
  for (let i = 0; i < rows; i++) total += sampleWeight ? sampleWeight[i]! : 1;
  let w = new Float64Array(members).fill(1 / members);
  const next = new Float64Array(members);
  for (let iter = 0; iter < maxIter && total > 0; iter++) {
    next.fill(0);
    for (let i = 0; i < rows; i++) {
      const s = sampleWeight ? sampleWeight[i]! : 1;
      if (s === 0) continue;
      let q = 0;
      for (let m = 0; m < members; m++) q += w[m]! * clipped[i * members + m]!;
      const scale = s / q;
      for (let m = 0; m < members; m++) next[m] = next[m]! + clipped[i * members + m]! * scale;
    }
    let change = 0;
    for (let m = 0; m < members; m++) {
      const updated = (w[m]! * next[m]!) / total;
      change = Math.max(change, Math.abs(updated - w[m]!));
      next[m] = updated;
    }
    w = next.slice();
    if (change < tol) break;
  }
  return normalised(w.map((v) => (v < 1e-8 ? 0 : v)));
}

function normalised(w: Float64Array): Float64Array {
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / sum);
}
