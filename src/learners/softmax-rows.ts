/**
 * Turns each row of scores (logits, joint log-likelihoods) into probabilities, in place:
 * p = exp(v - max) / Σ exp(v - max). Subtracting the row maximum keeps exp from overflowing; a
 * score of -Infinity (a class with prior 0) gets probability 0.
 *
 * @example
 * softmaxRowsInPlace(Float64Array.of(0, Math.log(3)), 1, 2) // [0.25, 0.75]
 */
export function softmaxRowsInPlace(values: Float64Array, rows: number, cols: number): Float64Array {
  for (let i = 0; i < rows; i++) {
    const start = i * cols;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = start; j < start + cols; j++) if (values[j]! > max) max = values[j]!;
    let sum = 0;
    for (let j = start; j < start + cols; j++) {
      const e = Math.exp(values[j]! - max);
      values[j] = e;
      sum += e;
    }
    for (let j = start; j < start + cols; j++) values[j] = values[j]! / sum;
  }
  return values;
}
