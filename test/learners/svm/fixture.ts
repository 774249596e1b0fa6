// The scikit-learn 1.2.1 reference cases of test/fixtures/svm.json (scripts/fixtures/svm.py).
import { readFileSync } from 'node:fs';
import { type Matrix, matrix } from '../../../src/data/matrix.js';
import type { ClassificationData, Feature, RegressionData, Spec } from '../../../src/learners/types.js';

interface FixtureDataset {
  readonly task: 'regression' | 'binary' | 'multiclass';
  readonly Xtrain: number[][];
  readonly Xtest: number[][];
  readonly ytrain: number[];
  readonly ytest: number[];
  readonly classes?: string[];
}

interface CaseBase {
  readonly name: string;
  readonly data: string;
  readonly spec: Record<string, unknown>;
  readonly sampleWeight: number[] | null;
  readonly gamma: number;
  readonly nIter: number[];
  /** Present for the cases solved with tol = 1e-6. */
  readonly support?: number[];
  readonly dualCoef?: number[];
}

export interface SvrCase extends CaseBase {
  readonly nSupport: number;
  readonly intercept: number;
  readonly predictTest: number[];
  readonly r2Test: number;
}

export interface SvcCase extends CaseBase {
  readonly nSupport: number[];
  readonly intercept: number[];
  /** scikit-learn's decision_function, shape 'ovo' (binary: one value, positive for class 1). */
  readonly decisionTest: number[];
  /** scikit-learn's predict: the one-vs-one vote. */
  readonly predictTest: number[];
  readonly accuracyTest: number;
  /** random_state = 0: the pairwise sigmoids and predict_proba of the first 10 test rows. */
  readonly probA: number[];
  readonly probB: number[];
  readonly probaTestHead: number[];
  /** predict_proba averaged over random_state 0 … 9, and how far single seeds stray from it. */
  readonly probaMeanTest: number[];
  readonly seedDeviation: { readonly max: number; readonly mean: number };
  /** Accuracy of argmax(predict_proba), averaged over random_state 0 … 9. */
  readonly accuracyProbaTest: number;
}

export interface PlattCase {
  readonly name: string;
  readonly decision: number[];
  readonly labels: number[];
  readonly A: number;
  readonly B: number;
}

interface SvmFixture {
  readonly datasets: Record<string, FixtureDataset>;
  readonly svr: SvrCase[];
  readonly svc: SvcCase[];
  readonly platt: PlattCase[];
}

export const svmFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/svm.json', import.meta.url), 'utf8'),
) as SvmFixture;

function features(cols: number): Feature[] {
  return Array.from({ length: cols }, (_, j) => ({ name: `x${j}`, kind: 'numeric' as const }));
}

/** Our spec for a fixture case (its parameters are already spelled our way). */
export function caseSpec(kind: 'svr' | 'svc', c: CaseBase): Spec {
  return { kind, ...c.spec };
}

/** The training data and held-out rows of a regression case. */
export function svrCaseData(c: SvrCase): { train: RegressionData; test: Matrix; yTest: Float64Array } {
  const d = svmFixture.datasets[c.data]!;
  const X = matrix(d.Xtrain);
  const train: RegressionData = {
    task: 'regression',
    X,
    features: features(X.cols),
    y: Float64Array.from(d.ytrain),
    sampleWeight: c.sampleWeight ? Float64Array.from(c.sampleWeight) : undefined,
  };
  return { train, test: matrix(d.Xtest), yTest: Float64Array.from(d.ytest) };
}

/** The training data and held-out rows of a classification case. */
export function svcCaseData(c: SvcCase): { train: ClassificationData; test: Matrix; yTest: Int32Array } {
  const d = svmFixture.datasets[c.data]!;
  const X = matrix(d.Xtrain);
  const train: ClassificationData = {
    task: d.task as 'binary' | 'multiclass',
    X,
    features: features(X.cols),
    y: Int32Array.from(d.ytrain),
    classes: d.classes!,
    sampleWeight: c.sampleWeight ? Float64Array.from(c.sampleWeight) : undefined,
  };
  return { train, test: matrix(d.Xtest), yTest: Int32Array.from(d.ytest) };
}

/**
 * scikit-learn's support_ as training-row indices. With zero sample weights, scikit-learn 1.2.1
 * reports positions among the rows of positive weight instead (scikit-learn issue #25380); ours are
 * always training rows.
 */
export function scikitSupport(c: CaseBase): number[] {
  const w = c.sampleWeight;
  if (!w) return c.support!;
  const kept = [...w.keys()].filter((i) => w[i]! > 0);
  return c.support!.map((i) => kept[i]!);
}

/** The largest |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}
