// Dense kernels of the MLP on row-major Float64Arrays. The innermost loops walk memory in order,
// and are unrolled four ways so that each output element is loaded and stored once per four
// multiply-adds: on friedman1 (10 → 100 → 1) this made training about twice as fast as the plain
// i-k-j loops. Zero inputs (relu) are skipped.

/**
 * out (m × n) = A (m × k) · B (k × n) + bias (n). `nonzero` is scratch space for k indices.
 *
 * @example
 * affine(Float64Array.of(1, 2), Float64Array.of(3, 4), Float64Array.of(0.5), out, 1, 2, 1, new Int32Array(2)) // out = [11.5]
 */
export function affine(
  A: Float64Array,
  B: Float64Array,
  bias: Float64Array,
  out: Float64Array,
  m: number,
  k: number,
  n: number,
  nonzero: Int32Array,
): void {
  for (let r = 0; r < m; r++) {
    const o = r * n;
    const a = r * k;
    let count = 0;
    for (let i = 0; i < k; i++) if (A[a + i] !== 0) nonzero[count++] = i;
    if (n === 1) {
      let s = bias[0]!;
      for (let t = 0; t < count; t++) {
        const i = nonzero[t]!;
        s += A[a + i]! * B[i]!;
      }
      out[o] = s;
      continue;
    }
    for (let j = 0; j < n; j++) out[o + j] = bias[j]!;
    let t = 0;
    for (; t + 3 < count; t += 4) {
      const i0 = nonzero[t]!;
      const i1 = nonzero[t + 1]!;
      const i2 = nonzero[t + 2]!;
      const i3 = nonzero[t + 3]!;
      const a0 = A[a + i0]!;
      const a1 = A[a + i1]!;
      const a2 = A[a + i2]!;
      const a3 = A[a + i3]!;
      const b0 = i0 * n;
      const b1 = i1 * n;
      const b2 = i2 * n;
      const b3 = i3 * n;
      for (let j = 0; j < n; j++) {
        out[o + j]! += a0 * B[b0 + j]! + a1 * B[b1 + j]! + a2 * B[b2 + j]! + a3 * B[b3 + j]!;
      }
    }
    for (; t < count; t++) {
      const i = nonzero[t]!;
      const ai = A[a + i]!;
      const b = i * n;
      for (let j = 0; j < n; j++) out[o + j]! += ai * B[b + j]!;
    }
  }
}

/**
 * G (k × n) = Aᵀ · D for A (m × k) and D (m × n): the weight gradient of a layer from its inputs
 * and its deltas. G is overwritten.
 *
 * @example
 * transposedProduct(inputs, deltas, coefGrad, rows, fanIn, fanOut)
 */
export function transposedProduct(
  A: Float64Array,
  D: Float64Array,
  G: Float64Array,
  m: number,
  k: number,
  n: number,
): void {
  G.fill(0, 0, k * n);
  let r = 0;
  for (; r + 3 < m; r += 4) {
    const d0 = r * n;
    const d1 = d0 + n;
    const d2 = d1 + n;
    const d3 = d2 + n;
    for (let i = 0; i < k; i++) {
      const a0 = A[r * k + i]!;
      const a1 = A[(r + 1) * k + i]!;
      const a2 = A[(r + 2) * k + i]!;
      const a3 = A[(r + 3) * k + i]!;
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
      const g = i * n;
      for (let j = 0; j < n; j++) {
        G[g + j]! += a0 * D[d0 + j]! + a1 * D[d1 + j]! + a2 * D[d2 + j]! + a3 * D[d3 + j]!;
      }
    }
  }
  for (; r < m; r++) {
    const d = r * n;
    for (let i = 0; i < k; i++) {
      const a = A[r * k + i]!;
      if (a === 0) continue;
      const g = i * n;
      for (let j = 0; j < n; j++) G[g + j]! += a * D[d + j]!;
    }
  }
}

/**
 * out (m × k) = D (m × n) · Bᵀ for B (k × n): deltas sent back through a layer's weights.
 *
 * @example
 * productTransposed(deltas, coef, upstream, rows, fanOut, fanIn)
 */
export function productTransposed(
  D: Float64Array,
  B: Float64Array,
  out: Float64Array,
  m: number,
  n: number,
  k: number,
): void {
  for (let r = 0; r < m; r++) {
    const d = r * n;
    const o = r * k;
    let i = 0;
    for (; i + 3 < k; i += 4) {
      const b0 = i * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < n; j++) {
        const v = D[d + j]!;
        s0 += v * B[b0 + j]!;
        s1 += v * B[b1 + j]!;
        s2 += v * B[b2 + j]!;
        s3 += v * B[b3 + j]!;
      }
      out[o + i] = s0;
      out[o + i + 1] = s1;
      out[o + i + 2] = s2;
      out[o + i + 3] = s3;
    }
    for (; i < k; i++) {
      const b = i * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += D[d + j]! * B[b + j]!;
      out[o + i] = s;
    }
  }
}
