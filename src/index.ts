// The public API of stacklearn, browser-safe: nothing here imports Node. File reading lives in
// 'stacklearn/node' (src/node.ts). Importing this module registers the built-in learners.
import './learners/builtins.js';

export { alignData } from './data/align.js';
export { parseArrow } from './data/arrow.js';
export type { ColumnarOptions } from './data/columnar-dataset.js';
export { defaultMissing, type ReadOptions } from './data/columns.js';
export { parseCsv } from './data/csv.js';
export {
  type Column,
  type Dataset,
  type EncodeOptions,
  encodeFeatures,
  type TrainingOptions,
  toTrainingData,
} from './data/dataset.js';
export { parseJsonRecords } from './data/json.js';
// Data
export { column, type Matrix, matrix, takeRows } from './data/matrix.js';
export { parseParquet } from './data/parquet.js';
export { type SplitOptions, trainTestSplit } from './data/split.js';
export { subsetData } from './data/subset.js';
export {
  type ClassificationOptions,
  type Friedman1Options,
  makeClassification,
  makeFriedman1,
} from './data/synthetic.js';
export type { TransformerDef, TransformerInput } from './data/transformer.js';
// Ensembles
export { type EnsembleDiagnostics, ensembleDiagnostics } from './ensembles/diagnostics.js';
export { nnls } from './ensembles/nnls.js';
export { prefittedSpec } from './ensembles/prefitted.js';
export { StacklearnError } from './errors.js';
export {
  type ClassificationRowPredictor,
  compileRowPredictor,
  type RegressionRowPredictor,
  type RowPredictor,
} from './learners/compile.js';
export { fit, restoreModel, toSavedModel } from './learners/fit.js';
export { type HgbState, predictRow } from './learners/hgb/predictor.js';
export {
  describeType,
  type ParamDef,
  type ParamTable,
  type ParamType,
  resolveParams,
} from './learners/params.js';
export {
  getLearner,
  getTransformer,
  listLearners,
  listTransformers,
  registerLearner,
  registerTransformer,
} from './learners/registry.js';
export { svcDecisionFunction, svcVote } from './learners/svm/svc-predict.js';
// Learners
export type {
  ClassificationData,
  Classifier,
  Feature,
  FitContext,
  LearnerDef,
  LearnerTask,
  Model,
  ModelInfo,
  RegressionData,
  Regressor,
  SavedModel,
  Spec,
  Task,
  TrainingData,
} from './learners/types.js';
export {
  type Average,
  type AverageOptions,
  accuracyScore,
  balancedAccuracyScore,
  confusionMatrix,
  f1Score,
  precisionScore,
  recallScore,
} from './metrics/classification.js';
export {
  evaluateModel,
  evaluatePredictions,
  type MetricInfo,
  mainMetric,
  taskMetrics,
} from './metrics/evaluate.js';
export { logLoss } from './metrics/log-loss.js';

// Metrics
export {
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from './metrics/regression.js';
export { type RocAucOptions, rocAucScore } from './metrics/roc-auc.js';
export {
  decodeModel,
  decodeModel as modelFromBytes,
  type EncodeModelOptions,
  encodeModel,
  type ModelEnvelope,
  modelFormat,
  modelFormatVersion,
  readEnvelope,
} from './persist/model-file.js';
export type { OnnxPrecision } from './persist/onnx/graph-builder.js';
// Reports and persistence
export { type OnnxOptions, toOnnx } from './persist/onnx/to-onnx.js';
export { fromPlain, toPlain } from './persist/plain.js';
export { createRandom, deriveSeed, type Random } from './random.js';
export { formatLeaderboard } from './report/leaderboard.js';
export { paramsMarkdown } from './report/params-doc.js';
export { type Candidate, defaultCandidates, preprocessed } from './select/candidates.js';
export {
  type CompareOptions,
  compare,
  type Leaderboard,
  type LeaderboardRow,
  splitData,
} from './select/compare.js';
export {
  type CrossValidateOptions,
  type CrossValidationResult,
  crossValidate,
  crossValPredict,
  type FoldScores,
} from './select/cross-validate.js';
// Model selection
export { type Fold, makeFolds, type SplitterSpec } from './select/folds.js';
export {
  gridSearch,
  type RandomSearchOptions,
  randomSearch,
  type SearchCandidate,
  type SearchOptions,
  type SearchResult,
} from './select/search.js';
export { searchLeaderboard } from './select/search-leaderboard.js';
export { type Distribution, describeParams, type SearchSpace } from './select/search-space.js';
