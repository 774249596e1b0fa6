import { StacklearnError } from '../errors.js';
import { createRandom, type Random, shuffleInPlace } from '../random.js';
import { range } from './matrix.js';

/** How `trainTestSplit` splits. */
export interface SplitOptions {
  /** A fraction of the rows in (0, 1) (rounded up, as scikit-learn does), or a row count ≥ 1. */
  readonly testSize: number;
  readonly seed: number;
  /** Class codes, one per row: keep each class's proportion in both parts. */
  readonly stratify?: Int32Array;
}

/**
 * Seeded train / test row indices (each sorted ascending). With `stratify`, every class keeps its
 * share in both parts, and each class with at least two rows appears in both.
 *
 * @example
 * const { train, test } = trainTestSplit(data.X.rows, { testSize: 0.25, seed: 0, stratify: data.y });
 * const trainData = subsetData(data, train);
 */
export function trainTestSplit(n: number, options: SplitOptions): { train: Uint32Array; test: Uint32Array } {
  const nTest = testCount(n, options.testSize);
  const random = createRandom(options.seed);
  const inTest = new Uint8Array(n);
  if (options.stratify) stratifiedTest(options.stratify, n, nTest, random, inTest);
  else {
    const order = shuffleInPlace(range(n), random);
    for (let i = 0; i < nTest; i++) inTest[order[i]!] = 1;
  }
  const train = new Uint32Array(n - nTest);
  const test = new Uint32Array(nTest);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (inTest[i]) test[b++] = i;
    else train[a++] = i;
  }
  return { train, test };
}

function testCount(n: number, testSize: number): number {
  if (!Number.isInteger(n) || n < 2) {
    throw new StacklearnError(`trainTestSplit: needs at least 2 rows to split; received ${n}`);
  }
  if (typeof testSize !== 'number' || !Number.isFinite(testSize) || testSize <= 0) {
    throw new StacklearnError(
      `trainTestSplit: testSize must be a fraction in (0, 1) or a row count ≥ 1; received ${testSize}`,
    );
  }
  if (testSize < 1) {
    const count = Math.ceil(testSize * n);
    if (count >= n) {
      throw new StacklearnError(`trainTestSplit: testSize ${testSize} of ${n} rows leaves no training rows`);
    }
    return count;
  }
  if (!Number.isInteger(testSize)) {
    throw new StacklearnError(
      `trainTestSplit: testSize must be a fraction in (0, 1) or a whole row count; received ${testSize}`,
    );
  }
  if (testSize >= n) {
    throw new StacklearnError(
      `trainTestSplit: testSize ${testSize} must be smaller than the number of rows (${n})`,
    );
  }
  return testSize;
}

/** Marks the test rows: each class's test count by largest remainder, then random rows within it. */
function stratifiedTest(y: Int32Array, n: number, nTest: number, random: Random, inTest: Uint8Array): void {
  if (y.length !== n) {
    throw new StacklearnError(`trainTestSplit: stratify has ${y.length} values for ${n} rows`);
  }
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const rows = byClass.get(y[i]!);
    if (rows) rows.push(i);
    else byClass.set(y[i]!, [i]);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const k = classes.length;
  if (nTest < k || n - nTest < k) {
    throw new StacklearnError(
      `trainTestSplit: a stratified split of ${k} classes needs at least ${k} test and ${k} training rows; ` +
        `received ${nTest} test and ${n - nTest} training rows (change testSize)`,
    );
  }
  const counts = classes.map((c) => byClass.get(c)!.length);
  const quotas = allocate(counts, n, nTest);
  classes.forEach((c, index) => {
    const rows = shuffleInPlace(Int32Array.from(byClass.get(c)!), random);
    for (let i = 0; i < quotas[index]!; i++) inTest[rows[i]!] = 1;
  });
}

/**
 * Test rows per class: proportional (largest remainder, ties to the smaller class code), kept in
 * [1, count - 1] for classes with two rows or more so that they land in both parts.
 */
function allocate(counts: readonly number[], n: number, nTest: number): Int32Array {
  const k = counts.length;
  const exact = counts.map((count) => (count * nTest) / n);
  const lower = counts.map((count) => (count >= 2 ? 1 : 0));
  const upper = counts.map((count) => (count >= 2 ? count - 1 : count));
  const quotas = Int32Array.from(exact, (e, c) => Math.min(upper[c]!, Math.max(lower[c]!, Math.floor(e))));
  let total = quotas.reduce((s, q) => s + q, 0);
  // The checks on nTest and n - nTest guarantee room: sum(lower) ≤ nTest ≤ sum(upper).
  while (total !== nTest) {
    const grow = total < nTest;
    let best = -1;
    for (let c = 0; c < k; c++) {
      if (grow ? quotas[c]! >= upper[c]! : quotas[c]! <= lower[c]!) continue;
      const gap = exact[c]! - quotas[c]!;
      const bestGap = best < 0 ? 0 : exact[best]! - quotas[best]!;
      if (best < 0 || (grow ? gap > bestGap : gap < bestGap)) best = c;
    }
    quotas[best]! += grow ? 1 : -1;
    total += grow ? 1 : -1;
  }
  return quotas;
}
