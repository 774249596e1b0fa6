import { getLearner, hasLearner } from '../learners/registry.js';
import type { Feature, Spec, TrainingData } from '../learners/types.js';

/** A named spec on a leaderboard. */
export interface Candidate {
  readonly name: string;
  readonly spec: Spec;
  /** Marks what the row is (base learner, baseline; ensembles later). */
  readonly group: 'baseline' | 'learner' | 'ensemble';
}

const regressors: readonly Candidate[] = [
  { name: 'linear regression', spec: { kind: 'linearRegression' }, group: 'learner' },
  { name: 'ridge', spec: { kind: 'ridge' }, group: 'learner' },
  { name: 'SGD', spec: { kind: 'sgdRegressor' }, group: 'learner' },
  { name: 'SVR (linear)', spec: { kind: 'svr', kernel: 'linear' }, group: 'learner' },
  { name: 'SVR (poly)', spec: { kind: 'svr', kernel: 'poly' }, group: 'learner' },
  { name: 'SVR (rbf)', spec: { kind: 'svr', kernel: 'rbf' }, group: 'learner' },
  { name: 'KNN (uniform)', spec: { kind: 'knn', weights: 'uniform' }, group: 'learner' },
  { name: 'KNN (distance)', spec: { kind: 'knn', weights: 'distance' }, group: 'learner' },
  { name: 'decision tree', spec: { kind: 'decisionTree' }, group: 'learner' },
  { name: 'random forest', spec: { kind: 'randomForest' }, group: 'learner' },
  { name: 'extra trees', spec: { kind: 'extraTrees' }, group: 'learner' },
  { name: 'gradient boosting', spec: { kind: 'gradientBoosting' }, group: 'learner' },
  { name: 'MLP', spec: { kind: 'mlp', maxIter: 500 }, group: 'learner' },
  { name: 'baseline (mean)', spec: { kind: 'dummy', strategy: 'mean' }, group: 'baseline' },
];

const classifiers: readonly Candidate[] = [
  { name: 'logistic regression', spec: { kind: 'logisticRegression' }, group: 'learner' },
  { name: 'SVC (linear)', spec: { kind: 'svc', kernel: 'linear' }, group: 'learner' },
  { name: 'SVC (rbf)', spec: { kind: 'svc', kernel: 'rbf' }, group: 'learner' },
  { name: 'KNN (uniform)', spec: { kind: 'knn', weights: 'uniform' }, group: 'learner' },
  { name: 'KNN (distance)', spec: { kind: 'knn', weights: 'distance' }, group: 'learner' },
  { name: 'decision tree', spec: { kind: 'decisionTree' }, group: 'learner' },
  { name: 'random forest', spec: { kind: 'randomForest' }, group: 'learner' },
  { name: 'extra trees', spec: { kind: 'extraTrees' }, group: 'learner' },
  { name: 'gradient boosting', spec: { kind: 'gradientBoosting' }, group: 'learner' },
  { name: 'MLP', spec: { kind: 'mlp', maxIter: 500 }, group: 'learner' },
  { name: 'naive Bayes (Gaussian)', spec: { kind: 'gaussianNB' }, group: 'learner' },
  { name: 'baseline (prior)', spec: { kind: 'dummy', strategy: 'prior' }, group: 'baseline' },
];

/**
 * The learners `compare` fits for a task, each wrapped the way a careful user would: missing values
 * imputed, categorical columns one-hot encoded, and inputs standardised for scale-sensitive learners.
 *
 * @example
 * defaultCandidates(data) // [{ name: 'linear regression', spec: { kind: 'pipeline', ... } }, ...]
 */
export function defaultCandidates(data: TrainingData): Candidate[] {
  const list = (data.task === 'regression' ? regressors : classifiers).filter((c) => hasLearner(c.spec.kind));
  return list.map((candidate) => ({ ...candidate, spec: preprocessed(candidate.spec, data.features) }));
}

/** `spec` behind the preprocessing its learner needs for these features. */
export function preprocessed(spec: Spec, features: readonly Feature[]): Spec {
  const def = getLearner(spec.kind);
  // A learner that copes with missing values (the baseline ignores the features altogether) runs as is.
  if (def.handlesMissing) return spec;
  const steps: Spec[] = [{ kind: 'simpleImputer', strategy: 'mean' }];
  if (features.some((f) => f.kind === 'categorical'))
    steps.push({ kind: 'oneHotEncoder', handleUnknown: 'ignore' });
  if (def.scaleSensitive) steps.push({ kind: 'standardScaler' });
  return { kind: 'pipeline', steps, estimator: spec };
}
