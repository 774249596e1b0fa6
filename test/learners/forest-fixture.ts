// Loads test/fixtures/forest.json (scikit-learn 1.2.1, made by scripts/fixtures/forest.py).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Matrix } from '../../src/data/matrix.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { Model, TrainingData } from '../../src/learners/types.js';
import { type FixtureDataset, splitFixture, testScore } from './knn-tree-fixture.js';

/** scikit-learn's values over nSeeds random states. */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export interface ForestCase {
  readonly kind: 'randomForest' | 'extraTrees';
  readonly dataset: string;
  readonly params: Record<string, unknown>;
  readonly nSeeds: number;
  readonly sampleWeight: number[] | null;
  /** Test R² or accuracy. */
  readonly score: Spread;
  readonly oobScore?: Spread;
  /** Mean over the seeds. */
  readonly featureImportances: number[];
}

export interface ClassWeightCase {
  readonly kind: 'randomForest' | 'extraTrees';
  readonly dataset: string;
  readonly params: Record<string, unknown>;
  readonly nSeeds: number;
  /** Test recall of class 1 (the rare one). */
  readonly minorityRecall: Spread;
}

interface Fixture {
  readonly datasets: Record<string, FixtureDataset>;
  readonly cases: ForestCase[];
  readonly classWeight: ClassWeightCase[];
}

export const forestFixture: Fixture = JSON.parse(
  readFileSync(new URL('../fixtures/forest.json', import.meta.url), 'utf8'),
);

/** The training data of a fixture dataset (with optional sample weights) and its test rows. */
export function forestData(
  name: string,
  sampleWeight?: readonly number[] | null,
): { train: TrainingData; Xtest: Matrix; ytest: number[] } {
  return splitFixture(forestFixture.datasets[name]!, sampleWeight);
}

/** Recall of class `positive`: the fraction of its test rows predicted as it. */
export function recall(model: Model, Xtest: Matrix, ytest: readonly number[], positive: number): number {
  if (model.task === 'regression') throw new Error('recall needs a classifier');
  const p = model.predict(Xtest);
  let hits = 0;
  let total = 0;
  ytest.forEach((y, i) => {
    if (y !== positive) return;
    total++;
    if (p[i] === positive) hits++;
  });
  return hits / total;
}

/** Pearson correlation of two equal-length arrays. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Our mean over this many seeds is compared with scikit-learn's mean over its seeds. */
const OUR_SEEDS = 5;

interface OurResults {
  readonly score: number;
  readonly oobScore: number;
  readonly featureImportances: Float64Array;
}

async function ourResults(c: ForestCase): Promise<OurResults> {
  const { train, Xtest, ytest } = forestData(c.dataset, c.sampleWeight);
  let score = 0;
  let oobScore = 0;
  const featureImportances = new Float64Array(train.X.cols);
  for (let seed = 0; seed < OUR_SEEDS; seed++) {
    const model = await fit({ kind: c.kind, ...c.params, seed }, train);
    const state = model.state as { featureImportances: Float64Array; oobScore?: number };
    score += testScore(model, Xtest, ytest) / OUR_SEEDS;
    oobScore += (state.oobScore ?? Number.NaN) / OUR_SEEDS;
    state.featureImportances.forEach((v, j) => {
      featureImportances[j]! += v / OUR_SEEDS;
    });
  }
  return { score, oobScore, featureImportances };
}

/**
 * The scikit-learn comparisons of one forest kind (test/fixtures/forest.json): test score within 2%
 * of scikit-learn's mean (or better), OOB score within 0.03, importances correlated (> 0.95) and,
 * on Friedman #1, every informative feature (0-4) above every noise feature; class weights raise the
 * minority recall as much as scikit-learn's do.
 */
export function describeAgainstScikitLearn(kind: ForestCase['kind']): void {
  describe(`${kind} against scikit-learn 1.2.1 (mean over seeds)`, () => {
    for (const c of forestFixture.cases.filter((item) => item.kind === kind)) {
      const title = `${c.dataset} ${JSON.stringify(c.params)}${c.sampleWeight ? ' with sample weights' : ''}`;
      test(`${title}: test score, OOB score and importances as scikit-learn's`, async () => {
        const ours = await ourResults(c);
        const theirs = c.score.mean;
        assert.ok(ours.score >= theirs - 0.02 * Math.abs(theirs), `score ${ours.score} vs ${theirs}`);
        if (c.oobScore) {
          const gap = Math.abs(ours.oobScore - c.oobScore.mean);
          assert.ok(gap <= 0.03, `OOB score ${ours.oobScore} vs ${c.oobScore.mean}`);
        }
        const r = correlation(ours.featureImportances, c.featureImportances);
        assert.ok(r > 0.95, `importances correlate ${r}`);
        if (c.dataset === 'friedman') {
          const informative = Math.min(...ours.featureImportances.subarray(0, 5));
          const noise = Math.max(...ours.featureImportances.subarray(5));
          assert.ok(informative > noise, `informative ${informative} vs noise ${noise}`);
        }
      });
    }

    const cases = forestFixture.classWeight.filter((item) => item.kind === kind);
    test(`classWeight raises the minority recall on 9:1 data as scikit-learn's does (${cases.length} settings)`, async () => {
      const { train, Xtest, ytest } = forestData('imbalanced');
      const recalls: number[] = [];
      for (const c of cases) {
        let mean = 0;
        for (let seed = 0; seed < OUR_SEEDS; seed++) {
          mean += recall(await fit({ kind, ...c.params, seed }, train), Xtest, ytest, 1) / OUR_SEEDS;
        }
        recalls.push(mean);
        // 26 minority rows in the test set: one row is 0.04 of recall.
        const tolerance = Math.max(0.08, 3 * c.minorityRecall.sd);
        const gap = Math.abs(mean - c.minorityRecall.mean);
        assert.ok(gap <= tolerance, `${JSON.stringify(c.params)}: ${mean} vs ${c.minorityRecall.mean}`);
      }
      assert.ok(recalls[1]! > recalls[0]! + 0.5, `balanced ${recalls[1]} vs none ${recalls[0]}`);
    });
  });
}
