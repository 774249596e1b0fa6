import type { Matrix } from '../../data/matrix.js';
import { range } from '../../data/matrix.js';
import { StacklearnError } from '../../errors.js';
import { type Random, shuffleInPlace } from '../../random.js';
import type { SgdLoss } from './sgd-losses.js';

/** Everything the SGD loop needs, already validated. */
export interface SgdSettings {
  readonly loss: SgdLoss;
  readonly penalty: 'l2' | 'l1' | 'elasticnet' | null;
  readonly alpha: number;
  readonly l1Ratio: number;
  readonly fitIntercept: boolean;
  readonly maxIter: number;
  /** Stop when the epoch loss fails to improve by tol · n for nIterNoChange epochs; null: never. */
  readonly tol: number | null;
  readonly nIterNoChange: number;
  readonly shuffle: boolean;
  readonly learningRate: 'constant' | 'optimal' | 'invscaling' | 'adaptive';
  readonly eta0: number;
  readonly powerT: number;
  /** Average the iterates from this update on (1 = all); 0: no averaging. */
  readonly average: number;
  readonly random: Random;
}

export interface SgdResult {
  readonly coef: Float64Array;
  readonly intercept: number;
  /** Epochs run. */
  readonly nIter: number;
}

// Below this the scale factor of w is folded back into w (scikit-learn's WeightVector does the same).
const minScale = 1e-9;
const maxDloss = 1e12;

/**
 * scikit-learn's `_plain_sgd` for regression: one pass over the (shuffled) rows per epoch, each
 * row a step of −eta · dloss · sampleWeight on w and the intercept; the L2 part of the penalty as a
 * multiplicative shrink of w (kept as a separate scale factor, so a step costs O(features)), the L1
 * part by truncated gradient with cumulative penalties (Tsuruoka et al., 2009). With `average`, the
 * result is the running mean of the iterates (ASGD).
 *
 * @example
 * const { coef, intercept } = plainSgd(X, y, undefined, {
 *   loss: sgdLoss('squared_error', 0.1), penalty: 'l2', alpha: 1e-4, l1Ratio: 0.15, fitIntercept: true,
 *   maxIter: 1000, tol: 1e-3, nIterNoChange: 5, shuffle: true, learningRate: 'invscaling', eta0: 0.01,
 *   powerT: 0.25, average: 0, random: createRandom(0),
 * });
 */
export function plainSgd(
  X: Matrix,
  y: Float64Array,
  sampleWeight: Float64Array | undefined,
  settings: SgdSettings,
): SgdResult {
  const { rows, cols, data } = X;
  const { loss, penalty, alpha, fitIntercept, learningRate, eta0, powerT, average } = settings;
  const l1Ratio = penalty === 'l2' ? 0 : penalty === 'l1' ? 1 : settings.l1Ratio;
  const shrinks = penalty === 'l2' || penalty === 'elasticnet';
  const truncates = penalty === 'l1' || penalty === 'elasticnet';
  const w = new Float64Array(cols);
  let scale = 1;
  let intercept = 0;
  const averaged = new Float64Array(average > 0 ? cols : 0);
  let averagedIntercept = 0;
  // Truncated-gradient bookkeeping: u is the total L1 penalty so far, q what each weight received.
  const q = new Float64Array(truncates ? cols : 0);
  let u = 0;
  let eta = eta0;
  // 'optimal': eta = 1 / (alpha · (t₀ + t − 1)), t₀ chosen so the first step is 1 / √√alpha-sized.
  const typicalWeight = Math.sqrt(1 / Math.sqrt(alpha));
  const optimalInit = 1 / (typicalWeight * alpha);
  const order = range(rows);
  // One long function on purpose: the per-row step below is the hot loop, kept inline and allocation-free.
  let t = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  let noImprovement = 0;
  let epoch = 0;
  while (epoch < settings.maxIter) {
    epoch++;
    if (settings.shuffle) shuffleInPlace(order, settings.random);
    let sumLoss = 0;
    for (let n = 0; n < rows; n++) {
      const i = order[n]!;
      const x = i * cols;
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += w[j]! * data[x + j]!;
      const p = dot * scale + intercept;
      if (learningRate === 'optimal') eta = 1 / (alpha * (optimalInit + t - 1));
      else if (learningRate === 'invscaling') eta = eta0 / t ** powerT;
      const target = y[i]!;
      sumLoss += loss.loss(p, target);
      const dloss = Math.min(maxDloss, Math.max(-maxDloss, loss.dloss(p, target)));
      const update = -eta * dloss * (sampleWeight ? sampleWeight[i]! : 1);
      if (shrinks) {
        scale *= Math.max(0, 1 - (1 - l1Ratio) * eta * alpha);
        if (scale < minScale) {
          for (let j = 0; j < cols; j++) w[j]! *= scale;
          scale = 1;
        }
      }
      if (update !== 0) {
        const step = update / scale;
        for (let j = 0; j < cols; j++) w[j]! += step * data[x + j]!;
        if (fitIntercept) intercept += update;
      }
      if (truncates) {
        u += l1Ratio * eta * alpha;
        for (let j = 0; j < cols; j++) {
          const z = w[j]!;
          if (z > 0) w[j] = Math.max(0, z - (u + q[j]!) / scale);
          else if (z < 0) w[j] = Math.min(0, z + (u - q[j]!) / scale);
          q[j]! += scale * (w[j]! - z);
        }
      }
      if (average > 0 && average <= t) {
        const count = t - average + 1;
        for (let j = 0; j < cols; j++) averaged[j]! += (w[j]! * scale - averaged[j]!) / count;
        averagedIntercept += (intercept - averagedIntercept) / count;
      }
      t++;
    }
    if (!Number.isFinite(intercept) || !w.every(Number.isFinite) || !Number.isFinite(scale)) {
      throw new StacklearnError(
        `sgdRegressor: the weights overflowed at epoch ${epoch}; standardise the inputs ` +
          '(a standardScaler in a pipeline) or lower eta0',
      );
    }
    if (settings.tol !== null && sumLoss > bestLoss - settings.tol * rows) noImprovement++;
    else noImprovement = 0;
    if (sumLoss < bestLoss) bestLoss = sumLoss;
    if (noImprovement >= settings.nIterNoChange) {
      if (learningRate === 'adaptive' && eta > 1e-6) {
        eta /= 5;
        noImprovement = 0;
      } else {
        break;
      }
    }
  }
  // As scikit-learn: the average only once it has started (t − 1 updates were made).
  if (average > 0 && average <= t - 1) return { coef: averaged, intercept: averagedIntercept, nIter: epoch };
  for (let j = 0; j < cols; j++) w[j]! *= scale;
  return { coef: w, intercept, nIter: epoch };
}
