import { getLearner, hasLearner, hasTransformer } from '../learners/registry.js';
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
  { name: 'hist. gradient boosting', spec: { kind: 'histGradientBoosting' }, group: 'learner' },
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
  { name: 'hist. gradient boosting', spec: { kind: 'histGradientBoosting' }, group: 'learner' },
  { name: 'MLP', spec: { kind: 'mlp', maxIter: 500 }, group: 'learner' },
  { name: 'naive Bayes (Gaussian)', spec: { kind: 'gaussianNB' }, group: 'learner' },
  { name: 'baseline (prior)', spec: { kind: 'dummy', strategy: 'prior' }, group: 'baseline' },
];

/** The members of the ensembles compare builds: strong, diverse, and reasonably quick. */
const ensembleMembers = {
  regression: {
    rf: { kind: 'randomForest' },
    et: { kind: 'extraTrees' },
    gb: { kind: 'gradientBoosting' },
    svr: { kind: 'svr', kernel: 'rbf' },
    knn: { kind: 'knn', weights: 'distance' },
  },
  classification: {
    rf: { kind: 'randomForest' },
    et: { kind: 'extraTrees' },
    gb: { kind: 'gradientBoosting' },
    svc: { kind: 'svc', kernel: 'rbf' },
    logistic: { kind: 'logisticRegression' },
  },
} as const;

function ensembles(task: 'regression' | 'classification'): Candidate[] {
  const estimators = ensembleMembers[task];
  const names = Object.keys(estimators).join(', ');
  const final = task === 'regression' ? { kind: 'ridge' } : { kind: 'logisticRegression' };
  return [
    {
      name: `voting (${names})`,
      spec:
        task === 'regression'
          ? { kind: 'voting', estimators }
          : { kind: 'voting', voting: 'soft', estimators },
      group: 'ensemble',
    },
    {
      name: 'stacking → ridge',
      spec: { kind: 'stacking', estimators, finalEstimator: final, cv: 5 },
      group: 'ensemble',
    },
    {
      name: 'blending → ridge',
      spec: { kind: 'blending', estimators, finalEstimator: final },
      group: 'ensemble',
    },
    { name: 'ensemble selection', spec: { kind: 'ensembleSelection', estimators, cv: 5 }, group: 'ensemble' },
  ].map((candidate) =>
    task === 'regression'
      ? candidate
      : { ...candidate, name: candidate.name.replace('→ ridge', '→ logistic') },
  ) as Candidate[];
}

/** Whether every kind a spec names, nested ones included, is registered (learners and transformers). */
function registered(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(registered);
  if (value === null || typeof value !== 'object') return true;
  const record = value as Record<string, unknown>;
  if (typeof record.kind === 'string' && !hasLearner(record.kind) && !hasTransformer(record.kind))
    return false;
  return Object.entries(record).every(([key, item]) => key === 'kind' || registered(item));
}

/**
 * The candidates `compare` fits for a task — the ensembles first (voting, stacking, blending,
 * ensemble selection over random forest, extra trees, gradient boosting, an SVM and a fifth learner),
 * then every single learner, then the baseline — each wrapped the way a careful user would: missing
 * values imputed, categorical columns one-hot encoded, and inputs standardised where a learner (or
 * a member) is scale-sensitive. Only registered kinds are listed.
 *
 * @example
 * defaultCandidates(data) // [{ name: 'voting (rf, et, gb, svr, knn)', group: 'ensemble', spec: { kind: 'pipeline', ... } }, ...]
 */
export function defaultCandidates(
  data: TrainingData,
  options: { ensembles?: boolean; seed?: number } = {},
): Candidate[] {
  const family = data.task === 'regression' ? 'regression' : 'classification';
  const singles = family === 'regression' ? regressors : classifiers;
  const list = [...(options.ensembles === false ? [] : ensembles(family)), ...singles].filter((c) =>
    registered(c.spec),
  );
  return list.map((candidate) => ({
    ...candidate,
    spec: preprocessed(
      options.seed === undefined ? candidate.spec : withSeed(candidate.spec, options.seed),
      data.features,
    ),
  }));
}

/**
 * `spec` behind the preprocessing its learners need for these features: imputation and one-hot
 * encoding, plus standardisation when it or any nested member is scale-sensitive. A single learner
 * that handles missing values itself (the baseline, the histogram engine) runs as is; ensembles are
 * wrapped, because their members may not.
 */
export function preprocessed(spec: Spec, features: readonly Feature[]): Spec {
  const def = getLearner(spec.kind);
  if (def.handlesMissing && nestedSpecs(spec).length === 0) return spec;
  const steps: Spec[] = [{ kind: 'simpleImputer', strategy: 'mean' }];
  if (features.some((f) => f.kind === 'categorical'))
    steps.push({ kind: 'oneHotEncoder', handleUnknown: 'ignore' });
  if (scaleSensitive(spec)) steps.push({ kind: 'standardScaler' });
  return { kind: 'pipeline', steps, estimator: spec };
}

function scaleSensitive(spec: Spec): boolean {
  const def = getLearner(spec.kind);
  return def.scaleSensitive === true || nestedSpecs(spec).some(scaleSensitive);
}

/** The learner specs nested in a spec's parameters (ensemble members, final estimators, pipeline estimators). */
function nestedSpecs(spec: Spec): Spec[] {
  const found: Spec[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.kind === 'string' && hasLearner(record.kind)) found.push(record as Spec);
      else Object.values(record).forEach(visit);
    }
  };
  for (const [key, value] of Object.entries(spec)) if (key !== 'kind') visit(value);
  return found;
}

/** `spec` with `seed` set where its learner takes one and the spec does not (ensembles derive their members' seeds from theirs). */
export function withSeed(spec: Spec, seed: number): Spec {
  const def = getLearner(spec.kind);
  if (spec.kind === 'pipeline' && spec.estimator && typeof spec.estimator === 'object') {
    return { ...spec, estimator: withSeed(spec.estimator as Spec, seed) };
  }
  return 'seed' in def.params && spec.seed === undefined ? { ...spec, seed } : spec;
}
