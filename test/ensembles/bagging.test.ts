import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import { drawIndices, sampleCount } from '../../src/ensembles/bagging-samples.js';
import { ensembleDiagnostics } from '../../src/ensembles/diagnostics.js';
import { selectColumns } from '../../src/ensembles/select-columns.js';
import '../../src/learners/builtins.js';
import { fit, restoreModel } from '../../src/learners/fit.js';
import type { Model, SavedModel, TrainingData } from '../../src/learners/types.js';
import { createRandom, deriveSeed } from '../../src/random.js';
import { maxAbsDiff } from './fixture.js';

interface BaggingState {
  readonly members: readonly { model: SavedModel; features: Uint32Array | null }[];
  readonly oobScore?: number;
}

function outputs(model: Model, X: TrainingData['X']): Float64Array {
  return model.task === 'regression' ? model.predict(X) : model.predictProba(X).data;
}

const data = makeFriedman1({ nSamples: 120, nFeatures: 6, noise: 0.5, seed: 2 });

test('bagging without draws (all rows, all columns, no bootstrap) is the learner itself, sample weights included', async () => {
  const weighted = { ...data, sampleWeight: Float64Array.from({ length: 120 }, (_, i) => 1 + (i % 3)) };
  const spec = { kind: 'bagging', estimator: { kind: 'ridge', alpha: 3 }, nEstimators: 3, bootstrap: false };
  const bagged = await fit(spec, weighted);
  const single = await fit({ kind: 'ridge', alpha: 3 }, weighted);
  assert.ok(maxAbsDiff(outputs(bagged, data.X), outputs(single, data.X)) < 1e-12);
  assert.equal(ensembleDiagnostics(bagged).ensembleScores, null);
  await assert.rejects(fit({ ...spec, oobScore: true }, weighted), /"oobScore" needs rows left out/);
});

test('each member keeps its drawn feature columns, and prediction selects them', async () => {
  const model = await fit(
    { kind: 'bagging', estimator: { kind: 'linearRegression' }, nEstimators: 5, maxFeatures: 2, seed: 7 },
    data,
  );
  const state = model.state as BaggingState;
  const seen = new Set<string>();
  let sum = new Float64Array(data.X.rows);
  for (const member of state.members) {
    const columns = member.features!;
    assert.equal(columns.length, 2);
    assert.ok(columns[0]! < columns[1]!, 'distinct columns, ascending');
    seen.add(columns.join());
    const restored = restoreModel(member.model);
    assert.deepEqual(
      restored.info.features.map((f) => f.name),
      Array.from(columns, (j) => data.features[j]!.name),
    );
    const p = outputs(restored, selectColumns(data.X, columns));
    sum = sum.map((v, i) => v + p[i]! / state.members.length);
  }
  assert.ok(seen.size > 1, 'members draw different columns');
  assert.ok(maxAbsDiff(outputs(model, data.X), sum) < 1e-12);
});

test("out-of-bag: the oobScore is the ensemble's out-of-bag R², and bagging trees beats one tree out of bag", async () => {
  const model = await fit(
    { kind: 'bagging', estimator: { kind: 'decisionTree' }, nEstimators: 30, oobScore: true, seed: 1 },
    data,
  );
  const state = model.state as BaggingState;
  const d = ensembleDiagnostics(model);
  assert.equal(d.source, 'outOfBag');
  assert.equal(state.oobScore, d.ensembleScores!.r2);
  assert.equal(d.members.length, 30);
  const memberR2 = d.members.map((name) => d.memberScores[name]!.r2!);
  const meanMember = memberR2.reduce((a, b) => a + b, 0) / memberR2.length;
  assert.ok(state.oobScore! > meanMember + 0.1, `${state.oobScore} vs members' mean ${meanMember}`);
  // Members' seeds are derived per member when the estimator spec sets none.
  assert.equal(state.members[3]!.model.spec.seed, deriveSeed(1, 'estimator', 3));
});

test('bagging a classifier averages probabilities', async () => {
  const cls = makeClassification({ nSamples: 120, nFeatures: 5, nClasses: 3, nInformative: 3, seed: 5 });
  const model = await fit(
    { kind: 'bagging', estimator: { kind: 'knn' }, nEstimators: 4, maxSamples: 0.5 },
    cls,
  );
  const state = model.state as BaggingState;
  const members = state.members.map((m) => outputs(restoreModel(m.model), cls.X));
  const mean = members[0]!.map((_, i) => members.reduce((a, p) => a + p[i]!, 0) / members.length);
  assert.ok(maxAbsDiff(outputs(model, cls.X), mean) < 1e-12);
});

test('draws: a fraction takes ⌊f·n⌋ (at least 1), counts above n are refused; without replacement no repeats', () => {
  assert.equal(sampleCount('bagging', 'maxSamples', 0.5, 301), 150);
  assert.equal(sampleCount('bagging', 'maxSamples', 0.001, 10), 1);
  assert.equal(sampleCount('bagging', 'maxSamples', 1, 10), 10);
  assert.equal(sampleCount('bagging', 'maxSamples', 7, 10), 7);
  assert.throws(
    () => sampleCount('bagging', 'maxSamples', 11, 10),
    /bagging: parameter "maxSamples" must be a fraction in \(0, 1\] or a whole count ≤ 10; received 11/,
  );
  assert.throws(() => sampleCount('bagging', 'maxFeatures', 2.5, 10), /received 2.5/);
  const without = drawIndices(20, 20, false, createRandom(1));
  assert.deepEqual(
    [...without],
    Array.from({ length: 20 }, (_, i) => i),
  );
  const withRepeats = drawIndices(1000, 1000, true, createRandom(1));
  const distinct = new Set(withRepeats).size;
  // A bootstrap sample holds about 1 − 1/e ≈ 63.2% of the rows.
  assert.ok(distinct > 590 && distinct < 675, `${distinct} distinct rows`);
});

test('bagging refuses a bad estimator, naming it', async () => {
  await assert.rejects(
    fit({ kind: 'bagging', estimator: { kind: 'logisticRegression' } }, data),
    /bagging: parameter "estimator": "logisticRegression" does not do regression/,
  );
  await assert.rejects(
    fit({ kind: 'bagging', estimator: { kind: 'knn' }, maxSamples: 500 }, data),
    /"maxSamples" must be a fraction in \(0, 1\] or a whole count ≤ 120; received 500/,
  );
});
