import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import { prefittedSpec } from '../../src/ensembles/prefitted.js';
import '../../src/learners/builtins.js';
import { fit, restoreModel, toSavedModel } from '../../src/learners/fit.js';
import type { SavedModel } from '../../src/learners/types.js';
import { fromPlain, toPlain } from '../../src/persist/plain.js';

const data = makeFriedman1({ nSamples: 80, nFeatures: 5, noise: 0.5, seed: 1 });

test('a prefitted spec gives back the model, predictions unchanged, through a save and load', async () => {
  const original = await fit({ kind: 'knn', nNeighbors: 3 }, data);
  const spec = JSON.parse(JSON.stringify(prefittedSpec(original)));
  const model = await fit(spec, data);
  assert.ok(model.task === 'regression' && original.task === 'regression');
  assert.deepEqual(model.predict(data.X), original.predict(data.X));
  const loaded = restoreModel(
    fromPlain(JSON.parse(JSON.stringify(toPlain(toSavedModel(model))))) as SavedModel,
  );
  assert.ok(loaded.task === 'regression');
  assert.deepEqual(loaded.predict(data.X), original.predict(data.X));
  // A saved model with live typed arrays is accepted too.
  const live = await fit({ kind: 'prefitted', model: { ...toSavedModel(original) } }, data);
  assert.ok(live.task === 'regression');
  assert.deepEqual(live.predict(data.X), original.predict(data.X));
});

test('prefitted refuses a model that does not fit the data: task, classes, columns', async () => {
  const ridge = await fit({ kind: 'ridge' }, data);
  const cls = makeClassification({ nSamples: 80, nFeatures: 5, nClasses: 2, seed: 1 });
  await assert.rejects(
    fit(prefittedSpec(ridge), cls),
    /prefitted: the model \(ridge\) does regression but the data are binary/,
  );
  const lr = await fit({ kind: 'logisticRegression' }, cls);
  await assert.rejects(
    fit(prefittedSpec(lr), { ...cls, classes: ['no', 'yes'] }),
    /the model's classes \[.*\] differ from the data's \[no, yes\]/,
  );
  const renamed = { ...data, features: data.features.map((f, j) => (j === 4 ? { ...f, name: 'other' } : f)) };
  await assert.rejects(
    fit(prefittedSpec(ridge), renamed),
    /was fitted on the columns \(x0, x1, x2, x3, x4\); the data have \(x0, x1, x2, x3, other\)/,
  );
  await assert.rejects(
    fit({ kind: 'prefitted' }, data),
    /prefitted: parameter "model" must be a saved model .* received null/,
  );
});
