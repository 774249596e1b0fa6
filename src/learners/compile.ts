import { StacklearnError } from '../errors.js';
import { linearDecision } from './linear/linear-decision.js';
import type { LogisticRegressionState } from './logistic-regression.js';
import { getLearner } from './registry.js';
import { softmaxRowsInPlace } from './softmax-rows.js';
import { findLeaf, type TreeArrays } from './tree/tree-arrays.js';
import type { Classifier, Model, ModelInfo, Regressor, RowPredictFn, SavedModel } from './types.js';
import { checkPredictInput } from './validate.js';

/** A regressor's single-row prediction: the predicted value. */
export type RegressionRowPredictor = (row: Float64Array) => number;

/** A classifier's single-row prediction: the class probabilities, written into `out` when given. */
export type ClassificationRowPredictor = (row: Float64Array, out?: Float64Array) => Float64Array;

/** Either kind of single-row predictor. */
export type RowPredictor = (row: Float64Array, out?: Float64Array) => number | Float64Array;

/**
 * A single-row predictor for a model: takes one row (the feature values in the model's column
 * order, NaN for missing) and gives the same value as `model.predict` (regression) or the same
 * probabilities as `model.predictProba` (classification; written into `out` when given, else into
 * a new array). The row is checked as `predict` checks a matrix (length, missing and infinite
 * values), without allocating.
 *
 * How much it allocates depends on the learner (see rowPathOf): a learner's `rowPredictor` hook is
 * used when it gives one; decision trees and linear models (linearRegression, ridge, sgdRegressor,
 * logisticRegression) have a direct path here; pipelines of transformers with a row path, and
 * voting / ensembleSelection / stacking / blending, have one when all their parts do. These
 * allocate nothing (a classifier's output aside, when no `out` is given). Every other model is
 * predicted on a 1-row matrix over the row, which allocates what its `predict` allocates: at least
 * its output array; a pipeline also one matrix per transformer step, an ensemble its members' outputs.
 *
 * @example
 * const predictRow = compileRowPredictor(regressor);
 * predictRow(Float64Array.of(8, 307, 130, 3504, 12, 70, 2)); // 17.3
 * const proba = compileRowPredictor(classifier);
 * const out = new Float64Array(classifier.classes.length);
 * proba(row, out); // out holds the class probabilities
 */
export function compileRowPredictor(model: Regressor): RegressionRowPredictor;
export function compileRowPredictor(model: Classifier): ClassificationRowPredictor;
export function compileRowPredictor(model: Model): RowPredictor;
export function compileRowPredictor(model: Model): RowPredictor {
  const def = getLearner(model.kind);
  const { info, kind } = model;
  const cols = info.features.length;
  const allowMissing = def.handlesMissing === true;
  const predictRow = rowPathOf(model) ?? viaMatrix(model);
  const view = rowView(cols);
  const check = (row: Float64Array): void => {
    if (row.length !== cols) {
      const names = info.features.map((f) => f.name).join(', ');
      throw new StacklearnError(
        `${kind}: the model expects rows of ${cols} values (${names}); received ${row.length}`,
      );
    }
    view.data = row;
    checkPredictInput(view, info.features, kind, allowMissing);
  };
  if (model.task === 'regression') {
    const value = new Float64Array(1);
    return (row) => {
      check(row);
      predictRow(row, value);
      return value[0]!;
    };
  }
  const k = model.classes.length;
  return (row, out) => {
    check(row);
    if (out !== undefined && out.length < k) {
      throw new StacklearnError(
        `${kind}: out must hold ${k} probabilities (one per class); it has ${out.length}`,
      );
    }
    const target = out ?? new Float64Array(k);
    predictRow(row, target);
    return target;
  };
}

/**
 * The allocation-free row path of a model (or a saved one, e.g. an ensemble member or a pipeline's
 * estimator), or undefined when it has none: its learner's `rowPredictor` hook, else a direct path
 * of a built-in learner. The row is not checked: see checkedRowPathOf.
 *
 * @example
 * const path = rowPathOf(model); // undefined for e.g. bagging
 * path?.(row, out);
 */
