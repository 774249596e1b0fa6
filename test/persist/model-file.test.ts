import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeClassification, makeFriedman1 } from '../../src/data/synthetic.js';
import '../../src/learners/builtins.js';
import { fit } from '../../src/learners/fit.js';
import { crc32 } from '../../src/persist/crc32.js';
import { decodeModel, encodeModel, modelFormatVersion, readEnvelope } from '../../src/persist/model-file.js';

const regression = makeFriedman1({ nSamples: 80, nFeatures: 5, seed: 1 });
const classification = makeClassification({
  nSamples: 90,
  nFeatures: 5,
  nClasses: 3,
  nInformative: 3,
  seed: 2,
});

test('a model file round trips to identical predictions and the same spec and schema', async () => {
  const model = await fit({ kind: 'decisionTree', maxDepth: 4 }, { ...classification, target: 'label' });
  const bytes = encodeModel(model, { createdWith: 'stacklearn test' });
  const loaded = decodeModel(bytes);
  assert.ok(loaded.task !== 'regression' && model.task !== 'regression');
  assert.deepEqual(loaded.predictProba(classification.X), model.predictProba(classification.X));
  assert.deepEqual(loaded.spec, model.spec);
  assert.deepEqual(loaded.info, model.info);
  assert.equal(loaded.info.target, 'label');
  const envelope = readEnvelope(bytes);
  assert.equal(envelope.format, 'stacklearn-model');
  assert.equal(envelope.version, modelFormatVersion);
  assert.equal(envelope.createdWith, 'stacklearn test');
});

test('typed arrays are stored raw, not as text: the file is about the size of the arrays', async () => {
  const model = await fit({ kind: 'knn' }, regression);
  const bytes = encodeModel(model);
  const arrays = regression.X.data.byteLength + regression.y.byteLength;
  assert.ok(
    bytes.length > arrays && bytes.length < arrays + 4096,
    `${bytes.length} bytes for ${arrays} bytes of arrays`,
  );
});

test('the same model and options give the same bytes', async () => {
  const model = await fit({ kind: 'ridge' }, regression);
  assert.deepEqual(encodeModel(model), encodeModel(model));
});

test('a file that is not a model, truncated, corrupt or of another version is refused, saying which', async () => {
  const model = await fit({ kind: 'ridge' }, regression);
  const bytes = encodeModel(model);
  assert.throws(() => decodeModel(new TextEncoder().encode('{"hello": 1}')), /not a stacklearn model file/);
  assert.throws(() => decodeModel(bytes.subarray(0, bytes.length - 10)), /truncated/);
  const flipped = bytes.slice();
  flipped[bytes.length - 12]! ^= 0xff;
  assert.throws(() => decodeModel(flipped), /corrupt: its checksum does not match/);
  // A file from a future version: rewrite the header and fix the checksum, as a newer writer would.
  const text = new TextDecoder().decode(bytes);
  const newer = new TextEncoder().encode(text.replace('"version":1', '"version":9'));
  const view = new DataView(newer.buffer);
  view.setUint32(newer.length - 4, crc32(newer, 0, newer.length - 4), true);
  assert.throws(() => decodeModel(newer), /format version 9; this stacklearn reads version 1/);
});

test('decoding works from a byte view at an odd offset in a larger buffer', async () => {
  const model = await fit({ kind: 'linearRegression' }, regression);
  const bytes = encodeModel(model);
  const larger = new Uint8Array(bytes.length + 3);
  larger.set(bytes, 3);
  const loaded = decodeModel(larger.subarray(3));
  assert.ok(loaded.task === 'regression' && model.task === 'regression');
  assert.deepEqual(loaded.predict(regression.X), model.predict(regression.X));
});
