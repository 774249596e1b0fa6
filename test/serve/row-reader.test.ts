import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Feature } from '../../src/learners/types.js';
import { RequestError } from '../../src/serve/request-error.js';
import { createRowReader } from '../../src/serve/row-reader.js';

const features: Feature[] = [
  { name: 'Cylinders', kind: 'numeric' },
  { name: 'Origin', kind: 'categorical', levels: ['Europe', 'Japan', 'USA'] },
  { name: 'a/b~c', kind: 'numeric' },
];
const reader = createRowReader(features);

function refusal(body: unknown, unknown: 'error' | 'missing' = 'error'): RequestError {
  try {
    reader.read(body, unknown);
  } catch (error) {
    assert.ok(error instanceof RequestError);
    return error;
  }
  assert.fail('expected a RequestError');
}

test('read encodes rows in the model column order: categories as level codes, null as NaN, extras ignored', () => {
  const { X, single } = reader.read(
    [
      { 'a/b~c': 1.5, Origin: 'USA', Cylinders: 8, note: 'x' },
      { Cylinders: null, Origin: null, 'a/b~c': -2 },
    ],
    'error',
  );
  assert.equal(single, false);
  assert.deepEqual({ rows: X.rows, cols: X.cols }, { rows: 2, cols: 3 });
  assert.deepEqual([...X.data], [8, 2, 1.5, Number.NaN, Number.NaN, -2]);
});

test('read writes a single row object into the given buffer', () => {
  const buffer = new Float64Array(3);
  const { X, single } = reader.read({ Cylinders: 4, Origin: 'Japan', 'a/b~c': 0 }, 'error', buffer);
  assert.equal(single, true);
  assert.equal(X.data, buffer);
  assert.deepEqual([...buffer], [4, 1, 0]);
});

test('an unseen category is refused naming the field and the levels, or made missing with "missing"', () => {
  const error = refusal({ Cylinders: 4, Origin: 'Mars', 'a/b~c': 0 });
  assert.equal(error.statusCode, 400);
  assert.equal(error.code, 'unknown_category');
  assert.equal(
    error.message,
    'field "Origin": "Mars" is not one of the training levels "Europe", "Japan", "USA" (or null); ' +
      'send ?unknown=missing to treat unseen categories as missing values',
  );
  assert.deepEqual((error.details as { invalid: { allowed: string[] }[] }).invalid[0]!.allowed, [
    'Europe',
    'Japan',
    'USA',
  ]);
  const { X } = reader.read({ Cylinders: 4, Origin: 'Mars', 'a/b~c': 0 }, 'missing');
  assert.deepEqual([...X.data], [4, Number.NaN, 0]);
});

test('missing fields are all named, with the row index in an array', () => {
  const error = refusal([{ Cylinders: 4, Origin: 'USA', 'a/b~c': 0 }, { Origin: 'USA' }]);
  assert.equal(error.code, 'missing_fields');
  assert.equal(
    error.message,
    'row 1: missing fields "Cylinders", "a/b~c" (every feature must be present; null marks a missing value)',
  );
  assert.deepEqual(error.details, { row: 1, missing: ['Cylinders', 'a/b~c'] });
});

test('values of the wrong type are named with what was expected and received', () => {
  const error = refusal({ Cylinders: '8', Origin: 3, 'a/b~c': [1] });
  assert.equal(error.code, 'invalid_value');
  assert.equal(
    error.message,
    'field "Cylinders": expected a number or null; received "8" (a string); ' +
      'field "Origin": expected a string (one of "Europe", "Japan", "USA") or null; received 3 (a number); ' +
      'field "a/b~c": expected a number or null; received [1] (an array)',
  );
});

test('a body that is not a row object or an array of them is refused', () => {
  assert.equal(
    refusal('text').message,
    'the body must be one row object or an array of row objects; received "text" (a string)',
  );
  assert.equal(refusal([]).message, 'the body is an empty array; send at least one row');
  assert.equal(refusal([null]).message, 'row 0: expected an object of feature values; received null');
  assert.equal(refusal([null]).code, 'invalid_row');
});
