import { trainTestSplit } from '../data/split.js';
import { subsetData } from '../data/subset.js';
import { StacklearnError } from '../errors.js';
import { accuracyScore } from '../metrics/classification.js';
import { r2Score } from '../metrics/regression.js';
import { createRandom, deriveSeed } from '../random.js';
import { argmaxRows } from './fit.js';
import type { Activation, OutputActivation } from './mlp/activations.js';
import { adam } from './mlp/adam.js';
import { glorotInit } from './mlp/glorot-init.js';
import { type MlpParams, mlpParams } from './mlp/mlp-params.js';
import {
  hasSkip,
  type Layer,
  layerViews,
  type NetworkShape,
  networkPredictor,
  networkRowPredictor,
  parameterCount,
} from './mlp/network.js';
import { sgd } from './mlp/sgd.js';
import { trainNetwork } from './mlp/train.js';
import type { LearnerDef, TrainingData } from './types.js';

export type { MlpParams } from './mlp/mlp-params.js';

/** What an MLP learned, and how its training went (scikit-learn's attribute names, in camelCase). */
interface MlpState {
  /** Units per layer: inputs, hidden layers, outputs. */
  readonly sizes: number[];
  readonly activation: Activation;
  readonly outActivation: OutputActivation;
  readonly residual: boolean;
  /** Per layer: fanIn × fanOut weights, row-major. */
  readonly coefs: Float64Array[];
  readonly intercepts: Float64Array[];
  /** Mean training loss per epoch. */
  readonly lossCurve: Float64Array;
  /** Validation score (R² or accuracy) per epoch, with early stopping; else null. */
  readonly validationScores: Float64Array | null;
  readonly nIter: number;
  /** True when training stopped on its tolerance rule rather than at maxIter. */
  readonly converged: boolean;
}

/**
 * A multi-layer perceptron, as scikit-learn's MLPRegressor / MLPClassifier (the task comes from
 * the data): Glorot-initialised dense layers trained by adam or sgd on mini-batches, with an
 * identity output and squared loss (regression), a logistic output (binary) or a softmax
 * (multiclass) with log loss. Extras: `dropout` on the hidden layers and `residual` connections.
 * Sample weights scale each row's term of the loss (a batch's loss is divided by its total weight,
 * as its row count when unweighted). The state keeps `lossCurve`, `validationScores`, `nIter` and
 * `converged`; reaching maxIter is not an error.
 *
 * @example
 * await fit({ kind: 'mlp', hiddenLayerSizes: [64, 64], earlyStopping: true, seed: 1 }, data)
 */
export const mlp: LearnerDef<MlpParams, MlpState> = {
  kind: 'mlp',
  summary: 'Multi-layer perceptron (neural network) trained with adam or sgd',
  tasks: ['regression', 'classification'],
  params: mlpParams,
  scaleSensitive: true,
  randomized: true,
  fit(params, data, context) {
    checkArchitecture(params);
    const outActivation: OutputActivation =
      data.task === 'regression' ? 'identity' : data.task === 'binary' ? 'logistic' : 'softmax';
    const nOut = data.task === 'multiclass' ? data.classes.length : 1;
    const shape: NetworkShape = {
      sizes: [data.X.cols, ...params.hiddenLayerSizes, nOut],
      activation: params.activation,
      output: outActivation,
      residual: params.residual,
    };
    const { train, validation } = holdOut(params, data);
    const flat = new Float64Array(parameterCount(shape.sizes));
    glorotInit(
      layerViews(shape, flat),
      params.activation === 'logistic',
      createRandom(deriveSeed(params.seed, 'init')),
    );
    const optimizer = params.solver === 'adam' ? adam(flat.length, params) : sgd(flat.length, params);
    const n = train.X.rows;
    const batchSize = params.batchSize === 'auto' ? Math.min(200, n) : Math.min(params.batchSize, n);
    const result = trainNetwork(
      shape,
      flat,
      optimizer,
      { rows: n, X: train.X.data, Y: encodeTargets(train), weight: train.sampleWeight ?? null },
      { ...params, batchSize },
      {
        shuffle: createRandom(deriveSeed(params.seed, 'shuffle')),
        dropout: createRandom(deriveSeed(params.seed, 'dropout')),
      },
      validation ? validationScorer(shape, layerViews(shape, flat), validation) : null,
      context.onProgress &&
        ((epoch, loss) => context.onProgress?.(epoch / params.maxIter, `epoch ${epoch}, loss ${loss}`)),
    );
    if (!result.params.every(Number.isFinite)) {
      throw new StacklearnError(
        'mlp: the solver produced non-finite weights; standardise the inputs or lower learningRateInit',
      );
    }
    const layers = layerViews(shape, result.params);
    return {
      sizes: [...shape.sizes],
      activation: params.activation,
      outActivation,
      residual: params.residual,
      coefs: layers.map((layer) => layer.coef.slice()),
      intercepts: layers.map((layer) => layer.intercept.slice()),
      lossCurve: result.lossCurve,
      validationScores: result.validationScores,
      nIter: result.nIter,
      converged: result.converged,
    };
  },
  predictor(state) {
    const { shape, layers } = networkOf(state);
    return networkPredictor(shape, layers);
  },
  rowPredictor(state) {
    const { shape, layers } = networkOf(state);
    return networkRowPredictor(shape, layers);
  },
};