export function rowPathOf(model: Model | SavedModel): RowPredictFn | undefined {
  const def = getLearner(model.kind);
  return (
    def.rowPredictor?.(model.state, model.info) ?? directRowPredictor(model.kind, model.state, model.info)
  );
}

/**
 * A child model's row path with the check its `predict` does on its input (missing and infinite
 * values, the same errors), for composites predicting row by row; undefined when it has no row
 * path. `inputChecked`: the row was already checked for these features (the parent's own input),
 * so a child that accepts missing values needs no second check.
 *
 * @example
 * const member = checkedRowPathOf(savedMember, true);
 */
export function checkedRowPathOf(model: Model | SavedModel, inputChecked = false): RowPredictFn | undefined {
  const path = rowPathOf(model);
  if (path === undefined) return undefined;
  const def = getLearner(model.kind);
  const allowMissing = def.handlesMissing === true;
  if (inputChecked && allowMissing) return path;
  const { features } = model.info;
  const view = rowView(features.length);
  return (row, out) => {
    view.data = row;
    checkPredictInput(view, features, def.kind, allowMissing);
    path(row, out);
  };
}

/** A 1-row matrix whose data is swapped for each row: the matrix functions run on rows without copies. */
function rowView(cols: number): { rows: number; cols: number; data: Float64Array } {
  return { rows: 1, cols, data: new Float64Array(cols) };
}

/** Any model, through its matrix `predict` on a 1-row view of the row (allocates its output). */
function viaMatrix(model: Model): RowPredictFn {
  const view = rowView(model.info.features.length);
  if (model.task === 'regression') {
    return (row, out) => {
      view.data = row;
      out[0] = model.predict(view)[0]!;
    };
  }
  return (row, out) => {
    view.data = row;
    out.set(model.predictProba(view).data);
  };
}

/** The allocation-free paths of built-in learners whose state allows one; undefined for the others. */
function directRowPredictor(kind: string, state: unknown, info: ModelInfo): RowPredictFn | undefined {
  switch (kind) {
    case 'decisionTree':
      return treeRow((state as { tree: TreeArrays }).tree);
    case 'linearRegression':
    case 'ridge':
    case 'sgdRegressor': {
      const { coef, intercept } = state as { coef: Float64Array; intercept: number };
      return linearRow(coef, Float64Array.of(intercept), info.features.length);
    }
    case 'logisticRegression':
      return logisticRow(state as LogisticRegressionState, info.features.length);
    default:
      return undefined;
  }
}

function treeRow(tree: TreeArrays): RowPredictFn {
  const k = tree.nOutputs;
  const { value } = tree;
  return (row, out) => {
    const leaf = findLeaf(tree, row, 0);
    for (let c = 0; c < k; c++) out[c] = value[leaf * k + c]!;
  };
}

function linearRow(coef: Float64Array, intercept: Float64Array, cols: number): RowPredictFn {
  const view = rowView(cols);
  return (row, out) => {
    view.data = row;
    linearDecision(view, coef, intercept, out);
  };
}

/** As logisticRegression's predictor, one row at a time. */
function logisticRow({ multiClass, coef, intercept }: LogisticRegressionState, cols: number): RowPredictFn {
  const k = intercept.length;
  const view = rowView(cols);
  if (k === 1) {
    const score = new Float64Array(1);
    return (row, out) => {
      view.data = row;
      linearDecision(view, coef, intercept, score);
      const p = sigmoid(score[0]!);
      out[0] = 1 - p;
      out[1] = p;
    };
  }
  if (multiClass === 'multinomial') {
    return (row, out) => {
      view.data = row;
      softmaxRowsInPlace(linearDecision(view, coef, intercept, out), 1, k);
    };
  }
  return (row, out) => {
    view.data = row;
    linearDecision(view, coef, intercept, out);
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const p = sigmoid(out[c]!);
      out[c] = p;
      sum += p;
    }
    for (let c = 0; c < k; c++) out[c]! /= sum;
  };
}

// The same formula as logisticRegression's, so that both paths give identical probabilities.
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
