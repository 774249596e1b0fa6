import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonRecords } from '../../src/data/json.js';

test('parseJsonRecords takes the union of keys in first-seen order; absent keys and null are missing', () => {
  const dataset = parseJsonRecords('[{"x": 1, "c": "a"}, {"c": "b", "z": true}, {"x": null, "z": false}]');
  assert.equal(dataset.nRows, 3);
  assert.deepEqual(
    dataset.columns.map((c) => [c.name, c.kind]),
    [
      ['x', 'numeric'],
      ['c', 'categorical'],
      ['z', 'categorical'],
    ],
  );
  assert.deepEqual([...dataset.columns[0]!.values], [1, Number.NaN, Number.NaN]);
  assert.deepEqual([...dataset.columns[1]!.values], [0, 1, Number.NaN]);
  assert.deepEqual(dataset.columns[2]!.levels, ['false', 'true']);
});

test('parseJsonRecords accepts parsed records, numeric text, missing tokens and undefined', () => {
  const dataset = parseJsonRecords([
    { a: '2.5', b: 'NA' },
    { a: 3, b: undefined },
    { a: Number.NaN, b: 'x' },
  ]);
  assert.equal(dataset.columns[0]!.kind, 'numeric');
  assert.deepEqual([...dataset.columns[0]!.values], [2.5, 3, Number.NaN]);
  assert.deepEqual([...dataset.columns[1]!.values], [Number.NaN, Number.NaN, 0]);
});

test('parseJsonRecords applies kinds overrides as the CSV reader does', () => {
  const dataset = parseJsonRecords([{ n: 10 }, { n: 8 }], { kinds: { n: 'categorical' } });
  assert.deepEqual(dataset.columns[0]!.levels, ['8', '10']);
  assert.deepEqual([...dataset.columns[0]!.values], [1, 0]);
  assert.throws(
    () => parseJsonRecords([{ n: 'eight' }], { kinds: { n: 'numeric' } }),
    /column "n" is declared numeric but record 0 has "eight", not a number/,
  );
  assert.throws(() => parseJsonRecords([{ n: 1 }], { kinds: { m: 'numeric' } }), /kinds: unknown column "m"/);
});

test('parseJsonRecords refuses what is not an array of flat records, naming row and key', () => {
  const cases: [unknown, RegExp][] = [
    ['', /the JSON text is empty/],
    ['[{"a": 1}', /not valid JSON/],
    ['{"a": 1}', /must be an array of records; received an object/],
    ['[]', /the JSON array is empty/],
    ['[{"a": 1}, 2]', /record 1 must be an object of column values; received 2/],
    ['[{"a": 1}, null]', /record 1 must be an object of column values; received null/],
    ['[{"a": 1}, [1]]', /record 1 must be an object of column values; received an array/],
    [
      '[{"a": 1}, {"a": {"b": 2}}]',
      /record 1, key "a": expected a number, a string, a boolean or null; received an object/,
    ],
    ['[{"a": [1, 2]}]', /record 0, key "a": .*received an array/],
    [[{ a: Number.POSITIVE_INFINITY }], /record 0, key "a": .*received Infinity/],
    ['[{}, {}]', /no keys/],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => parseJsonRecords(input as string), message);
  }
});
