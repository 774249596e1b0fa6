/**
 * The values of some rows of a row-major rows × width array, in that order.
 *
 * @example
 * gatherRows(Float64Array.of(1, 2, 3, 4, 5, 6), [2, 0], 2) // [5, 6, 1, 2]
 */
export function gatherRows(values: Float64Array, rows: ArrayLike<number>, width: number): Float64Array {
  const out = new Float64Array(rows.length * width);
  for (let t = 0; t < rows.length; t++) {
    const from = rows[t]! * width;
    for (let j = 0; j < width; j++) out[t * width + j] = values[from + j]!;
  }
  return out;
}

/**
 * The inverse of gatherRows: an n × width array holding `values` at `rows`, NaN elsewhere.
 *
 * @example
 * scatterRows(Float64Array.of(5, 6), [1], 2, 2) // [NaN, NaN, 5, 6]
 */
export function scatterRows(
  values: Float64Array,
  rows: ArrayLike<number>,
  width: number,
  n: number,
): Float64Array {
  const out = new Float64Array(n * width).fill(Number.NaN);
  for (let t = 0; t < rows.length; t++) {
    out.set(values.subarray(t * width, (t + 1) * width), rows[t]! * width);
  }
  return out;
}

/**
 * The entries of `values` at `positions` (rows of a subset, by position in it).
 *
 * @example
 * pick(Uint32Array.of(3, 5, 9), Uint32Array.of(0, 2)) // [3, 9]
 */
export function pick(values: Uint32Array, positions: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(positions.length);
  for (let i = 0; i < positions.length; i++) out[i] = values[positions[i]!]!;
  return out;
}
