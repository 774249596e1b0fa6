/**
 * Sorts values[start … end) ascending and applies the same moves to rows[start … end): introsort
 * (median-of-three quicksort with a three-way partition, so repeated values cost nothing, falling
 * back to heapsort on bad pivots; insertion sort for short runs). Not stable.
 *
 * @example
 * sortPairs(Float64Array.of(3, 1, 2), Uint32Array.of(0, 1, 2), 0, 3) // values 1 2 3, rows 1 2 0
 */
export function sortPairs(values: Float64Array, rows: Uint32Array, start: number, end: number): void {
  if (end - start > 1) introsort(values, rows, start, end, 2 * Math.floor(Math.log2(end - start)));
}

function introsort(v: Float64Array, r: Uint32Array, start: number, end: number, depth: number): void {
  while (end - start > 16) {
    if (depth-- === 0) {
      heapsort(v, r, start, end);
      return;
    }
    const pivot = median3(v[start]!, v[(start + end) >>> 1]!, v[end - 1]!);
    // [start, lt) < pivot, [lt, i) = pivot, [gt, end) > pivot.
    let lt = start;
    let i = start;
    let gt = end;
    while (i < gt) {
      const x = v[i]!;
      if (x < pivot) swap(v, r, lt++, i++);
      else if (x > pivot) swap(v, r, i, --gt);
      else i++;
    }
    // Recurse into the smaller side and loop on the larger: the stack stays O(log n).
    if (lt - start < end - gt) {
      introsort(v, r, start, lt, depth);
      start = gt;
    } else {
      introsort(v, r, gt, end, depth);
      end = lt;
    }
  }
  insertionSort(v, r, start, end);
}

function median3(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : Math.max(a, c);
  return a < c ? a : Math.max(b, c);
}

function swap(v: Float64Array, r: Uint32Array, i: number, j: number): void {
  const tv = v[i]!;
  v[i] = v[j]!;
  v[j] = tv;
  const tr = r[i]!;
  r[i] = r[j]!;
  r[j] = tr;
}

function insertionSort(v: Float64Array, r: Uint32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const x = v[i]!;
    const row = r[i]!;
    let j = i - 1;
    while (j >= start && v[j]! > x) {
      v[j + 1] = v[j]!;
      r[j + 1] = r[j]!;
      j--;
    }
    v[j + 1] = x;
    r[j + 1] = row;
  }
}

function heapsort(v: Float64Array, r: Uint32Array, start: number, end: number): void {
  const n = end - start;
  for (let i = (n >>> 1) - 1; i >= 0; i--) siftDown(v, r, start, i, n);
  for (let last = n - 1; last > 0; last--) {
    swap(v, r, start, start + last);
    siftDown(v, r, start, 0, last);
  }
}

function siftDown(v: Float64Array, r: Uint32Array, offset: number, root: number, size: number): void {
  for (;;) {
    let child = 2 * root + 1;
    if (child >= size) return;
    if (child + 1 < size && v[offset + child + 1]! > v[offset + child]!) child++;
    if (v[offset + root]! >= v[offset + child]!) return;
    swap(v, r, offset + root, offset + child);
    root = child;
  }
}
