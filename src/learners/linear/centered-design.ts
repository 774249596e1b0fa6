import type { Matrix } from '../../data/matrix.js';
import { StacklearnError } from '../../errors.js';

/**
 * A least-squares problem as scikit-learn's linear models set it up: X and y centred on their
 * weighted means (when fitting an intercept), then each row scaled by √wᵢ, so that ordinary least
 * squares on (a, b) is weighted least squares on (X, y) and the intercept is left unpenalised.
 */
export interface CenteredDesign {
  /** The prepared X, column-major rows × cols (the layout the QR and Gram products want). */
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** The weighted column means (zeros without an intercept). */
  readonly xOffset: Float64Array;
  readonly yOffset: number;
}

/**
 * Prepares weighted, centred least squares; the intercept afterwards is `interceptFor(design, coef)`.
 *
 * @example
 * const design = centeredDesign('ridge', data.X, data.y, data.sampleWeight, true);
 */
export function centeredDesign(
  kind: string,
  X: Matrix,
  y: Float64Array,
  sampleWeight: Float64Array | undefined,
  fitIntercept: boolean,
): CenteredDesign {
  const { rows, cols, data } = X;
  const xOffset = new Float64Array(cols);
  let yOffset = 0;
  if (fitIntercept) {
    const total = totalWeight(kind, sampleWeight, rows);
    for (let i = 0; i < rows; i++) {
      const w = sampleWeight ? sampleWeight[i]! / total : 1 / total;
      yOffset += w * y[i]!;
      for (let j = 0; j < cols; j++) xOffset[j]! += w * data[i * cols + j]!;
    }
  }
  const a = new Float64Array(rows * cols);
  const b = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const root = sampleWeight ? Math.sqrt(sampleWeight[i]!) : 1;
    b[i] = root * (y[i]! - yOffset);
    for (let j = 0; j < cols; j++) a[j * rows + i] = root * (data[i * cols + j]! - xOffset[j]!);
  }
  return { a, b, xOffset, yOffset };
}

/**
 * The intercept that goes with coefficients fitted on a centred design: ȳ − x̄·coef.
 *
 * @example
 * interceptFor(design, coef) // 0 when the design was not centred
 */
export function interceptFor(design: CenteredDesign, coef: Float64Array): number {
  let intercept = design.yOffset;
  for (let j = 0; j < coef.length; j++) intercept -= design.xOffset[j]! * coef[j]!;
  return intercept;
}

/**
 * The sum of the sample weights (the row count without weights); refuses a zero total, which
 * leaves nothing to fit.
 *
 * @example
 * totalWeight('ridge', Float64Array.of(1, 2), 2) // 3
 */
export function totalWeight(kind: string, sampleWeight: Float64Array | undefined, rows: number): number {
  if (!sampleWeight) return rows;
  let total = 0;
  for (let i = 0; i < rows; i++) total += sampleWeight[i]!;
  if (!(total > 0)) {
    throw new StacklearnError(`${kind}: sampleWeight sums to ${total}; at least one row needs a weight > 0`);
  }
  return total;
}
