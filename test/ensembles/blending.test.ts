import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trainTestSplit } from '../../src/data/split.js';
import { subsetData } from '../../src/data/subset.js';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import { ensembleDiagnostics } from '../../src/ensembles/diagnostics.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import type { Model, Spec, TrainingData } from '../../src/learners/types.js';
import { maxAbsDiff } from './fixture.js';

function outputs(model: Model, X: TrainingData['X']): Float64Array {
  return model.task === 'regression' ? model.predict(X) : model.predictProba(X).data;
}

/** Blending by hand: members on the rest, a final estimator on their held-out outputs. */
async function byHand(
  data: TrainingData,
  members: Spec[],
  final: Spec,
  fraction: number,
  seed: number,
  refit: boolean,
): Promise<(X: TrainingData['X']) => Float64Array> {
  const split = trainTestSplit(data.y.length, {
    testSize: fraction,
    seed,
    stratify: data.task === 'regression' ? undefined : data.y,
  });
  const rest = await Promise.all(members.map((spec) => fit(spec, subsetData(data, split.train))));
  const held = subsetData(data, split.test);
  const keep = (model: Model, X: TrainingData['X']): number[] => {
    const out = outputs(model, X);
    if (model.task === 'regression') return [...out];
    // Binary: the probability of the second class only.
    return [...out].filter((_, i) => i % 2 === 1);
  };
  const meta = (models: Model[], X: TrainingData['X']) => {
    const columns = models.map((m) => keep(m, X));
    return {
      rows: X.rows,
      cols: models.length,
      data: Float64Array.from(
        { length: X.rows * models.length },
        (_, i) => columns[i % models.length]![Math.floor(i / models.length)]!,
      ),
    };
  };
  const features = members.map((_, j) => ({ name: `m${j}`, kind: 'numeric' as const }));
  const finalModel = await fit(final, { ...held, X: meta(rest, held.X), features });
  const used = refit ? await Promise.all(members.map((spec) => fit(spec, data))) : rest;
  return (X) => outputs(finalModel, meta(used, X));
}

test('blending equals members fitted on the rest and a final estimator fitted on the holdout', async () => {
  const data = makeFriedman1({ nSamples: 120, nFeatures: 5, noise: 0.5, seed: 1 });
  const members = [
    { kind: 'ridge', alpha: 2 },
    { kind: 'knn', nNeighbors: 4 },
  ];
  const estimators = { a: members[0]!, b: members[1]! };
  for (const refit of [false, true]) {
    const model = await fit(
      {
        kind: 'blending',
        estimators,
        holdoutFraction: 0.25,
        seed: 4,
        refit,
        finalEstimator: { kind: 'linearRegression' },
      },
      data,
    );
    const expected = await byHand(data, members, { kind: 'linearRegression' }, 0.25, 4, refit);
    assert.ok(maxAbsDiff(outputs(model, data.X), expected(data.X)) < 1e-10, `refit ${refit}`);
  }
});

test('blending a classifier holds out a stratified share and learns from the second-class probabilities', async () => {
  const data = makeClassification({ nSamples: 150, nFeatures: 5, nClasses: 2, seed: 3 });
  const members = [{ kind: 'logisticRegression' }, { kind: 'decisionTree', maxDepth: 3, seed: 1 }];
  const model = await fit(
    { kind: 'blending', estimators: { lr: members[0]!, tree: members[1]! }, holdoutFraction: 0.3, seed: 2 },
    data,
  );
  const expected = await byHand(data, members, { kind: 'logisticRegression' }, 0.3, 2, true);
  assert.ok(maxAbsDiff(outputs(model, data.X), expected(data.X)) < 1e-10);
  const d = ensembleDiagnostics(model);
  assert.equal(d.source, 'holdout');
  assert.ok(d.ensembleScores !== null);
});

test('blending refuses a holdoutFraction outside (0, 1)', async () => {
  const data = makeFriedman1({ nSamples: 40, nFeatures: 5, seed: 1 });
  await assert.rejects(
    fit({ kind: 'blending', estimators: { r: { kind: 'ridge' } }, holdoutFraction: 1 }, data),
    /blending: parameter "holdoutFraction" must be a number > 0 and < 1; received 1/,
  );
});
