/** Platt's sigmoid P(y = +1 | f) = 1 / (1 + exp(A·f + B)). */
export interface Sigmoid {
  readonly A: number;
  readonly B: number;
}

/**
 * Fits Platt's sigmoid to decision values and ±1 labels by Newton's method with backtracking, on
 * targets smoothed towards the priors: Lin, Lin & Weng (2007), "A note on Platt's probabilistic
 * outputs for support vector machines" (libsvm's sigmoid_train).
 *
 * @example
 * const { A, B } = sigmoidTrain(Float64Array.of(-2, -1, 1, 2), Int8Array.of(-1, -1, 1, 1)); // A < 0
 */
export function sigmoidTrain(decision: Float64Array, labels: Int8Array): Sigmoid {
  const l = decision.length;
  let prior1 = 0;
  for (let i = 0; i < l; i++) if (labels[i]! > 0) prior1++;
  const prior0 = l - prior1;
  const maxIter = 100;
  const minStep = 1e-10;
  const sigma = 1e-12; // keeps the Hessian strictly positive definite
  const eps = 1e-5;
  const hiTarget = (prior1 + 1) / (prior1 + 2);
  const loTarget = 1 / (prior0 + 2);
  const t = new Float64Array(l);
  for (let i = 0; i < l; i++) t[i] = labels[i]! > 0 ? hiTarget : loTarget;
  let A = 0;
  let B = Math.log((prior0 + 1) / (prior1 + 1));
  let fval = objective(decision, t, A, B);
  for (let iter = 0; iter < maxIter; iter++) {
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < l; i++) {
      const fApB = decision[i]! * A + B;
      // p = P(+1), q = 1 − p, each computed without overflow.
      let p: number;
      let q: number;
      if (fApB >= 0) {
        const e = Math.exp(-fApB);
        p = e / (1 + e);
        q = 1 / (1 + e);
      } else {
        const e = Math.exp(fApB);
        p = 1 / (1 + e);
        q = e / (1 + e);
      }
      const d2 = p * q;
      h11 += decision[i]! * decision[i]! * d2;
      h22 += d2;
      h21 += decision[i]! * d2;
      const d1 = t[i]! - p;
      g1 += decision[i]! * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < eps && Math.abs(g2) < eps) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= minStep) {
      const newA = A + step * dA;
      const newB = B + step * dB;
      const newf = objective(decision, t, newA, newB);
      if (newf < fval + 0.0001 * step * gd) {
        A = newA;
        B = newB;
        fval = newf;
        break;
      }
      step /= 2;
    }
    if (step < minStep) break; // the line search failed: keep the last good point
  }
  return { A, B };
}

/** The cross-entropy of the sigmoid against the smoothed targets. */
function objective(decision: Float64Array, t: Float64Array, A: number, B: number): number {
  let f = 0;
  for (let i = 0; i < decision.length; i++) {
    const fApB = decision[i]! * A + B;
    f +=
      fApB >= 0
        ? t[i]! * fApB + Math.log1p(Math.exp(-fApB))
        : (t[i]! - 1) * fApB + Math.log1p(Math.exp(fApB));
  }
  return f;
}

/**
 * P(+1 | decision value) under a fitted sigmoid, computed without cancellation.
 *
 * @example
 * sigmoidPredict(0, -2, 0) // 0.5
 */
export function sigmoidPredict(decision: number, A: number, B: number): number {
  const fApB = decision * A + B;
  if (fApB >= 0) {
    const e = Math.exp(-fApB);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(fApB));
}

/**
 * Class probabilities from pairwise ones by Wu, Lin & Weng (2004), "Probability estimates for
 * multi-class classification by pairwise coupling", method 2 (libsvm's multiclass_probability):
 * min_p Σ_i Σ_{j≠i} (r_ji p_i − r_ij p_j)² on the simplex, by fixed-point iteration. `r` is k × k
 * row-major with r[i·k + j] = P(i | i or j); `scratch` holds at least k·k + k values.
 *
 * @example
 * const p = new Float64Array(3);
 * coupleProbabilities(r, 3, p, 0, new Float64Array(12));
 */
export function coupleProbabilities(
  r: Float64Array,
  k: number,
  out: Float64Array,
  offset: number,
  scratch: Float64Array,
): void {
  // Q (k × k), then Qp (k values) from offset qp: offsets rather than a subarray, so no allocation per call.
  const Q = scratch;
  const qp = k * k;
  const maxIter = Math.max(100, k);
  const eps = 0.005 / k;
  for (let t = 0; t < k; t++) {
    out[offset + t] = 1 / k;
    let diag = 0;
    for (let j = 0; j < k; j++) {
      if (j === t) continue;
      diag += r[j * k + t]! * r[j * k + t]!;
      Q[t * k + j] = -r[j * k + t]! * r[t * k + j]!;
    }
    Q[t * k + t] = diag;
  }
  for (let iter = 0; iter < maxIter; iter++) {
    // Recomputed each round for numerical accuracy, as libsvm does.
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += Q[t * k + j]! * out[offset + j]!;
      Q[qp + t] = sum;
      pQp += out[offset + t]! * sum;
    }
    let maxError = 0;
    for (let t = 0; t < k; t++) maxError = Math.max(maxError, Math.abs(Q[qp + t]! - pQp));
    if (maxError < eps) break;
    for (let t = 0; t < k; t++) {
      const diff = (-Q[qp + t]! + pQp) / Q[t * k + t]!;
      out[offset + t] = out[offset + t]! + diff;
      pQp = (pQp + diff * (diff * Q[t * k + t]! + 2 * Q[qp + t]!)) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        Q[qp + j] = (Q[qp + j]! + diff * Q[t * k + j]!) / (1 + diff);
        out[offset + j] = out[offset + j]! / (1 + diff);
      }
    }
  }
}
