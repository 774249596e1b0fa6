import { StacklearnError } from '../../errors.js';
import { type Random, shuffleInPlace } from '../../random.js';
import { type Batch, createGradientBuffers, lossAndGradients } from './backprop.js';
import { createWorkspace, layerViews, type NetworkShape } from './network.js';
import type { Optimizer } from './optimizer.js';

/** The rows a network is trained on (targets already encoded for the output layer). */
export interface TrainingSet {
  readonly rows: number;
  /** rows × inputs, row-major. */
  readonly X: Float64Array;
  /** rows × outputs, row-major. */
  readonly Y: Float64Array;
  readonly weight: Float64Array | null;
}

/** How to train, with scikit-learn's names; `batchSize` already resolved to 1 … rows. */
export interface TrainSettings {
  readonly alpha: number;
  readonly batchSize: number;
  readonly maxIter: number;
  readonly tol: number;
  readonly nIterNoChange: number;
  readonly shuffle: boolean;
  readonly dropout: number;
}

/** Seeded generators for the epoch shuffles and the dropout masks. */
export interface TrainRandom {
  readonly shuffle: Random;
  readonly dropout: Random;
}

/** What training produced. */
export interface TrainResult {
  /** The final parameters (with early stopping: those of the best validation score). */
  readonly params: Float64Array;
  /** The mean training loss of each epoch. */
  readonly lossCurve: Float64Array;
  /** The validation score of each epoch (early stopping only). */
  readonly validationScores: Float64Array | null;
  /** Epochs run. */
  readonly nIter: number;
  /** Whether training stopped because the loss (or score) stopped improving, rather than at maxIter. */
  readonly converged: boolean;
}

/**
 * Mini-batch training as scikit-learn's `_fit_stochastic`: each epoch shuffles the rows, takes a
 * step per batch, and records the mean loss. Training stops when the loss has not improved by
 * `tol` for more than `nIterNoChange` epochs — or, with a `validate` function (early stopping:
 * the current network's validation score), when that score has not — unless the optimiser adapts instead (sgd's 'adaptive'
 * schedule). A batch of total weight 0 is skipped. Never throws at maxIter; throws if the loss
 * becomes non-finite (the optimiser diverged).
 *
 * @example
 * const result = trainNetwork(shape, params, adam(params.length, settings), set, trainSettings, random, null);
 */
export function trainNetwork(
  shape: NetworkShape,
  params: Float64Array,
  optimizer: Optimizer,
  set: TrainingSet,
  settings: TrainSettings,
  random: TrainRandom,
  validate: (() => number) | null,
  onEpoch?: (epoch: number, loss: number) => void,
): TrainResult {
  const { rows: n, weight } = set;
  const { batchSize, maxIter, tol, nIterNoChange, alpha } = settings;
  const nIn = shape.sizes[0]!;
  const nOut = shape.sizes[shape.sizes.length - 1]!;
  const layers = layerViews(shape, params);
  const ws = createWorkspace(shape, batchSize, settings.dropout > 0);
  const grads = createGradientBuffers(shape, batchSize);
  const dropout = settings.dropout > 0 ? { rate: settings.dropout, random: random.dropout } : undefined;
  const X = new Float64Array(batchSize * nIn);
  const Y = new Float64Array(batchSize * nOut);
  const w = weight ? new Float64Array(batchSize) : null;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let totalWeight = n;
  if (weight) totalWeight = weight.reduce((sum, value) => sum + value, 0);

  const lossCurve: number[] = [];
  const scores: number[] = [];
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestScore = Number.NEGATIVE_INFINITY;
  const bestParams = validate ? params.slice() : null;
  let noImprovement = 0;
  let converged = false;
  let nIter = 0;
  for (let epoch = 0; epoch < maxIter; epoch++) {
    if (settings.shuffle) shuffleInPlace(order, random.shuffle);
    let accumulated = 0;
    for (let start = 0; start < n; start += batchSize) {
      const m = Math.min(batchSize, n - start);
      let weightSum = m;
      for (let r = 0; r < m; r++) {
        const i = order[start + r]!;
        X.set(set.X.subarray(i * nIn, (i + 1) * nIn), r * nIn);
        Y.set(set.Y.subarray(i * nOut, (i + 1) * nOut), r * nOut);
      }
      if (weight && w) {
        weightSum = 0;
        for (let r = 0; r < m; r++) {
          w[r] = weight[order[start + r]!]!;
          weightSum += w[r]!;
        }
        if (weightSum <= 0) continue;
      }
      const batch: Batch = { rows: m, X, Y, weight: w, weightSum };
      accumulated += lossAndGradients(shape, layers, ws, grads, batch, alpha, dropout) * weightSum;
      optimizer.update(params, grads.flat);
    }
    nIter++;
    const loss = accumulated / totalWeight;
    if (!Number.isFinite(loss)) {
      throw new StacklearnError(
        `mlp: the training loss became ${loss} at epoch ${nIter} (the solver diverged); ` +
          'standardise the inputs or lower learningRateInit',
      );
    }
    lossCurve.push(loss);
    onEpoch?.(nIter, loss);
    if (validate && bestParams) {
      const score = validate();
      scores.push(score);
      noImprovement = score < bestScore + tol ? noImprovement + 1 : 0;
      if (score > bestScore) {
        bestScore = score;
        bestParams.set(params);
      }
    } else {
      noImprovement = loss > bestLoss - tol ? noImprovement + 1 : 0;
      if (loss < bestLoss) bestLoss = loss;
    }
    optimizer.iterationEnds(nIter * n);
    if (noImprovement > nIterNoChange) {
      if (optimizer.triggerStopping()) {
        converged = true;
        break;
      }
      noImprovement = 0;
    }
  }
  return {
    params: bestParams ?? params,
    lossCurve: Float64Array.from(lossCurve),
    validationScores: validate ? Float64Array.from(scores) : null,
    nIter,
    converged,
  };
}
