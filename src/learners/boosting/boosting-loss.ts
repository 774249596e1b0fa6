/** The losses gradient boosting minimises, with scikit-learn's names. */
export type LossName = 'squared_error' | 'absolute_error' | 'huber' | 'quantile' | 'log_loss';

/** What a loss is evaluated against: the target (class codes as numbers for classification) and row weights. */
export interface LossTarget {
  readonly y: Float64Array;
  /** Absent: every row weighs 1. */
  readonly sampleWeight: Float64Array | undefined;
}

/**
 * One gradient-boosting loss, as scikit-learn's `_gb_losses`. Raw scores are rows × nOutputs,
 * row-major; every method reads only the rows it is given.
 *
 * @example
 * const loss = squaredError();
 * const raw = new Float64Array(n).fill(loss.initRaw(target)[0]!);
 * loss.negativeGradient(target, raw, 0, rows, residual); // residual[r] = y[r] - raw[r]
 */
export interface BoostingLoss {
  /** Raw scores per row, and trees per boosting stage: 1, or the number of classes (multinomial). */
  readonly nOutputs: number;
  /** The constant raw scores that minimise the loss over all rows (the initial model). */
  initRaw(target: LossTarget): Float64Array;
  /** The negative gradient of raw score `k` into out[r], for each r in rows (the trees' target). */
  negativeGradient(
    target: LossTarget,
    raw: Float64Array,
    k: number,
    rows: Uint32Array,
    out: Float64Array,
  ): void;
  /**
   * The value of a leaf holding rows[start … end): one line-search step on the loss (scikit-learn's
   * `_update_terminal_region`). Absent when the tree's leaf value, the weighted mean of the negative
   * gradient, is already the minimiser (squared error).
   */
  leafValue?(
    target: LossTarget,
    raw: Float64Array,
    k: number,
    residual: Float64Array,
    rows: Uint32Array,
    start: number,
    end: number,
  ): number;
  /** The weighted mean loss over `rows`. */
  value(target: LossTarget, raw: Float64Array, rows: Uint32Array): number;
}

/**
 * The weight of row r (1 without weights).
 *
 * @example
 * weightOf(undefined, 3) // 1
 */
export function weightOf(sampleWeight: Float64Array | undefined, r: number): number {
  return sampleWeight ? sampleWeight[r]! : 1;
}

/**
 * The weights of rows[start … end) as an array, or undefined without weights.
 *
 * @example
 * weightsOf(Float64Array.of(1, 2, 3), Uint32Array.of(2, 0), 0, 2) // Float64Array [3, 1]
 */
export function weightsOf(
  sampleWeight: Float64Array | undefined,
  rows: Uint32Array,
  start: number,
  end: number,
): Float64Array | undefined {
  if (!sampleWeight) return undefined;
  const out = new Float64Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = sampleWeight[rows[i]!]!;
  return out;
}

/**
 * y − raw over rows[start … end), as a new array (regression: one raw score per row).
 *
 * @example
 * differences(Float64Array.of(5, 7), Float64Array.of(1, 1), Uint32Array.of(1, 0), 0, 2) // [6, 4]
 */
export function differences(
  y: Float64Array,
  raw: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
): Float64Array {
  const out = new Float64Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = y[rows[i]!]! - raw[rows[i]!]!;
  return out;
}
