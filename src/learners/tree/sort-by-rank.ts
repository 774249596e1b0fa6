/**
 * Sorts keys[start … end) ascending (integers below 2^bits) and applies the same moves to
 * rows[start … end): LSD radix sort in 8-bit digits through the spare buffers, insertion sort
 * for short runs. Stable. O(n · ⌈bits / 8⌉) instead of a comparison sort's O(n log n).
 *
 * @example
 * sortByRank(Uint32Array.of(3, 1, 2), Uint32Array.of(0, 1, 2), 0, 3, 2, new Uint32Array(3), new Uint32Array(3))
 * // keys 1 2 3, rows 1 2 0
 */
export function sortByRank(
  keys: Uint32Array,
  rows: Uint32Array,
  start: number,
  end: number,
  bits: number,
  spareKeys: Uint32Array,
  spareRows: Uint32Array,
): void {
  const n = end - start;
  if (n < 48) {
    insertionSort(keys, rows, start, end);
    return;
  }
  const counts = digitCounts;
  let fromKeys = keys;
  let fromRows = rows;
  let from = start;
  let toKeys = spareKeys;
  let toRows = spareRows;
  let to = 0;
  for (let shift = 0; shift < bits; shift += 8) {
    counts.fill(0);
    for (let k = from; k < from + n; k++) counts[(fromKeys[k]! >>> shift) & 255]!++;
    let sum = to;
    for (let d = 0; d < 256; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = from; k < from + n; k++) {
      const key = fromKeys[k]!;
      const at = counts[(key >>> shift) & 255]!++;
      toKeys[at] = key;
      toRows[at] = fromRows[k]!;
    }
    const keysNow = toKeys;
    toKeys = fromKeys;
    fromKeys = keysNow;
    const rowsNow = toRows;
    toRows = fromRows;
    fromRows = rowsNow;
    const fromNow = to;
    to = from;
    from = fromNow;
  }
  if (fromKeys !== keys) {
    for (let k = 0; k < n; k++) {
      keys[start + k] = fromKeys[from + k]!;
      rows[start + k] = fromRows[from + k]!;
    }
  }
}

/** Counts per digit value, shared by every call (sorts run to completion, one at a time). */
const digitCounts = new Uint32Array(256);

function insertionSort(keys: Uint32Array, rows: Uint32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const key = keys[i]!;
    const row = rows[i]!;
    let j = i - 1;
    while (j >= start && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      rows[j + 1] = rows[j]!;
      j--;
    }
    keys[j + 1] = key;
    rows[j + 1] = row;
  }
}
