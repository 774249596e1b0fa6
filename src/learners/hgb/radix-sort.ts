/** Below this many values the built-in sort is as fast. */
const SMALL = 1024;
/** Bits per radix digit: three passes per 32-bit half of a key. */
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;

/**
 * Sorts Float64 values (no NaN) ascending in place, as Float64Array.prototype.sort does (−0 before
 * +0), by a least-significant-digit radix sort on their bit patterns: the sign flipped so that
 * unsigned order is numeric order, then three stable passes of 11 bits over the low 32 bits and
 * three over the high ones (a pass is skipped when every key shares its digit). Faster than the
 * built-in comparison sort on the binning sample of every numeric column (200 000 values).
 *
 * @example
 * sortFloat64(Float64Array.of(2, -1, 0.5)) // Float64Array [-1, 0.5, 2]
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < SMALL) return values.sort();
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
  let lo = new Int32Array(n);
  let hi = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]!;
    const negative = h < 0;
    lo[i] = negative ? ~words[2 * i]! : words[2 * i]!;
    hi[i] = negative ? ~h : h ^ 0x80000000;
  }
  let spareLo = new Int32Array(n);
  let spareHi = new Int32Array(n);
  const counts = new Int32Array(BUCKETS);
  for (let pass = 0; pass < 6; pass++) {
    const key = pass < 3 ? lo : hi;
    const shift = (pass % 3) * DIGIT_BITS;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i]! >>> shift) & MASK]!++;
    if (counts[(key[0]! >>> shift) & MASK] === n) continue;
    let total = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b]!;
      counts[b] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const to = counts[(key[i]! >>> shift) & MASK]!++;
      spareLo[to] = lo[i]!;
      spareHi[to] = hi[i]!;
    }
    [lo, spareLo] = [spareLo, lo];
    [hi, spareHi] = [spareHi, hi];
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i]!;
    const negative = h >= 0;
    words[2 * i] = negative ? ~lo[i]! : lo[i]!;
    words[2 * i + 1] = negative ? ~h : h ^ 0x80000000;
  }
  return values;
}
