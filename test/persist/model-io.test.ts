import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeFriedman1 } from '../../src/data/synthetic.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import { loadModel, saveModel } from '../../src/persist/model-io.js';

const data = makeFriedman1({ nSamples: 60, nFeatures: 5, seed: 3 });

test('saveModel writes atomically (no temporary file left) and loadModel reads it back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stacklearn-'));
  const path = join(dir, 'model.slm');
  const model = await fit({ kind: 'ridge', alpha: 2 }, data);
  await saveModel(model, path);
  await saveModel(model, path); // replacing an existing file
  assert.deepEqual(readdirSync(dir), ['model.slm']);
  const loaded = await loadModel(path);
  assert.ok(loaded.task === 'regression' && model.task === 'regression');
  assert.deepEqual(loaded.predict(data.X), model.predict(data.X));
});

test('loadModel names the path of a missing or corrupt file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stacklearn-'));
  await assert.rejects(loadModel(join(dir, 'nope.slm')), /no model file at .*nope\.slm/);
  writeFileSync(join(dir, 'bad.slm'), 'not a model');
  await assert.rejects(loadModel(join(dir, 'bad.slm')), /bad\.slm: not a stacklearn model file/);
});
