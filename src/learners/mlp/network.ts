import type { Random } from '../../random.js';
import { softmaxRowsInPlace } from '../softmax-rows.js';
import { type Activation, activateInPlace, logisticInPlace, type OutputActivation } from './activations.js';
import { affine } from './dense.js';

/** The architecture of a multi-layer perceptron. */
export interface NetworkShape {
  /** Units per layer: the inputs, each hidden layer, the outputs. */
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly output: OutputActivation;
  /** Skip connections h ← f(W·h + b) + h between consecutive hidden layers (of equal width). */
  readonly residual: boolean;
}

/** One weight layer: its weights (fanIn × fanOut, row-major, as scikit-learn's `coefs_[l]`) and intercepts. */
export interface Layer {
  readonly fanIn: number;
  readonly fanOut: number;
  readonly coef: Float64Array;
  readonly intercept: Float64Array;
  /** The layer adds its input to its activated output (a residual connection). */
  readonly skip: boolean;
}

/**
 * The number of weights and intercepts of a network with these layer sizes.
 *
 * @example
 * parameterCount([4, 10, 3]) // 4·10 + 10 + 10·3 + 3 = 83
 */
export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 0; l + 1 < sizes.length; l++) count += (sizes[l]! + 1) * sizes[l + 1]!;
  return count;
}

/**
 * The layers as views over one flat array (per layer: its weights, then its intercepts), so an
 * optimiser updates every parameter in one loop and gradients share the layout.
 *
 * @example
 * const layers = layerViews(shape, new Float64Array(parameterCount(shape.sizes)));
 */
export function layerViews(shape: NetworkShape, flat: Float64Array): Layer[] {
  const layers: Layer[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < shape.sizes.length; l++) {
    const fanIn = shape.sizes[l]!;
    const fanOut = shape.sizes[l + 1]!;
    const coef = flat.subarray(offset, offset + fanIn * fanOut);
    offset += fanIn * fanOut;
    const intercept = flat.subarray(offset, offset + fanOut);
    offset += fanOut;
    layers.push({ fanIn, fanOut, coef, intercept, skip: hasSkip(shape, l) });
  }
  return layers;
}

/** Whether weight layer `l` (0-based) has a residual connection: hidden layers after the first. */
export function hasSkip(shape: NetworkShape, l: number): boolean {
  return shape.residual && l >= 1 && l + 2 < shape.sizes.length;
}

/** Buffers for passing up to `capacity` rows through a network, reused from batch to batch. */
export interface Workspace {
  readonly capacity: number;
  /** Per layer: its activated values f(W·h + b) (for the last layer, the network's outputs). */
  readonly post: Float64Array[];
  /** Per layer: what it passes on (post, plus the skip, times the dropout mask); aliases post when neither applies. */
  readonly out: Float64Array[];
  /** Per hidden layer: the dropout mask, 0 or 1 / (1 − rate) (null without dropout). */
  readonly masks: Float64Array[] | null;
  /** Scratch for the indices of a row's nonzero inputs (see affine). */
  readonly nonzero: Int32Array;
}

/**
 * Buffers for `capacity` rows; with `dropout`, room for the masks of the hidden layers.
 *
 * @example
 * const workspace = createWorkspace(shape, 200, false);
 */
export function createWorkspace(shape: NetworkShape, capacity: number, dropout: boolean): Workspace {
  const nLayers = shape.sizes.length - 1;
  const post: Float64Array[] = [];
  const out: Float64Array[] = [];
  const masks: Float64Array[] = [];
  for (let l = 0; l < nLayers; l++) {
    const size = capacity * shape.sizes[l + 1]!;
    const p = new Float64Array(size);
    post.push(p);
    const hidden = l + 1 < nLayers;
    out.push(hidden && (dropout || hasSkip(shape, l)) ? new Float64Array(size) : p);
    if (hidden && dropout) masks.push(new Float64Array(size));
  }
  const nonzero = new Int32Array(Math.max(...shape.sizes));
  return { capacity, post, out, masks: dropout ? masks : null, nonzero };
}

/** Dropout during training: the rate and the generator of the masks. */
export interface DropoutSetting {
  readonly rate: number;
  readonly random: Random;
}

