/**
 * The q-th percentile of `values` with linear interpolation between the two nearest sorted values, as
 * NumPy's default `np.percentile(values, q)` (what scikit-learn's DummyRegressor uses for an
 * unweighted median or quantile). `values` is sorted in place.
 *
 * @example
 * percentile(Float64Array.of(4, 1, 3, 2), 50) // 2.5
 */
export function percentile(values: Float64Array, q: number): number {
  values.sort();
  const n = values.length;
  const position = (n - 1) * (q / 100);
  if (position >= n - 1) return values[n - 1]!;
  const below = Math.floor(position);
  const t = position - below;
  const a = values[below]!;
  const b = values[below + 1]!;
  const diff = b - a;
  // NumPy's _lerp: interpolate from the nearer end, so t = 1 gives b exactly.
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
