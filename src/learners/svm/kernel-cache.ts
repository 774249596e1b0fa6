/** Fills row[from … to) of kernel row `index` (the part the cache does not hold yet). */
export type RowFiller = (index: number, row: Float32Array, from: number, to: number) => void;

/** An LRU cache of kernel rows, each a prefix [0, len) of a row of the l × l matrix. */
export interface KernelCache {
  /** Row `index`, valid on [0, len); computes only the missing tail, evicting least recently used rows. */
  get(index: number, len: number): Float32Array;
  /** Swaps the roles of indices i and j (the solver's shrinking permutes its variables). */
  swap(i: number, j: number): void;
  /** Values currently held (for tests and diagnostics). */
  readonly size: number;
}

/**
 * libsvm's kernel cache: at most `budgetBytes` of float32 rows (never less than two full rows, which
 * the solver needs at once), least recently used rows evicted first. A row handed out stays valid for
 * its holder even if the cache later drops it.
 *
 * @example
 * const cache = createKernelCache(n, 200 * 2 ** 20, (i, row, from, to) => kernelRow(data, i, order, row, from, to));
 * const Qi = cache.get(i, activeSize);
 */
export function createKernelCache(l: number, budgetBytes: number, fill: RowFiller): KernelCache {
  const rows: (Float32Array | undefined)[] = new Array(l).fill(undefined);
  const lengths = new Int32Array(l);
  // A circular doubly linked list over 0 … l-1 with sentinel l: next of the sentinel is the LRU row.
  const prev = new Int32Array(l + 1).fill(l);
  const next = new Int32Array(l + 1).fill(l);
  let free = Math.max(Math.floor(budgetBytes / Float32Array.BYTES_PER_ELEMENT), 2 * l);
  let held = 0;

  const unlink = (h: number): void => {
    next[prev[h]!] = next[h]!;
    prev[next[h]!] = prev[h]!;
  };
  const append = (h: number): void => {
    next[h] = l;
    prev[h] = prev[l]!;
    next[prev[h]!] = h;
    prev[l] = h;
  };
  const drop = (h: number): void => {
    unlink(h);
    free += lengths[h]!;
    held -= lengths[h]!;
    rows[h] = undefined;
    lengths[h] = 0;
  };

  return {
    get(index, len) {
      const have = lengths[index]!;
      if (have > 0) unlink(index);
      let row = rows[index];
      if (len > have) {
        const more = len - have;
        while (free < more) drop(next[l]!);
        const grown = new Float32Array(len);
        if (row) grown.set(row.subarray(0, have));
        row = grown;
        rows[index] = row;
        free -= more;
        held += more;
        lengths[index] = len;
        fill(index, row, have, len);
      }
      append(index);
      return row!;
    },
    swap(i, j) {
      if (i === j) return;
      if (lengths[i]! > 0) unlink(i);
      if (lengths[j]! > 0) unlink(j);
      const row = rows[i];
      rows[i] = rows[j];
      rows[j] = row;
      const len = lengths[i]!;
      lengths[i] = lengths[j]!;
      lengths[j] = len;
      if (lengths[i]! > 0) append(i);
      if (lengths[j]! > 0) append(j);
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      for (let h = next[l]!; h !== l; ) {
        const after = next[h]!;
        if (lengths[h]! > lo) {
          const data = rows[h]!;
          if (lengths[h]! > hi) {
            const t = data[lo]!;
            data[lo] = data[hi]!;
            data[hi] = t;
          } else {
            // The row holds lo but not hi: it cannot be permuted, so it is dropped (as libsvm does).
            drop(h);
          }
        }
        h = after;
      }
    },
    get size() {
      return held;
    },
  };
}
