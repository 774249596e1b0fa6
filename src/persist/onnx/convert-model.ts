import { StacklearnError } from '../../errors.js';
import type { SavedModel } from '../../learners/types.js';
import { convertBagging } from './bagging.js';
import { convertGradientBoosting } from './boosting.js';
import type { ConvertContext, LearnerConverter, TransformerConverter } from './converter.js';
import { convertDummy } from './dummy.js';
import { convertOneHotEncoder, convertOrdinalEncoder } from './encoders.js';
import { convertForest } from './forest.js';
import type { GraphBuilder } from './graph-builder.js';
import { convertHistGradientBoosting } from './hist-boosting.js';
import { convertSimpleImputer } from './imputer.js';
import { convertLinearRegressor } from './linear.js';
import { convertLogisticRegression } from './logistic.js';
import { convertMlp } from './mlp.js';
import { convertBernoulliNB, convertGaussianNB, convertMultinomialNB } from './naive-bayes.js';
import { convertPipeline } from './pipeline.js';
import { convertStandardScaler } from './scaler.js';
import { convertStack } from './stacking.js';
import { convertSvc } from './svc.js';
import { convertSvr } from './svr.js';
import { convertDecisionTree } from './tree.js';
import { convertWeightedMembers } from './voting.js';

/** The learner kinds that export, and how. */
export const learnerConverters: Readonly<Record<string, LearnerConverter>> = {
  dummy: convertDummy,
  linearRegression: convertLinearRegressor,
  ridge: convertLinearRegressor,
  sgdRegressor: convertLinearRegressor,
  logisticRegression: convertLogisticRegression,
  mlp: convertMlp,
  gaussianNB: convertGaussianNB,
  multinomialNB: convertMultinomialNB,
  bernoulliNB: convertBernoulliNB,
  svr: convertSvr,
  svc: convertSvc,
  decisionTree: convertDecisionTree,
  randomForest: convertForest,
  extraTrees: convertForest,
  gradientBoosting: convertGradientBoosting,
  histGradientBoosting: convertHistGradientBoosting,
  pipeline: convertPipeline,
  voting: convertWeightedMembers,
  ensembleSelection: convertWeightedMembers,
  stacking: convertStack,
  blending: convertStack,
  bagging: convertBagging,
  prefitted: (state: SavedModel, _info, input, context) => context.convert(state, input),
};

/** The transformer kinds that export. */
export const transformerConverters: Readonly<Record<string, TransformerConverter>> = {
  simpleImputer: convertSimpleImputer,
  standardScaler: convertStandardScaler,
  oneHotEncoder: convertOneHotEncoder,
  ordinalEncoder: convertOrdinalEncoder,
};

/** Why the learners that do not export cannot (yet): the error message's reason. */
export const notExportable: Readonly<Record<string, string>> = {
  knn: 'it predicts from the stored training rows (distances to every row, then the nearest); ONNX would need the whole training set as a constant and a TopK over a distance matrix, which is not written',
};

/**
 * A conversion context over `graph`: converts any exportable model (nesting through pipelines and
 * ensembles), and refuses the others with a StacklearnError naming the kind, where it sits in the
 * model and why it does not export.
 *
 * @example
 * const output = convertContext(graph).convert(model, 'X');
 */
export function convertContext(graph: GraphBuilder): ConvertContext {
  const path: string[] = [];
  const context: ConvertContext = {
    graph,
    convert(model, input) {
      const converter = learnerConverters[model.kind];
      if (!converter) throw refusal(model.kind, path);
      path.push(model.kind);
      const output = converter(model.state, model.info, input, context);
      path.pop();
      return output;
    },
    transform(step, input) {
      const converter = transformerConverters[step.kind];
      if (!converter) throw refusal(step.kind, path);
      return converter(step.state, input, graph);
    },
    refuse(reason) {
      throw refusal(path[path.length - 1] ?? '?', path.slice(0, -1), reason);
    },
  };
  return context;
}

function refusal(kind: string, path: readonly string[], why?: string): StacklearnError {
  const where = path.length > 0 ? ` (inside ${path.join(' → ')})` : '';
  const reason = why ?? notExportable[kind] ?? 'no ONNX converter is registered for it';
  return new StacklearnError(`toOnnx: a "${kind}" model${where} cannot be exported to ONNX: ${reason}`);
}
