// The contract every registered learner passes (the design's learner contract): one suite, run over the registry.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toTrainingData } from '../../src/data/dataset.js';
import { takeRows } from '../../src/data/matrix.js';
import { loadBundled } from '../../src/data/read-file.js';
import { trainTestSplit } from '../../src/data/split.js';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import { splitData } from '../../src/select/compare.js';
import '../../src/learners/builtins.js';
import { compileRowPredictor } from '../../src/learners/compile.js';
import { fit, restoreModel, toSavedModel } from '../../src/learners/fit.js';
import { listLearners } from '../../src/learners/registry.js';
import type { Model, Spec, TrainingData } from '../../src/learners/types.js';
import { evaluatePredictions, mainMetric } from '../../src/metrics/evaluate.js';
import { decodeModel, encodeModel } from '../../src/persist/model-file.js';
import { fromPlain, toPlain } from '../../src/persist/plain.js';
import { preprocessed } from '../../src/select/candidates.js';

/** Ensemble members that take missing values (imputed) and both tasks. */
const tree: Spec = {
  kind: 'pipeline',
  steps: [{ kind: 'simpleImputer' }],
  estimator: { kind: 'decisionTree', maxDepth: 4 },
};
const scaledKnn: Spec = {
  kind: 'pipeline',
  steps: [{ kind: 'simpleImputer' }, { kind: 'standardScaler' }],
  estimator: { kind: 'knn' },
};

/** Specs exercised per kind (default: the kind with its defaults; none for an empty list). */
const variants: Record<string, readonly Spec[]> = {
  voting: [
    { kind: 'voting', estimators: { tree, knn: scaledKnn }, voting: 'soft', cv: 3 },
    { kind: 'voting', estimators: { tree, knn: scaledKnn }, voting: 'soft', weights: 'learned', cv: 3 },
  ],
  stacking: [{ kind: 'stacking', estimators: { tree, knn: scaledKnn }, cv: 3 }],
  blending: [{ kind: 'blending', estimators: { tree, knn: scaledKnn } }],
  bagging: [{ kind: 'bagging', estimator: tree, nEstimators: 5, maxFeatures: 0.6 }],
  ensembleSelection: [
    { kind: 'ensembleSelection', estimators: { tree, knn: scaledKnn }, nIterations: 10, cv: 3 },
  ],
  // Its spec carries a model fitted on one dataset; test/ensembles/prefitted.test.ts covers it.
  prefitted: [],
  knn: [{ kind: 'knn' }, { kind: 'knn', weights: 'distance', p: 1 }],
  decisionTree: [
    { kind: 'decisionTree' },
    { kind: 'decisionTree', maxDepth: 4, maxFeatures: 'sqrt', seed: 3 },
  ],
  pipeline: [{ kind: 'pipeline', steps: [{ kind: 'standardScaler' }], estimator: { kind: 'dummy' } }],
  sgdRegressor: [{ kind: 'sgdRegressor', seed: 5 }],
};

const regression = makeFriedman1({ nSamples: 160, nFeatures: 6, noise: 0.5, seed: 11 });
const binary = makeClassification({ nSamples: 160, nFeatures: 5, nClasses: 2, seed: 12 });
const multiclass = makeClassification({
  nSamples: 180,
  nFeatures: 6,
  nInformative: 3,
  nClasses: 3,
  seed: 13,
});

function outputs(model: Model, X: TrainingData['X']): Float64Array {
  return model.task === 'regression' ? model.predict(X) : model.predictProba(X).data;
}

/** Learners of counts take the absolute values of the synthetic features. */
const needsCounts = new Set(['multinomialNB']);

function absolute<T extends TrainingData>(data: T): T {
  return { ...data, X: { ...data.X, data: data.X.data.map(Math.abs) } };
}

function datasetsFor(kind: string, tasks: readonly string[]): TrainingData[] {
  const out: TrainingData[] = [];
  if (tasks.includes('regression')) out.push(regression);
  if (tasks.includes('classification')) out.push(binary, multiclass);
  return needsCounts.has(kind) ? out.map(absolute) : out;
}

