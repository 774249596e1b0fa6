import type { Matrix } from '../../data/matrix.js';
import { takeValues } from '../../data/matrix.js';
import { trainTestSplit } from '../../data/split.js';
import { StacklearnError } from '../../errors.js';
import { deriveSeed } from '../../random.js';
import type { Feature, TrainingData } from '../types.js';
import type { HgbParams } from './hgb-params.js';
import type { LossTarget } from './losses/loss.js';

/** Rows a loss is scored on: rows `rows` of X (all when absent) and their target. */
export interface ScoredRows {
  readonly X: Matrix;
  readonly rows: Uint32Array | undefined;
  readonly target: LossTarget;
}

/** The training rows, the validation rows and the feature kinds of one fit. */
export interface PreparedData {
  readonly X: Matrix;
  /** The training rows of X (all when absent). */
  readonly trainRows: Uint32Array | undefined;
  readonly nTrain: number;
  readonly isCategorical: Uint8Array;
  readonly target: LossTarget;
  readonly validation: ScoredRows | undefined;
  readonly earlyStopping: boolean;
}

/**
 * Decides early stopping ("auto": more than 10 000 rows, as scikit-learn) and the validation rows:
 * the given validation data, else with early stopping a seeded held-out fraction (stratified for
 * classification), else none (the training loss decides).
 *
 * @example
 * const { trainRows, validation } = prepareData(params, data, undefined);
 */
export function prepareData(
  params: HgbParams,
  data: TrainingData,
  validationData: TrainingData | undefined,
): PreparedData {
  const n = data.X.rows;
  const y = data.task === 'regression' ? data.y : Float64Array.from(data.y);
  const earlyStopping = params.earlyStopping === 'auto' ? n > 10_000 : params.earlyStopping;
  const isCategorical = categoricalMask(data.features, params.categoricalFeatures);
  const base = { X: data.X, isCategorical, earlyStopping };
  if (validationData) {
    checkValidationData(data, validationData);
    const vy = validationData.task === 'regression' ? validationData.y : Float64Array.from(validationData.y);
    return {
      ...base,
      trainRows: undefined,
      nTrain: n,
      target: { y, sampleWeight: data.sampleWeight },
      validation: {
        X: validationData.X,
        rows: undefined,
        target: { y: vy, sampleWeight: validationData.sampleWeight },
      },
    };
  }
  if (!earlyStopping || params.validationFraction === null) {
    return {
      ...base,
      trainRows: undefined,
      nTrain: n,
      target: { y, sampleWeight: data.sampleWeight },
      validation: undefined,
    };
  }
  const { train, test } = trainTestSplit(n, {
    testSize: params.validationFraction,
    seed: deriveSeed(params.seed, 'validation'),
    stratify: data.task === 'regression' ? undefined : data.y,
  });
  const part = (rows: Uint32Array): LossTarget => ({
    y: takeValues(y, rows),
    sampleWeight: data.sampleWeight && takeValues(data.sampleWeight, rows),
  });
  return {
    ...base,
    trainRows: train,
    nTrain: train.length,
    target: part(train),
    validation: { X: data.X, rows: test, target: part(test) },
  };
}

/** Levels a categorical column may have for native categorical splits. */
const MAX_LEVELS = 255;

/** 1 for the columns that get categorical splits; checks their level counts. */
function categoricalMask(features: readonly Feature[], mode: 'auto' | 'none'): Uint8Array {
  const mask = new Uint8Array(features.length);
  if (mode === 'none') return mask;
  features.forEach((feature, j) => {
    if (feature.kind !== 'categorical') return;
    const levels = feature.levels?.length ?? 0;
    if (levels > MAX_LEVELS) {
      throw new StacklearnError(
        `histGradientBoosting: categorical column "${feature.name}" has ${levels} levels; at most ` +
          `${MAX_LEVELS} are supported (encode it, or set categoricalFeatures: "none")`,
      );
    }
    mask[j] = 1;
  });
  return mask;
}

function checkValidationData(data: TrainingData, validation: TrainingData): void {
  if (validation.X.cols !== data.X.cols) {
    throw new StacklearnError(
      `histGradientBoosting: validationData has ${validation.X.cols} columns; the training data has ${data.X.cols}`,
    );
  }
  if (validation.task !== data.task) {
    throw new StacklearnError(
      `histGradientBoosting: validationData is ${validation.task}; the training data is ${data.task}`,
    );
  }
  if (data.task !== 'regression' && validation.task !== 'regression') {
    if (validation.classes.join('\u0000') !== data.classes.join('\u0000')) {
      throw new StacklearnError(
        `histGradientBoosting: validationData has classes ${JSON.stringify(validation.classes)}; ` +
          `the training data has ${JSON.stringify(data.classes)}`,
      );
    }
  }
}