/** The network of a fitted state: its shape and its layers. */
function networkOf(state: MlpState): { shape: NetworkShape; layers: Layer[] } {
  const shape: NetworkShape = {
    sizes: state.sizes,
    activation: state.activation,
    output: state.outActivation,
    residual: state.residual,
  };
  const layers: Layer[] = state.coefs.map((coef, l) => ({
    fanIn: state.sizes[l]!,
    fanOut: state.sizes[l + 1]!,
    coef,
    intercept: state.intercepts[l]!,
    skip: hasSkip(shape, l),
  }));
  return { shape, layers };
}

/** Residual connections join consecutive hidden layers, so they need two or more of one width. */
function checkArchitecture({ hiddenLayerSizes: sizes, residual }: MlpParams): void {
  if (!residual) return;
  if (sizes.length < 2) {
    throw new StacklearnError(
      `mlp: residual needs at least two hidden layers (skips join consecutive hidden layers); ` +
        `hiddenLayerSizes is ${JSON.stringify(sizes)}`,
    );
  }
  for (let l = 1; l < sizes.length; l++) {
    if (sizes[l] !== sizes[l - 1]) {
      throw new StacklearnError(
        `mlp: residual needs hidden layers of equal width; hiddenLayerSizes ${JSON.stringify(sizes)} has ` +
          `layer ${l} of ${sizes[l - 1]} units and layer ${l + 1} of ${sizes[l]}`,
      );
    }
  }
}

/** The training rows, and with early stopping the held-out validation rows (stratified by class). */
function holdOut(
  params: MlpParams,
  data: TrainingData,
): { train: TrainingData; validation: TrainingData | null } {
  if (!params.earlyStopping) return { train: data, validation: null };
  let split: { train: Uint32Array; test: Uint32Array };
  try {
    split = trainTestSplit(data.X.rows, {
      testSize: params.validationFraction,
      seed: deriveSeed(params.seed, 'validation'),
      stratify: data.task === 'regression' ? undefined : data.y,
    });
  } catch (error) {
    if (!(error instanceof StacklearnError)) throw error;
    throw new StacklearnError(
      `mlp: earlyStopping cannot hold out validationFraction ${params.validationFraction} of ` +
        `${data.X.rows} rows: ${error.message}`,
    );
  }
  return { train: subsetData(data, split.train), validation: subsetData(data, split.test) };
}

/** Targets as the output layer sees them: the value, the 0 / 1 code, or a one-hot row. */
function encodeTargets(data: TrainingData): Float64Array {
  if (data.task !== 'multiclass') return Float64Array.from(data.y);
  const k = data.classes.length;
  const Y = new Float64Array(data.y.length * k);
  for (let i = 0; i < data.y.length; i++) Y[i * k + data.y[i]!] = 1;
  return Y;
}

/**
 * R² (regression) or accuracy (classification) on the validation rows, weighted like training, of
 * the network as it is now (`layers` are views over the parameters being trained).
 */
function validationScorer(
  shape: NetworkShape,
  layers: readonly Layer[],
  validation: TrainingData,
): () => number {
  const predict = networkPredictor(shape, layers);
  return () => {
    const outputs = predict(validation.X);
    if (validation.task === 'regression') return r2Score(validation.y, outputs, validation.sampleWeight);
    const predicted = argmaxRows(outputs, validation.X.rows, validation.classes.length);
    return accuracyScore(validation.y, predicted, validation.sampleWeight);
  };
}
