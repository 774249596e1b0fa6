import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDataset, defaultMissing, listNames, parseDecimal, sortLevels } from '../../src/data/columns.js';

test('parseDecimal reads decimal text only', () => {
  assert.equal(parseDecimal(' 2.5e3 '), 2500);
  assert.equal(parseDecimal('-.5'), -0.5);
  assert.equal(parseDecimal('7.'), 7);
  for (const text of ['0x10', 'Infinity', '1,5', '1_000', '', '.', 'e5', '1e999']) {
    assert.ok(Number.isNaN(parseDecimal(text)), text);
  }
});

test('sortLevels: numeric order when every level is a number, code-point order otherwise', () => {
  assert.deepEqual(sortLevels(['10', '9', '-1', '2.5']), ['-1', '2.5', '9', '10']);
  assert.deepEqual(sortLevels(['b', 'B', 'a', '10', '9']), ['10', '9', 'B', 'a', 'b']);
});

test('listNames quotes names and shortens long lists', () => {
  assert.equal(listNames(['a', 'b']), '"a", "b"');
  assert.equal(listNames(['a', 'b', 'c'], 2), '"a", "b" and 1 more');
});

test('buildDataset: mixed numbers and text make a categorical column; missing tokens are NaN', () => {
  assert.deepEqual(defaultMissing, ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan']);
  const dataset = buildDataset(
    ['m', 'n'],
    [
      [1, 'one', null, ' NA '],
      ['1', ' 2 ', 'nan', 3],
    ],
    4,
    {},
    (i) => `row ${i}`,
  );
  const [m, n] = dataset.columns;
  assert.equal(m!.kind, 'categorical');
  assert.deepEqual(m!.levels, ['1', 'one']);
  assert.deepEqual([...m!.values], [0, 1, Number.NaN, Number.NaN]);
  assert.equal(n!.kind, 'numeric');
  assert.deepEqual([...n!.values], [1, 2, Number.NaN, 3]);
});
