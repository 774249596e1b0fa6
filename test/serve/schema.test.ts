import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import type { Feature } from '../../src/learners/types.js';
import { requestSchema, rowSchema } from '../../src/serve/schema.js';

const features: Feature[] = [
  { name: 'Cylinders', kind: 'numeric' },
  { name: 'Origin', kind: 'categorical', levels: ['Europe', 'Japan', 'USA'] },
];

test('rowSchema: numeric features are nullable numbers, categorical ones nullable enums of the levels, all required', () => {
  assert.deepEqual(rowSchema(features), {
    type: 'object',
    properties: {
      Cylinders: { type: ['number', 'null'] },
      Origin: { type: ['string', 'null'], enum: ['Europe', 'Japan', 'USA', null] },
    },
    required: ['Cylinders', 'Origin'],
    additionalProperties: true,
  });
});

test('rowSchema with unknown categories as missing takes any string for a categorical feature', () => {
  const origin = rowSchema(features, 'missing').properties!.Origin!;
  assert.deepEqual(origin.type, ['string', 'null']);
  assert.equal(origin.enum, undefined);
  assert.match(origin.description!, /training levels: Europe, Japan, USA; any other value counts as missing/);
});

test('requestSchema accepts one row or a non-empty array of rows, and refuses what the row schema refuses', () => {
  const validate = new Ajv().compile(requestSchema(features));
  assert.equal(validate({ Cylinders: 8, Origin: 'USA', extra: 'ignored' }), true);
  assert.equal(validate({ Cylinders: null, Origin: null }), true);
  assert.equal(
    validate([
      { Cylinders: 4, Origin: 'Japan' },
      { Cylinders: 6, Origin: 'Europe' },
    ]),
    true,
  );
  assert.equal(validate([]), false);
  assert.equal(validate({ Cylinders: 8 }), false);
  assert.equal(validate({ Cylinders: '8', Origin: 'USA' }), false);
  assert.equal(validate({ Cylinders: 8, Origin: 'Mars' }), false);
  assert.equal(new Ajv().compile(requestSchema(features, 'missing'))({ Cylinders: 8, Origin: 'Mars' }), true);
});