/**
 * Passes `m` rows of `input` (m × inputs, row-major) through the network and returns the buffer
 * holding the outputs (m × outputs; rows beyond m are stale). With `dropout`, fresh masks zero each
 * hidden unit with probability `rate` and scale the others by 1 / (1 − rate) (inverted dropout).
 *
 * @example
 * const outputs = forward(shape, layers, workspace, X.data, X.rows);
 */
export function forward(
  shape: NetworkShape,
  layers: readonly Layer[],
  ws: Workspace,
  input: Float64Array,
  m: number,
  dropout?: DropoutSetting,
): Float64Array {
  const nLayers = layers.length;
  let h = input;
  for (let l = 0; l < nLayers; l++) {
    const layer = layers[l]!;
    const post = ws.post[l]!;
    affine(h, layer.coef, layer.intercept, post, m, layer.fanIn, layer.fanOut, ws.nonzero);
    const length = m * layer.fanOut;
    if (l + 1 === nLayers) {
      if (shape.output === 'logistic') logisticInPlace(post, length);
      else if (shape.output === 'softmax') softmaxRowsInPlace(post, m, layer.fanOut);
      return post;
    }
    activateInPlace(shape.activation, post, length);
    const out = ws.out[l]!;
    if (layer.skip) for (let i = 0; i < length; i++) out[i] = post[i]! + h[i]!;
    if (dropout && ws.masks) {
      const mask = ws.masks[l]!;
      const keep = 1 / (1 - dropout.rate);
      const from = layer.skip ? out : post;
      for (let i = 0; i < length; i++) {
        const scale = dropout.random.next() < dropout.rate ? 0 : keep;
        mask[i] = scale;
        out[i] = from[i]! * scale;
      }
    } else if (out !== post && !layer.skip) {
      out.set(post.subarray(0, length));
    }
    h = out;
  }
  return h;
}

/** Rows per forward pass at prediction time (buffers are allocated once per model). */
const PREDICT_ROWS = 256;

/**
 * A prediction function over these layers: one value per row (identity output), or one row of
 * class probabilities per row — [1 − p, p] for a logistic output, the softmax otherwise. The
 * layers may be views that training keeps updating (validation scores use this).
 *
 * @example
 * const predict = networkPredictor(shape, layers);
 * predict(X) // rows × classes, row-major
 */
export function networkPredictor(
  shape: NetworkShape,
  layers: readonly Layer[],
): (X: { rows: number; cols: number; data: Float64Array }) => Float64Array {
  const nOut = shape.sizes[shape.sizes.length - 1]!;
  const binary = shape.output === 'logistic';
  let ws: Workspace | undefined;
  return (X) => {
    ws ??= createWorkspace(shape, PREDICT_ROWS, false);
    const width = binary ? 2 : nOut;
    const out = new Float64Array(X.rows * width);
    for (let start = 0; start < X.rows; start += PREDICT_ROWS) {
      const m = Math.min(PREDICT_ROWS, X.rows - start);
      const input = X.data.subarray(start * X.cols, (start + m) * X.cols);
      const result = forward(shape, layers, ws, input, m);
      if (!binary) {
        out.set(result.subarray(0, m * nOut), start * nOut);
        continue;
      }
      for (let r = 0; r < m; r++) {
        out[(start + r) * 2] = 1 - result[r]!;
        out[(start + r) * 2 + 1] = result[r]!;
      }
    }
    return out;
  };
}

/**
 * The single-row form of networkPredictor: one row through the network into `out` (the value, or
 * the class probabilities), with buffers allocated once, so a call allocates nothing.
 *
 * @example
 * const predictRow = networkRowPredictor(shape, layers);
 * predictRow(row, out);
 */
export function networkRowPredictor(
  shape: NetworkShape,
  layers: readonly Layer[],
): (row: Float64Array, out: Float64Array) => void {
  const nOut = shape.sizes[shape.sizes.length - 1]!;
  const binary = shape.output === 'logistic';
  const ws = createWorkspace(shape, 1, false);
  return (row, out) => {
    const result = forward(shape, layers, ws, row, 1);
    if (binary) {
      out[0] = 1 - result[0]!;
      out[1] = result[0]!;
      return;
    }
    for (let c = 0; c < nOut; c++) out[c] = result[c]!;
  };
}
