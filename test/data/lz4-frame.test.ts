import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeLz4Frame } from '../../src/data/lz4-frame.js';
import { fixtureBytes } from './columnar-fixture.js';

// The frames were made by the reference `lz4` command (scripts/fixtures/columnar.ts) from this text
// (227 KB, so several 64 KB blocks) and these incompressible bytes.
const words = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
];
const text = Array.from({ length: 30_000 }, (_, i) => `${words[(i * i + 7 * i) % 11]}${i % 97}`).join(' ');
let seed = 7;
const rawBytes = Uint8Array.from({ length: 200 }, () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed >>> 24;
});
const decodeText = (bytes: Uint8Array): string => new TextDecoder().decode(decodeLz4Frame(bytes));

test('decodeLz4Frame decodes linked 64 KB blocks with a content size', () => {
  assert.equal(decodeText(fixtureBytes('text-linked.lz4')), text);
});

test('decodeLz4Frame decodes independent blocks with block and content checksums', () => {
  assert.equal(decodeText(fixtureBytes('text-checksums.lz4')), text);
});

test('decodeLz4Frame copies blocks stored uncompressed', () => {
  assert.deepEqual(decodeLz4Frame(fixtureBytes('bytes-raw.lz4')), rawBytes);
});

test('decodeLz4Frame decodes concatenated frames and skips skippable frames', () => {
  const skippable = Uint8Array.of(0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 1, 2, 3);
  const linked = fixtureBytes('text-linked.lz4');
  const raw = fixtureBytes('bytes-raw.lz4');
  const joined = new Uint8Array(linked.length + skippable.length + raw.length);
  joined.set(linked);
  joined.set(skippable, linked.length);
  joined.set(raw, linked.length + skippable.length);
  const decoded = decodeLz4Frame(joined);
  assert.equal(new TextDecoder().decode(decoded.subarray(0, text.length)), text);
  assert.deepEqual(decoded.subarray(text.length), rawBytes);
});

test('decodeLz4Frame refuses other data and truncated frames', () => {
  assert.throws(
    () => decodeLz4Frame(Uint8Array.of(1, 2, 3, 4, 5)),
    /not an LZ4 frame \(magic number 0x4030201\)/,
  );
  const linked = fixtureBytes('text-linked.lz4');
  assert.throws(() => decodeLz4Frame(linked.subarray(0, 2000)), /truncated LZ4/);
});