for (const def of listLearners()) {
  for (const spec of variants[def.kind] ?? [{ kind: def.kind }]) {
    describe(`contract: ${JSON.stringify(spec)}`, () => {
      for (const data of datasetsFor(def.kind, def.tasks)) {
        const X = data.X;
        test(`${data.task}: the spec survives a JSON round trip and refits to the same predictions`, async () => {
          const model = await fit(spec, data);
          const again = await fit(JSON.parse(JSON.stringify(model.spec)) as Spec, data);
          assert.deepEqual(again.spec, model.spec);
          assert.deepEqual(outputs(again, X), outputs(model, X));
        });

        test(`${data.task}: inputs are never mutated`, async () => {
          const before = { X: data.X.data.slice(), y: data.y.slice() };
          const model = await fit(spec, data);
          outputs(model, X);
          assert.deepEqual(data.X.data, before.X);
          assert.deepEqual(data.y, before.y);
        });

        test(`${data.task}: save → load gives identical predictions`, async () => {
          const model = await fit(spec, data);
          const fromFile = decodeModel(encodeModel(model));
          assert.deepEqual(outputs(fromFile, X), outputs(model, X));
          assert.deepEqual(fromFile.spec, model.spec);
          const text = JSON.stringify(toPlain(toSavedModel(model)));
          const fromJson = restoreModel(fromPlain(JSON.parse(text)) as ReturnType<typeof toSavedModel>);
          assert.deepEqual(outputs(fromJson, X), outputs(model, X));
        });

        test(`${data.task}: a wrong column count at predict time is refused, naming the expected columns`, async () => {
          const model = await fit(spec, data);
          const narrow = { rows: 2, cols: X.cols - 1, data: new Float64Array(2 * (X.cols - 1)) };
          assert.throws(() => outputs(model, narrow), new RegExp(`expects ${X.cols} columns`));
        });

        test(`${data.task}: NaN at predict time is refused with row and column, or handled`, async () => {
          const model = await fit(spec, data);
          const rows = takeRows(X, [0, 1, 2]);
          rows.data[1 * X.cols + 2] = Number.NaN;
          if (def.handlesMissing) {
            assert.ok(outputs(model, rows).every(Number.isFinite));
          } else {
            assert.throws(() => outputs(model, rows), /column "[^"]+" has a missing value at row 1/);
          }
        });

        test(`${data.task}: compiled single-row predictor equals predict row by row`, async () => {
          const model = await fit(spec, data);
          const expected = outputs(model, X);
          const width = expected.length / X.rows;
          const predictRow = compileRowPredictor(model);
          // One output buffer for every row, starting dirty: a row path must overwrite all of it.
          const out = new Float64Array(width).fill(Number.NaN);
          const actual = new Float64Array(expected.length);
          for (let i = 0; i < X.rows; i++) {
            const row = X.data.slice(i * X.cols, (i + 1) * X.cols);
            const value = predictRow(row, out);
            if (typeof value === 'number') actual[i] = value;
            else actual.set(value, i * width);
          }
          assert.deepEqual(actual, expected);
        });

        if (data.task !== 'regression') {
          test(`${data.task}: predictProba rows sum to 1 and classes keep the data's order`, async () => {
            const model = await fit(spec, data);
            assert.ok(model.task !== 'regression');
            assert.deepEqual(model.classes, data.classes);
            const proba = model.predictProba(X);
            assert.equal(proba.cols, data.classes.length);
            for (let i = 0; i < proba.rows; i++) {
              let sum = 0;
              for (let j = 0; j < proba.cols; j++) {
                const p = proba.data[i * proba.cols + j]!;
                assert.ok(p >= 0 && p <= 1, `probability ${p} outside [0, 1]`);
                sum += p;
              }
              assert.ok(Math.abs(sum - 1) < 1e-9, `row ${i} sums to ${sum}`);
            }
          });
        }
      }

      test('an unknown parameter is refused, naming it and the learner', async () => {
        const data = datasetsFor(def.kind, def.tasks)[0]!;
        await assert.rejects(fit({ ...spec, notAParameter: 1 }, data), /unknown parameter "notAParameter"/);
      });

      if (def.randomized) {
        test('same seed, same model, byte for byte', async () => {
          const data = datasetsFor(def.kind, def.tasks)[0]!;
          const a = await fit(spec, data);
          const b = await fit(spec, data);
          assert.equal(JSON.stringify(toPlain(a.state)), JSON.stringify(toPlain(b.state)));
        });
      }
    });
  }
}

// Each learner, behind the preprocessing `compare` gives it, beats the trivial baseline on the bundled data.
const bundled = await Promise.all(
  (['cars', 'penguins'] as const).map(async (name) => {
    const { dataset, target } = await loadBundled(name);
    const data = toTrainingData(dataset, { target });
    const split = trainTestSplit(data.X.rows, {
      testSize: 0.25,
      seed: 1,
      stratify: data.task === 'regression' ? undefined : data.y,
    });
    return { name, ...splitData(data, split.train, split.test) };
  }),
);

async function score(spec: Spec, train: TrainingData, test: TrainingData): Promise<number> {
  const model = await fit(preprocessed(spec, train.features), train);
  const metric = mainMetric(train.task);
  return evaluatePredictions(
    test,
    model.task === 'regression' ? model.predict(test.X) : model.predictProba(test.X),
    [metric.name],
  )[metric.name]!;
}

describe('contract: every learner beats the baseline on the bundled data', () => {
  for (const def of listLearners()) {
    if (def.kind === 'dummy' || def.kind === 'pipeline' || variants[def.kind]?.length === 0) continue;
    for (const { name, train, test: held } of bundled) {
      if (!def.tasks.includes(train.task === 'regression' ? 'regression' : 'classification')) continue;
      test(`${def.kind} on ${name}`, async () => {
        const ours = await score(variants[def.kind]?.[0] ?? { kind: def.kind }, train, held);
        const baseline = await score({ kind: 'dummy' }, train, held);
        assert.ok(ours > baseline, `${def.kind}: ${ours} does not beat the baseline's ${baseline}`);
      });
    }
  }
});
