import type { BinMapper } from './binning.js';

/** Slots per column in `BinTables.slots`: thresholds (≤ 254) padded with +∞, or category codes. */
const SLOTS = 256;
/** Buckets per numeric column; one more slot after them is NaN's. */
const BUCKETS = 1024;
const ROW = BUCKETS + 1;
/** Entries from here on are of buckets holding two thresholds or more (see BinTables.entries). */
const DENSE = 0x200;

/** The key of x is x itself. */
const LINEAR = 0;
/** The key is the high word of x − pivot (the first finite threshold): a log-like scale above it. */
const ABOVE = 1;
/** The key is minus the high word of pivot (the last threshold) − x: a log-like scale below it. */
const BELOW = 2;
/**
 * No key: thresholds that do not increase (NaN ones, which NumPy's percentiles give for infinite
 * values) are searched as they always were, for the same bins.
 */
const SEARCH = 3;

/** A double's high 32 bits (sign, exponent, 20 mantissa bits): increasing in x ≥ 0, < 0 for x < 0. */
const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);

/** The thresholds chooseKey may leave out below and above a bucket range: (0, 0), (1, 0), (0, 1), (2, 0)… */
const SKIPS = [
  [0, 0],
  ...[1, 2, 4, 8, 16, 32].flatMap((skip) => [
    [skip, 0],
    [0, skip],
  ]),
];

/**
 * The lookup tables binColumns maps values with, per column j:
 * - `slots[j·256 …]`: numeric thresholds padded with +∞, or the category-code → bin table;
 * - numeric columns only: `params[4j …]` = (mode, pivot, origin, scale) make a key of x (x, or a
 *   log-like key for skewed columns) and its bucket `(key − origin) · scale` clamped to 0 … 1023
 *   (NaN: 1024). Per bucket, `entries[j·1025 + bucket]` is the number of thresholds in lower
 *   buckets (| the number in it << 8 when that is 2 or more) and `splits[…]` its one threshold
 *   (+∞ when it has none). The bucket never decreases as x grows, so every threshold of a lower
 *   bucket is < x and every one of a higher bucket is > x: only the bucket's own thresholds are
 *   compared with x (usually 0 or 1; a binary search among them when there are more).
 */
export interface BinTables {
  readonly slots: Float64Array;
  readonly params: Float64Array;
  readonly entries: Uint16Array;
  readonly splits: Float64Array;
}

/**
 * The BinTables of `mapper`: for each numeric column, the key and bucket range (among a few) that
 * leaves the fewest thresholds sharing a bucket.
 *
 * @example
 * const tables = binTables(mapper);
 * numericBin(tables, 0, 0.7); // the bin of 0.7 in column 0 (a numeric column)
 */
export function binTables(mapper: BinMapper): BinTables {
  const cols = mapper.thresholds.length;
  const tables: BinTables = {
    slots: new Float64Array(cols * SLOTS),
    params: new Float64Array(cols * 4),
    entries: new Uint16Array(cols * ROW),
    splits: new Float64Array(cols * ROW),
  };
  for (let j = 0; j < cols; j++) {
    const thresholds = mapper.thresholds[j]!;
    const table = tables.slots.subarray(j * SLOTS, (j + 1) * SLOTS);
    if (mapper.isCategorical[j]) {
      table.fill(mapper.maxBins);
      thresholds.forEach((code, b) => {
        table[code] = b;
      });
    } else {
      table.fill(Number.POSITIVE_INFINITY);
      table.set(thresholds);
      if (increasing(thresholds)) chooseKey(tables, j, thresholds);
      else tables.params[4 * j] = SEARCH;
      fillEntries(tables, j, thresholds, mapper.maxBins);
    }
  }
  return tables;
}

/**
 * Sets the params of column j: the key (linear, or log-like: that costs about as much per value
 * as k/8 of the k thresholds sharing buckets) and the bucket range (from the key of the a-th
 * finite threshold to that of the b-th from the end, for a few a and b; keys outside go to the end
 * buckets) that leave the fewest thresholds sharing a bucket. Every choice bins alike; only the
 * speed differs.
 */
function chooseKey(tables: BinTables, j: number, thresholds: Float64Array): void {
  // Any positive finite scale keeps buckets in order; with fewer than two finite thresholds there
  // is no range to spread, and (x − 0) · 1 will do.
  tables.params.set([LINEAR, 0, 0, 1], 4 * j);
  const k = thresholds.length;
  const first = thresholds.findIndex(Number.isFinite);
  if (first < 0 || k - first < 2) return;
  const keys = new Float64Array(k);
  let best = Number.POSITIVE_INFINITY;
  for (const mode of [LINEAR, ABOVE, BELOW]) {
    const pivot = mode === BELOW ? thresholds[k - 1]! : thresholds[first]!;
    for (let i = 0; i < k; i++) keys[i] = keyOf(mode, pivot, thresholds[i]!);
    for (const [lowSkip, highSkip] of SKIPS as [number, number][]) {
      if (best === 0) return; // no threshold shares a linear bucket
      if ((mode === ABOVE && highSkip > 0) || (mode === BELOW && lowSkip > 0)) continue;
      const low = Math.min(first + lowSkip, k - 2);
      const high = Math.max(k - 1 - highSkip, low + 1);
      const scale = BUCKETS / (keys[high]! - keys[low]!);
      if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) continue;
      const cost = sharedBuckets(keys, keys[low]!, scale) + (mode === LINEAR ? 0 : k / 8);
      if (cost < best) {
        best = cost;
        tables.params.set([mode, pivot, keys[low]!, scale], 4 * j);
      }
    }
  }
}

