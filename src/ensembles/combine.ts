/**
 * The weighted mean of members' outputs (values, or probabilities row by row): Σ wₘ·oₘ / Σ wₘ.
 * Members of weight 0 are skipped (their outputs may be absent: pass an empty array).
 *
 * @example
 * averageOutputs([Float64Array.of(1, 2), Float64Array.of(3, 4)], Float64Array.of(1, 3)) // [2.5, 3.5]
 */
export function averageOutputs(outputs: readonly Float64Array[], weights: ArrayLike<number>): Float64Array {
  let total = 0;
  let length = 0;
  for (let m = 0; m < outputs.length; m++) {
    if (weights[m]! === 0) continue;
    total += weights[m]!;
    length = outputs[m]!.length;
  }
  const out = new Float64Array(length);
  for (let m = 0; m < outputs.length; m++) {
    const w = weights[m]!;
    if (w === 0) continue;
    const o = outputs[m]!;
    for (let i = 0; i < length; i++) out[i] = out[i]! + w * o[i]!;
  }
  for (let i = 0; i < length; i++) out[i] = out[i]! / total;
  return out;
}

/**
 * Hard voting: each member votes, with its weight, for its most probable class (the first on ties),
 * and each row's output is the vote shares (rows × classes, summing to 1). Their argmax — the
 * lowest class code on ties — is scikit-learn's weighted majority. Weights are summed in member
 * order before dividing, so ties are exactly as in scikit-learn's bincount.
 *
 * @example
 * // three members say class 0, 1, 1 with weights 2, 1, 1: a tie, so class 0 wins
 * voteShares([p0, p1, p2], Float64Array.of(2, 1, 1), rows, 2) // [0.5, 0.5, …]
 */
export function voteShares(
  outputs: readonly Float64Array[],
  weights: ArrayLike<number>,
  rows: number,
  k: number,
): Float64Array {
  const out = new Float64Array(rows * k);
  let total = 0;
  for (let m = 0; m < outputs.length; m++) total += weights[m]!;
  for (let m = 0; m < outputs.length; m++) {
    const w = weights[m]!;
    if (w === 0) continue;
    const p = outputs[m]!;
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (p[i * k + c]! > p[i * k + best]!) best = c;
      out[i * k + best] = out[i * k + best]! + w;
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / total;
  return out;
}
