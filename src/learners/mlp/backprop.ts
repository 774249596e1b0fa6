import { multiplyByDerivative } from './activations.js';
import { productTransposed, transposedProduct } from './dense.js';
import {
  type DropoutSetting,
  forward,
  type Layer,
  layerViews,
  type NetworkShape,
  parameterCount,
  type Workspace,
} from './network.js';

/** Rows to learn from: inputs, encoded targets, and optional row weights. */
export interface Batch {
  readonly rows: number;
  /** rows × inputs, row-major. */
  readonly X: Float64Array;
  /** rows × outputs (buffers may be longer): the target (regression), 0 / 1 (binary) or one-hot (multiclass). */
  readonly Y: Float64Array;
  /** Row weights, or null for all 1. */
  readonly weight: Float64Array | null;
  /** Σ weight (rows when unweighted); must be > 0. */
  readonly weightSum: number;
}

/** Gradient buffers in the layout of the parameters, plus the deltas of each layer. */
export interface GradientBuffers {
  /** All gradients, laid out as the flat parameters (see layerViews). */
  readonly flat: Float64Array;
  readonly layers: readonly Layer[];
  /** Per layer: dLoss / d(pre-activation), capacity × fanOut. */
  readonly delta: Float64Array[];
  /** Per hidden layer: dLoss / d(its output before dropout); aliases delta unless the layer has a skip. */
  readonly upstream: Float64Array[];
}

/** The smallest probability the log loss sees, as scikit-learn clips it (float64 machine epsilon). */
const EPSILON = 2.220446049250313e-16;

/**
 * The loss of a batch and its gradient with respect to every parameter (written to `grads.flat`):
 * scikit-learn's objective, ½·mean squared error (identity output) or mean log loss (logistic /
 * softmax output), plus α/2·‖W‖² over the weights (not the intercepts), both divided by the batch's
 * weight. Row weights scale each row's loss term.
 *
 * @example
 * const loss = lossAndGradients(shape, layers, workspace, grads, batch, 1e-4);
 */
export function lossAndGradients(
  shape: NetworkShape,
  layers: readonly Layer[],
  ws: Workspace,
  grads: GradientBuffers,
  batch: Batch,
  alpha: number,
  dropout?: DropoutSetting,
): number {
  const { rows: m, X, weightSum } = batch;
  const nLayers = layers.length;
  const output = forward(shape, layers, ws, X, m, dropout);
  let loss = outputLoss(shape, output, batch, grads.delta[nLayers - 1]!);
  let squares = 0;
  for (let l = nLayers - 1; l >= 0; l--) {
    const layer = layers[l]!;
    const { fanIn, fanOut, coef } = layer;
    const grad = grads.layers[l]!;
    const delta = grads.delta[l]!;
    const input = l === 0 ? X : ws.out[l - 1]!;
    transposedProduct(input, delta, grad.coef, m, fanIn, fanOut);
    for (let i = 0; i < coef.length; i++) {
      const w = coef[i]!;
      squares += w * w;
      grad.coef[i] = (grad.coef[i]! + alpha * w) / weightSum;
    }
    grad.intercept.fill(0);
    for (let r = 0; r < m; r++) for (let j = 0; j < fanOut; j++) grad.intercept[j]! += delta[r * fanOut + j]!;
    for (let j = 0; j < fanOut; j++) grad.intercept[j] = grad.intercept[j]! / weightSum;
    if (l === 0) break;
    const length = m * fanIn;
    const up = grads.upstream[l - 1]!;
    productTransposed(delta, coef, up, m, fanOut, fanIn);
    // A skip passes the gradient of this layer's output straight to its input.
    if (layer.skip) {
      const through = grads.upstream[l]!;
      for (let i = 0; i < length; i++) up[i]! += through[i]!;
    }
    if (dropout && ws.masks) {
      const mask = ws.masks[l - 1]!;
      for (let i = 0; i < length; i++) up[i] = up[i]! * mask[i]!;
    }
    const below = grads.delta[l - 1]!;
    if (below !== up) below.set(up.subarray(0, length));
    multiplyByDerivative(shape.activation, ws.post[l - 1]!, below, length);
  }
  loss += (0.5 * alpha * squares) / weightSum;
  return loss;
}

/**
 * The batch's data loss (divided by its weight) and the output deltas (prediction − target, times
 * the row weight): the gradient of each canonical pairing, identity + squared error, logistic +
 * binary log loss, softmax + log loss.
 */
function outputLoss(shape: NetworkShape, output: Float64Array, batch: Batch, delta: Float64Array): number {
  const { rows: m, Y, weight, weightSum } = batch;
  const n = shape.sizes[shape.sizes.length - 1]!;
  let loss = 0;
  for (let r = 0; r < m; r++) {
    const w = weight ? weight[r]! : 1;
    let rowLoss = 0;
    for (let j = 0; j < n; j++) {
      const p = output[r * n + j]!;
      const y = Y[r * n + j]!;
      delta[r * n + j] = (p - y) * w;
      if (shape.output === 'identity') {
        rowLoss += ((p - y) * (p - y)) / (2 * n);
      } else {
        const clipped = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
        if (y !== 0) rowLoss -= y * Math.log(clipped);
        if (shape.output === 'logistic' && y !== 1) rowLoss -= (1 - y) * Math.log(1 - clipped);
      }
    }
    loss += w * rowLoss;
  }
  return loss / weightSum;
}

/**
 * Gradient buffers for a network of this shape and batches of up to `capacity` rows.
 *
 * @example
 * const grads = createGradientBuffers(shape, 200);
 */
export function createGradientBuffers(shape: NetworkShape, capacity: number): GradientBuffers {
  const flat = new Float64Array(parameterCount(shape.sizes));
  const layers = layerViews(shape, flat);
  const delta = layers.map((layer) => new Float64Array(capacity * layer.fanOut));
  // A layer with a skip needs the gradient of its output kept apart from its deltas.
  const upstream = layers
    .slice(0, -1)
    .map((layer, l) => (layer.skip ? new Float64Array(capacity * layer.fanOut) : delta[l]!));
  return { flat, layers, delta, upstream };
}
