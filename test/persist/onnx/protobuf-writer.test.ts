import assert from 'node:assert/strict';
import { test } from 'node:test';
import protobuf from 'protobufjs';
import { createProtoWriter } from '../../../src/persist/onnx/protobuf-writer.js';

test('writes the encoding examples of the protobuf documentation', () => {
  // "Encoding" guide: field 1 = 150 is 08 96 01; field 2 = "testing" is 12 07 74 65 73 74 69 6e 67.
  assert.deepEqual([...createProtoWriter().varint(1, 150).finish()], [0x08, 0x96, 0x01]);
  assert.deepEqual(
    [...createProtoWriter().string(2, 'testing').finish()],
    [0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67],
  );
  // A negative int64 is its 64-bit two's complement: ten bytes.
  assert.deepEqual(
    [...createProtoWriter().varint(1, -1).finish()],
    [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
  );
});

const schema = protobuf.parse(`
  syntax = "proto3";
  message Inner { string name = 1; repeated int64 ids = 2; }
  message Sample {
    int64 a = 1;
    float f = 2;
    bytes b = 3;
    string s = 4;
    Inner inner = 5;
    repeated int64 ints = 6;
    repeated float floats = 7;
    repeated double doubles = 8;
    repeated string names = 9;
    int64 negative = 10;
  }
`).root;

test('protobufjs decodes every field type the writer writes', () => {
  const bytes = createProtoWriter()
    .varint(1, 2 ** 53 - 1)
    .float(2, 0.1)
    .bytes(3, Uint8Array.of(0, 255, 7))
    .string(4, 'Größe ≤ 3')
    .message(5, (inner) => inner.string(1, 'node').packedVarints(2, [1, 300, 2 ** 40]))
    .packedVarints(6, [0, -5, 127, 128])
    .packedFloats(7, [1.5, -2.25, 1e-40])
    .packedDoubles(8, [0.1, -1e300, Number.NaN])
    .string(9, 'a')
    .string(9, '')
    .varint(10, -(2 ** 40))
    .finish();
  const Sample = schema.lookupType('Sample');
  const decoded = Sample.toObject(Sample.decode(bytes), { longs: Number, bytes: Array, defaults: false });
  assert.equal(decoded.a, 2 ** 53 - 1);
  assert.equal(decoded.f, Math.fround(0.1));
  assert.deepEqual(decoded.b, [0, 255, 7]);
  assert.equal(decoded.s, 'Größe ≤ 3');
  assert.deepEqual(decoded.inner, { name: 'node', ids: [1, 300, 2 ** 40] });
  assert.deepEqual(decoded.ints, [0, -5, 127, 128]);
  assert.deepEqual(decoded.floats, [1.5, -2.25, Math.fround(1e-40)]);
  assert.deepEqual(decoded.doubles, [0.1, -1e300, Number.NaN]);
  assert.deepEqual(decoded.names, ['a', '']);
  assert.equal(decoded.negative, -(2 ** 40));
});

test('refuses a varint that is not a safe integer', () => {
  assert.throws(() => createProtoWriter().varint(1, 1.5), /1\.5 is not a safe integer/);
  assert.throws(() => createProtoWriter().varint(1, 2 ** 60), /is not a safe integer/);
});

test('grows past its first buffer', () => {
  const values = Array.from({ length: 5000 }, (_, i) => i * 1000);
  const bytes = createProtoWriter().packedVarints(6, values).finish();
  const Sample = schema.lookupType('Sample');
  assert.deepEqual(Sample.toObject(Sample.decode(bytes), { longs: Number }).ints, values);
});