/** Whether every threshold is ≤ the next (none is NaN). */
function increasing(thresholds: Float64Array): boolean {
  for (let i = 0; i < thresholds.length; i++)
    if (!(thresholds[i]! <= (thresholds[i + 1] ?? Number.POSITIVE_INFINITY))) return false;
  return true;
}

/** The number of (increasing) keys that share their bucket with another. */
function sharedBuckets(keys: Float64Array, origin: number, scale: number): number {
  let shared = 0;
  let run = 1;
  let previous = bucketOf(keys[0]!, origin, scale);
  for (let i = 1; i <= keys.length; i++) {
    const bucket = i < keys.length ? bucketOf(keys[i]!, origin, scale) : -1;
    if (bucket === previous) run++;
    else {
      if (run > 1) shared += run;
      run = 1;
      previous = bucket;
    }
  }
  return shared;
}

/** Entries and splits of column j, from its thresholds' buckets (the NaN slot: the missing bin). */
function fillEntries(tables: BinTables, j: number, thresholds: Float64Array, missingBin: number): void {
  const { entries, splits } = tables;
  entries[j * ROW + BUCKETS] = missingBin;
  splits[j * ROW + BUCKETS] = Number.POSITIVE_INFINITY;
  const { params } = tables;
  const mode = params[4 * j]!;
  if (mode === SEARCH) return;
  const bucket = (x: number) =>
    bucketOf(keyOf(mode, params[4 * j + 1]!, x), params[4 * j + 2]!, params[4 * j + 3]!);
  let i = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const below = i;
    while (i < thresholds.length && bucket(thresholds[i]!) === b) i++;
    entries[j * ROW + b] = i - below < 2 ? below : below | ((i - below) << 8);
    splits[j * ROW + b] = i - below === 1 ? thresholds[below]! : Number.POSITIVE_INFINITY;
  }
}

/** The key of x (monotone non-decreasing in x; NaN for NaN). */
function keyOf(mode: number, pivot: number, x: number): number {
  if (mode === LINEAR || Number.isNaN(x)) return x;
  scratch[0] = mode === ABOVE ? x - pivot : pivot - x;
  // A negative difference has its sign bit set: a negative word, below every non-negative one.
  return mode === ABOVE ? scratchWords[1]! : -scratchWords[1]!;
}

/** The bucket of a key: 0 … 1023, or 1024 for NaN. */
function bucketOf(key: number, origin: number, scale: number): number {
  const d = (key - origin) * scale;
  return d >= 0 ? (d < BUCKETS ? d | 0 : BUCKETS - 1) : d < 0 ? 0 : BUCKETS;
}

/**
 * The bin of x in numeric column j: the number of its thresholds < x (x goes to the first bin
 * whose bound is ≥ x), or the missing bin for NaN.
 *
 * @example
 * numericBin(binTables(mapper), 0, 0.7)
 */
export function numericBin(tables: BinTables, j: number, x: number): number {
  const { params } = tables;
  const mode = params[4 * j]!;
  let key = x;
  if (mode !== LINEAR) {
    if (mode === SEARCH)
      return Number.isNaN(x) ? tables.entries[j * ROW + BUCKETS]! : searchBin(tables.slots, j * SLOTS, x);
    key = keyOf(mode, params[4 * j + 1]!, x);
  }
  const slot = j * ROW + bucketOf(key, params[4 * j + 2]!, params[4 * j + 3]!);
  const entry = tables.entries[slot]!;
  if (entry < DENSE) return entry + +(tables.splits[slot]! < x);
  return denseBin(tables.slots, j * SLOTS + (entry & 255), entry >>> 8, x) + (entry & 255);
}

/**
 * The number of thresholds below x in the 256 sorted, +∞-padded slots at slots[t …]: a binary
 * search in eight fixed steps without branches (each step's direction is unpredictable).
 */
function searchBin(slots: Float64Array, t: number, x: number): number {
  let lo = t;
  lo += 128 & -+(slots[lo + 127]! < x);
  lo += 64 & -+(slots[lo + 63]! < x);
  lo += 32 & -+(slots[lo + 31]! < x);
  lo += 16 & -+(slots[lo + 15]! < x);
  lo += 8 & -+(slots[lo + 7]! < x);
  lo += 4 & -+(slots[lo + 3]! < x);
  lo += 2 & -+(slots[lo + 1]! < x);
  lo += 1 & -+(slots[lo]! < x);
  return lo - t;
}

/** The number of the `count` (≥ 2) sorted values at slots[start …] that are < x: a branchless binary search. */
function denseBin(slots: Float64Array, start: number, count: number, x: number): number {
  let base = start;
  let n = count;
  while (n > 1) {
    const half = n >>> 1;
    base += half & -+(slots[base + half]! < x);
    n -= half;
  }
  return base - start + +(slots[base]! < x);
}
